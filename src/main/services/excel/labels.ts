/**
 * The words exports write besides headers, per language: stored codes (statuses, channels, kinds,
 * roles…) for the full export and the report exports, and the words imports accept. Main cannot
 * import the renderer's dictionaries (another TypeScript project), so these repeat their wording;
 * the `Record<…>` types keep each list complete when a code is added.
 */
import type { Language } from '@shared/languages';
import type { CustomerType } from '@shared/schemas/customers';
import type { StockDocumentKind } from '@shared/schemas/stock';
import type { Role } from '@shared/roles';
import type { AuditAction } from '@shared/schemas/audit';
import type { ServiceItemKind } from '@shared/schemas/billing';
import type { Priority } from '@shared/schemas/settings';
import type { PaymentMethod } from '@shared/schemas/settlements';
import type { PrintForm } from '@shared/schemas/prints';
import type {
  ACCESSORIES,
  APPROVAL_METHODS,
  CHANNELS,
  EVENT_KINDS,
  SERVICE_TYPES,
} from '@shared/schemas/workOrders';
import type { WarrantyStatus } from '@shared/warranty';
import type { WorkOrderStatus } from '@shared/workOrderStatus';

/** Same words as the glossary and the renderer's dictionaries. */
export const KIND_LABELS: Record<Language, Record<StockDocumentKind, string>> = {
  'zh-CN': {
    receipt: '入库',
    supplierReturn: '退货',
    scrap: '报损',
    count: '盘点',
    adjustment: '调整',
    orderIssue: '领料',
    orderReturn: '退料',
    costAdjustment: '成本调整',
  },
  'en-US': {
    receipt: 'Purchase receipt',
    supplierReturn: 'Return to supplier',
    scrap: 'Scrap',
    count: 'Stock count',
    adjustment: 'Adjustment',
    orderIssue: 'Issue to order',
    orderReturn: 'Return from order',
    costAdjustment: 'Cost adjustment',
  },
};

export const CUSTOMER_TYPE_LABELS: Record<Language, Record<CustomerType, string>> = {
  'zh-CN': { individual: '个人', company: '单位' },
  'en-US': { individual: 'Individual', company: 'Company' },
};

/** What an import reads as a customer type, lower-cased: both languages and the usual synonyms. */
export const CUSTOMER_TYPE_WORDS: Record<string, CustomerType> = {
  个人: 'individual',
  individual: 'individual',
  person: 'individual',
  单位: 'company',
  企业: 'company',
  公司: 'company',
  company: 'company',
};

export const YES_NO: Record<Language, { yes: string; no: string }> = {
  'zh-CN': { yes: '是', no: '否' },
  'en-US': { yes: 'Yes', no: 'No' },
};

export const TOTAL: Record<Language, string> = { 'zh-CN': '合计', 'en-US': 'Total' };

/** Sheet names and the start of file names (配件-20261123.xlsx). */
export const NAMES = {
  parts: { 'zh-CN': '配件', 'en-US': 'parts', sheet: { 'zh-CN': '配件', 'en-US': 'Parts' } },
  partsTemplate: {
    'zh-CN': '配件导入模板',
    'en-US': 'parts-import-template',
    sheet: { 'zh-CN': '配件', 'en-US': 'Parts' },
  },
  customers: { 'zh-CN': '客户', 'en-US': 'customers', sheet: { 'zh-CN': '客户', 'en-US': 'Customers' } },
  customersTemplate: {
    'zh-CN': '客户导入模板',
    'en-US': 'customers-import-template',
    sheet: { 'zh-CN': '客户', 'en-US': 'Customers' },
  },
  onHand: { 'zh-CN': '库存', 'en-US': 'stock-on-hand', sheet: { 'zh-CN': '库存', 'en-US': 'Stock on hand' } },
  movements: {
    'zh-CN': '库存流水',
    'en-US': 'stock-movements',
    sheet: { 'zh-CN': '库存流水', 'en-US': 'Movements' },
  },
  notes: { 'zh-CN': '说明', 'en-US': 'Notes', sheet: { 'zh-CN': '说明', 'en-US': 'Notes' } },
} satisfies Record<string, Record<Language, string> & { sheet: Record<Language, string> }>;

