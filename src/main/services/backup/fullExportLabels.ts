import type { Language } from '@shared/languages';
import type { COMPLAINT_EVENT_KINDS } from '../../db/schema';

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
  deposits: { 'zh-CN': '订金', 'en-US': 'Deposits' },
  deviceReadings: { 'zh-CN': '设备读数', 'en-US': 'Device readings' },
  appointments: { 'zh-CN': '预约', 'en-US': 'Appointments' },
  onsiteJobs: { 'zh-CN': '上门服务', 'en-US': 'On-site jobs' },
  maintenancePlans: { 'zh-CN': '保养计划', 'en-US': 'Maintenance plans' },
  serviceContracts: { 'zh-CN': '维保合同', 'en-US': 'Service contracts' },
  contractVisits: { 'zh-CN': '合同服务记录', 'en-US': 'Contract visits' },
  dayClose: { 'zh-CN': '日结记录', 'en-US': 'Day close' },
  followUps: { 'zh-CN': '回访', 'en-US': 'Follow-ups' },
  followUpCalls: { 'zh-CN': '回访记录', 'en-US': 'Follow-up calls' },
  complaints: { 'zh-CN': '投诉', 'en-US': 'Complaints' },
  complaintEvents: { 'zh-CN': '投诉处理记录', 'en-US': 'Complaint steps' },
  users: { 'zh-CN': '用户', 'en-US': 'Users' },
  audit: { 'zh-CN': '操作日志', 'en-US': 'Audit log' },
  prints: { 'zh-CN': '打印记录', 'en-US': 'Print log' },
} satisfies Record<string, Record<Language, string>>;

/** The kinds of a complaint's steps (complaint_events.kind): labels.ts has no table for them. */
export const COMPLAINT_EVENT_KIND_WORDS = {
  'zh-CN': {
    created: '受理',
    status: '状态变更',
    note: '备注',
    assign: '指派处理人',
    resolution: '处理方案',
    confirmation: '客户确认',
  },
  'en-US': {
    created: 'Received',
    status: 'Status change',
    note: 'Note',
    assign: 'Owner assigned',
    resolution: 'Resolution',
    confirmation: 'Customer confirmation',
  },
} satisfies Record<Language, Record<(typeof COMPLAINT_EVENT_KINDS)[number], string>>;
