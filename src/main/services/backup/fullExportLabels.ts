import type { Language } from '@shared/languages';

/** The full export's sheet names (at most 31 characters, Excel's limit) and the file name's start. */
export const FULL_EXPORT_NAMES = {
  file: { 'zh-CN': '全部数据', 'en-US': 'all-records' },
  customers: { 'zh-CN': '客户', 'en-US': 'Customers' },
  devices: { 'zh-CN': '设备', 'en-US': 'Devices' },
  workOrders: { 'zh-CN': '工单', 'en-US': 'Work orders' },
  events: { 'zh-CN': '工单时间线', 'en-US': 'Work order timeline' },
  orderParts: { 'zh-CN': '工单配件', 'en-US': 'Work order parts' },
  orderCharges: { 'zh-CN': '工时与费用', 'en-US': 'Labor and fees' },
  parts: { 'zh-CN': '配件', 'en-US': 'Parts' },
  suppliers: { 'zh-CN': '供应商', 'en-US': 'Suppliers' },
  stockDocuments: { 'zh-CN': '库存单据', 'en-US': 'Stock documents' },
  stockLines: { 'zh-CN': '库存单据明细', 'en-US': 'Stock document lines' },
  movements: { 'zh-CN': '库存流水', 'en-US': 'Stock movements' },
  settlements: { 'zh-CN': '结算单', 'en-US': 'Settlements' },
  settlementLines: { 'zh-CN': '结算单明细', 'en-US': 'Settlement lines' },
  payments: { 'zh-CN': '收款', 'en-US': 'Payments' },
  dayClose: { 'zh-CN': '日结记录', 'en-US': 'Day close' },
  users: { 'zh-CN': '用户', 'en-US': 'Users' },
  audit: { 'zh-CN': '操作日志', 'en-US': 'Audit log' },
  prints: { 'zh-CN': '打印记录', 'en-US': 'Print log' },
} satisfies Record<string, Record<Language, string>>;