type Words<K extends string> = Record<K, string>;

export interface ExportWords {
  statuses: Words<WorkOrderStatus>;
  channels: Words<(typeof CHANNELS)[number]>;
  serviceTypes: Words<(typeof SERVICE_TYPES)[number]>;
  priorities: Words<Priority>;
  warranty: Words<WarrantyStatus>;
  accessories: Words<(typeof ACCESSORIES)[number]>;
  approvalMethods: Words<(typeof APPROVAL_METHODS)[number]>;
  eventKinds: Words<(typeof EVENT_KINDS)[number]>;
  roles: Words<Role>;
  auditActions: Words<AuditAction>;
  paymentMethods: Words<PaymentMethod>;
  lineKinds: Words<'labor' | 'part' | 'fee'>;
  chargeKinds: Words<ServiceItemKind>;
  settlementStatus: Words<'active' | 'void'>;
  dayClose: Words<'close' | 'reopen'>;
  printForms: Words<PrintForm>;
  /** What an audit row is about; written as stored when a newer kind turns up. */
  entities: Record<string, string>;
  /** Joins several values in one cell (phones, accessories). */
  listSeparator: string;
}

const ZH: ExportWords = {
  statuses: {
    received: '已接单',
    diagnosing: '检测中',
    quoted: '待确认',
    awaitingParts: '待配件',
    inRepair: '维修中',
    qc: '待质检',
    ready: '待取机',
    delivered: '已交付',
    cancelled: '已取消',
    declined: '客户拒修',
  },
  channels: { walkIn: '到店', phone: '电话', onsite: '上门', online: '网上' },
  serviceTypes: {
    repair: '维修',
    maintenance: '保养',
    installation: '安装',
    inspection: '检测',
    returnExchange: '退换货',
  },
  priorities: { low: '低', normal: '普通', high: '加急', urgent: '特急' },
  warranty: { in: '保内', out: '保外', repair: '返修保修' },
  accessories: {
    charger: '充电器',
    cable: '数据线',
    battery: '电池',
    case: '保护壳',
    simTray: '卡托',
    memoryCard: '存储卡',
    box: '包装盒',
    manual: '说明书',
    remote: '遥控器',
  },
  approvalMethods: { inPerson: '当面确认', phone: '电话确认', message: '短信/微信确认', written: '书面签字' },
  eventKinds: {
    created: '接单',
    status: '状态变更',
    assign: '指派',
    edit: '修改',
    note: '备注',
    warranty: '保修',
    approval: '客户确认',
    attachment: '照片',
    parts: '配件',
    partArrived: '配件到货',
    charges: '工时与费用',
    settlement: '结算',
  },
  roles: { admin: '管理员', manager: '店长', clerk: '前台', technician: '技术员' },
  auditActions: {
    create: '新建',
    update: '修改',
    delete: '删除',
    void: '作废',
    restore: '恢复',
    signIn: '登录',
    signInFailed: '登录失败',
    signOut: '退出登录',
    lockout: '账号锁定',
    passwordChange: '修改密码',
    passwordReset: '重置密码',
  },
  paymentMethods: {
    cash: '现金',
    wechat: '微信',
    alipay: '支付宝',
    card: '银行卡',
    transfer: '转账',
    onAccount: '挂账',
  },
  lineKinds: { labor: '工时', part: '配件', fee: '其他费用' },
  chargeKinds: { labor: '工时', fee: '其他费用' },
  settlementStatus: { active: '有效', void: '已作废' },
  dayClose: { close: '日结', reopen: '重新打开' },
  printForms: {
    intakeReceipt: '接机单',
    claimTicket: '取机凭条',
    jobSheet: '派工单',
    settlement: '结算单',
    settlementReceipt: '结算小票',
    stockDocument: '库存单据',
    stockList: '库存清单',
    dayClose: '日结单',
    reportSummary: '经营汇总',
    reportTechnicians: '技师绩效表',
    reportWarranty: '三包索赔清单',
  },
  entities: {
    user: '用户',
    settings: '设置',
    session: '登录会话',
    customer: '客户',
    device: '设备',
    workOrder: '工单',
    workOrderAttachment: '工单照片',
    settlement: '结算单',
    payment: '收付款',
    dayClose: '日结',
    part: '配件',
    supplier: '供应商',
    stockDocument: '库存单据',
  },
  listSeparator: '、',
};

