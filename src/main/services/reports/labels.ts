/**
 * The words report exports write, per language: the same as the renderer's report pages. Stored
 * codes (channels, service types, payment methods, line kinds) take their words from @shared/labels.
 */
import { LABELS } from '@shared/labels';
import type { Language } from '@shared/languages';
import type { ReportName } from '@shared/schemas/reports';

/** [zh-CN, en-US]. */
export type Words = readonly [string, string];

export const say = (w: Words, lang: Language): string => (lang === 'en-US' ? w[1] : w[0]);

export const REPORT_TITLES: Record<ReportName, Words> = {
  volume: ['工单量', 'Order volume'],
  turnaround: ['时效', 'Turnaround'],
  quality: ['质量', 'Quality'],
  revenue: ['营收', 'Revenue'],
  warrantyClaims: ['三包索赔清单', 'Warranty claims'],
  technicians: ['技术员绩效', 'Technicians'],
  parts: ['配件', 'Parts'],
};

export const W = {
  date: ['日期', 'Date'],
  total: ['合计', 'Total'],
  figure: ['指标', 'Figure'],
  serviceType: ['服务类型', 'Service type'],
  technician: ['技术员', 'Technician'],
  unassigned: ['未指派', 'Unassigned'],
  overall: ['全部', 'All'],
  /** Orders that reached 已交付: the status's own words. */
  delivered: [LABELS.statuses['zh-CN'].delivered, LABELS.statuses['en-US'].delivered],
  avgToDelivered: ['平均交付时长(小时)', 'Mean to delivered (h)'],
  medianToDelivered: ['交付时长中位数(小时)', 'Median to delivered (h)'],
  readied: ['已完工', 'Ready'],
  avgToReady: ['平均完工时长(小时)', 'Mean to ready (h)'],
  medianToReady: ['完工时长中位数(小时)', 'Median to ready (h)'],
  onTime: ['按时完工', 'On time'],
  onTimeRate: ['按时完工率', 'On-time rate'],
  received: ['受理', 'Received'],
  completed: ['完工', 'Completed'],
  cancelled: ['取消', 'Cancelled'],
  completionRate: ['完工率', 'Completion rate'],
  reworks: ['返修', 'Reworks'],
  reworkRate: ['返修率', 'Rework rate'],
  fixedFirstTime: ['一次修复', 'Fixed first time'],
  firstTimeFixRate: ['一次修复率', 'First-time fix rate'],
  byTechnician: ['按技术员', 'By technician'],
  byServiceType: ['按服务类型', 'By service type'],
  labor: ['工时费(元)', 'Labor (CNY)'],
  parts: ['配件费(元)', 'Parts (CNY)'],
  fees: ['其他费用(元)', 'Fees (CNY)'],
  discount: ['优惠(元)', 'Discount (CNY)'],
  billed: ['应收(元)', 'Billed (CNY)'],
  collected: ['实收(元)', 'Collected (CNY)'],
  refunds: ['退款(元)', 'Refunds (CNY)'],
  settlements: ['结算单', 'Settlements'],
  summary: ['汇总', 'Summary'],
  byMethod: ['按收款方式', 'By method'],
  method: ['收款方式', 'Method'],
  amountYuan: ['金额(元)', 'Amount (CNY)'],
  net: ['净额(元)', 'Net (CNY)'],
  count: ['笔数', 'Count'],
  warrantyByBrand: ['三包按品牌', 'Warranty by brand'],
  brand: ['品牌', 'Brand'],
  orders: ['工单数', 'Orders'],
  lines: ['明细行', 'Lines'],
  claims: ['索赔明细', 'Claims'],
  settlementNo: ['结算单号', 'Settlement no.'],
  settledAt: ['结算时间', 'Settled at'],
  orderNo: ['工单号', 'Order no.'],
  customer: ['客户', 'Customer'],
  model: ['型号', 'Model'],
  serialNo: ['序列号', 'Serial no.'],
  kind: ['类别', 'Kind'],
  item: ['项目', 'Item'],
  quantity: ['数量', 'Qty'],
  laborAmount: ['工时金额(元)', 'Labor amount (CNY)'],
  laborHours: ['工时', 'Labor hours'],
  avgRepairHours: ['平均维修时长(小时)', 'Mean repair time (h)'],
  mostUsed: ['常用配件', 'Most used'],
  code: ['编码', 'Code'],
  name: ['名称', 'Name'],
  costYuan: ['成本金额(元)', 'Cost (CNY)'],
  stockValue: ['库存金额', 'Stock value'],
  category: ['分类', 'Category'],
  partsCount: ['配件种数', 'Parts'],
  onHand: ['现存量', 'On hand'],
  slowMovers: ['呆滞配件', 'Slow movers'],
  lastOut: ['最近出库', 'Last out'],
} as const satisfies Record<string, Words>;