const EN: ExportWords = {
  statuses: {
    received: 'Received',
    diagnosing: 'Diagnosing',
    quoted: 'Quoted',
    awaitingParts: 'Awaiting parts',
    inRepair: 'In repair',
    qc: 'QC',
    ready: 'Ready',
    delivered: 'Delivered',
    cancelled: 'Cancelled',
    declined: 'Declined',
  },
  channels: { walkIn: 'Walk-in', phone: 'Phone', onsite: 'On-site', online: 'Online' },
  serviceTypes: {
    repair: 'Repair',
    maintenance: 'Maintenance',
    installation: 'Installation',
    inspection: 'Inspection',
    returnExchange: 'Return / exchange',
  },
  priorities: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  warranty: { in: 'In warranty', out: 'Out of warranty', repair: 'Repair warranty' },
  accessories: {
    charger: 'Charger',
    cable: 'Cable',
    battery: 'Battery',
    case: 'Case',
    simTray: 'SIM tray',
    memoryCard: 'Memory card',
    box: 'Box',
    manual: 'Manual',
    remote: 'Remote',
  },
  approvalMethods: { inPerson: 'In person', phone: 'By phone', message: 'By message', written: 'In writing' },
  eventKinds: {
    created: 'Received',
    status: 'Status',
    assign: 'Assignment',
    edit: 'Edit',
    note: 'Note',
    warranty: 'Warranty',
    approval: 'Customer approval',
    attachment: 'Photo',
    parts: 'Parts',
    partArrived: 'Part arrived',
    charges: 'Labor & fees',
    settlement: 'Settlement',
  },
  roles: { admin: 'Administrator', manager: 'Manager', clerk: 'Clerk', technician: 'Technician' },
  auditActions: {
    create: 'Create',
    update: 'Update',
    delete: 'Delete',
    void: 'Void',
    restore: 'Restore',
    signIn: 'Sign in',
    signInFailed: 'Failed sign-in',
    signOut: 'Sign out',
    lockout: 'Account locked',
    passwordChange: 'Password changed',
    passwordReset: 'Password reset',
  },
  paymentMethods: {
    cash: 'Cash',
    wechat: 'WeChat Pay',
    alipay: 'Alipay',
    card: 'Bank card',
    transfer: 'Transfer',
    onAccount: 'On account',
  },
  lineKinds: { labor: 'Labor', part: 'Part', fee: 'Fee' },
  chargeKinds: { labor: 'Labor', fee: 'Fee' },
  settlementStatus: { active: 'Active', void: 'Void' },
  dayClose: { close: 'Closed', reopen: 'Reopened' },
  printForms: {
    intakeReceipt: 'Intake receipt',
    claimTicket: 'Claim ticket',
    jobSheet: 'Job sheet',
    settlement: 'Settlement',
    settlementReceipt: 'Settlement slip',
    stockDocument: 'Stock document',
    stockList: 'Stock list',
    dayClose: 'Day close',
    reportSummary: 'Business summary',
    reportTechnicians: 'Technician performance',
    reportWarranty: 'Warranty claims',
  },
  entities: {
    user: 'User',
    settings: 'Settings',
    session: 'Session',
    customer: 'Customer',
    device: 'Device',
    workOrder: 'Work order',
    workOrderAttachment: 'Work-order photo',
    settlement: 'Settlement',
    payment: 'Payment',
    dayClose: 'Day close',
    part: 'Part',
    supplier: 'Supplier',
    stockDocument: 'Stock document',
  },
  listSeparator: ', ',
};

export const EXPORT_WORDS: Record<Language, ExportWords> = { 'zh-CN': ZH, 'en-US': EN };

/** A stored code as its word; an unknown code (a newer app's) is written as it is. */
export function wordOf<K extends string>(words: Words<K>, code: string | null): string {
  if (code === null) return '';
  return code in words ? words[code as K] : code;
}
