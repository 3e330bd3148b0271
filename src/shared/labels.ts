/**
 * The words of every stored code, in every UI language: the one place screens (through the i18next
 * resources), printed forms, Excel exports, the full export and report exports read them from.
 * Each table is typed by the code list it words, so a new code without words does not compile;
 * a new language does not compile until every code has its word in it.
 */
import { LANGUAGES, type Language } from './languages';
import type { Role } from './roles';
import type { AUDIT_ENTITIES, AuditAction } from './schemas/audit';
import type { BackupTrigger } from './schemas/backup';
import { SERVICE_ITEM_KINDS, type ROUNDING_METHODS, type ROUNDING_UNITS } from './schemas/billing';
import type { CustomerType } from './schemas/customers';
import type { PrintForm } from './schemas/prints';
import type { Priority } from './schemas/settings';
import type {
  DAY_CLOSE_ACTIONS,
  DISCOUNT_TYPES,
  PaymentMethod,
  PaymentStatus,
  SETTLEMENT_LINE_KINDS,
  SETTLEMENT_STATUSES,
} from './schemas/settlements';
import type { StockDocumentKind } from './schemas/stock';
import type { READING_SOURCES, READING_UNITS } from './schemas/readings';
import type { CONTRACT_COVERS } from './schemas/maintenance';
import type {
  ACCESSORIES,
  APPROVAL_METHODS,
  CHANNELS,
  EVENT_KINDS,
  SERVICE_TYPES,
} from './schemas/workOrders';
import type { WarrantyStatus } from './warranty';
import type { Outcome, UnrepairableReason, WorkOrderStatus } from './workOrderStatus';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintSeverity,
  ComplaintStatus,
  ResolutionKind,
} from './schemas/complaintKinds';
import type { AppointmentChannel, AppointmentState } from './schemas/appointments';
import type { CallResult, FollowUpState, SatisfactionDimension } from './schemas/followUps';
import type {
  MessageChannel,
  MessageEvent,
  MessageMode,
  OutboxReason,
  OutboxState,
} from './schemas/messageKinds';

type CodeOf<List extends readonly string[]> = List[number];

/** A code's words per language: `Record<Language, Record<Code, string>>`. */
export type Labels<Code extends string> = Readonly<Record<Language, Readonly<Record<Code, string>>>>;

/** One code's words in the order of LANGUAGES (简体中文, English), side by side. */
type PerLanguage<L extends readonly Language[]> = { readonly [I in keyof L]: string };
type Wording = PerLanguage<typeof LANGUAGES>;

function entries<K extends string, V>(record: Readonly<Record<K, V>>): [K, V][] {
  return Object.entries(record) as [K, V][];
}

function mapWords<K extends string, V>(
  record: Readonly<Record<K, V>>,
  word: (v: V) => string,
): Record<K, string> {
  return Object.fromEntries(entries(record).map(([code, v]) => [code, word(v)])) as Record<K, string>;
}

/** Turns one line per code ([中文, English]) into one table per language. */
function labels<Code extends string>(words: Readonly<Record<Code, Wording>>): Labels<Code> {
  return Object.fromEntries(LANGUAGES.map((lang, i) => [lang, mapWords(words, (w) => w[i] ?? '')])) as Record<
    Language,
    Record<Code, string>
  >;
}

/** The words of some of a table's codes. */
function pick<Code extends string, Some extends Code>(
  table: Labels<Code>,
  codes: readonly Some[],
): Labels<Some> {
  return Object.fromEntries(
    LANGUAGES.map((lang) => [lang, Object.fromEntries(codes.map((code) => [code, table[lang][code]]))]),
  ) as Record<Language, Record<Some, string>>;
}

/** The same table with some words replaced in one language. */
function withWords<Code extends string>(
  base: Labels<Code>,
  changes: Partial<Record<Language, Partial<Record<Code, string>>>>,
): Labels<Code> {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, { ...base[lang], ...changes[lang] }])) as Record<
    Language,
    Record<Code, string>
  >;
}

// ── Work orders ──────────────────────────────────────────────────────────────────────────
const statuses = labels<WorkOrderStatus>({
  received: ['已接单', 'Received'],
  diagnosing: ['检测中', 'Diagnosing'],
  quoted: ['待确认', 'Quoted'],
  awaitingParts: ['待配件', 'Awaiting parts'],
  inRepair: ['维修中', 'In repair'],
  qc: ['待质检', 'QC'],
  ready: ['待取机', 'Ready'],
  delivered: ['已交付', 'Delivered'],
  cancelled: ['已取消', 'Cancelled'],
  declined: ['客户拒修', 'Declined'],
  unrepairable: ['无法修复', 'Unrepairable'],
  onHold: ['待客户', 'On hold'],
});

const outcomes = labels<Outcome>({
  repaired: ['已修复', 'Repaired'],
  unrepairable: ['无法修复', 'Unrepairable'],
  declined: ['客户拒修', 'Declined'],
  cancelled: ['已取消', 'Cancelled'],
});

const unrepairableReasons = labels<UnrepairableReason>({
  noParts: ['无配件', 'No parts available'],
  uneconomic: ['维修不经济', 'Not worth repairing'],
  endOfLife: ['设备已报废', 'End of life'],
  noFaultFound: ['未检出故障', 'No fault found'],
  other: ['其他原因', 'Other'],
});

const followUpStates = labels<FollowUpState>({
  pending: ['待回访', 'To call'],
  reached: ['已回访', 'Reached'],
  unreachable: ['未联系上', 'Not reached'],
  wrongNumber: ['号码错误', 'Wrong number'],
  optedOut: ['客户拒绝回访', 'Opted out'],
});

const callResults = labels<CallResult>({
  reached: ['已接通', 'Reached'],
  notReached: ['未接通', 'Not reached'],
  wrongNumber: ['号码错误', 'Wrong number'],
});

const satisfactionDimensions = labels<SatisfactionDimension>({
  attitude: ['服务态度', 'Attitude'],
  quality: ['维修质量', 'Quality'],
  timeliness: ['及时性', 'Timeliness'],
  price: ['价格', 'Price'],
});

const complaintChannels = labels<ComplaintChannel>({
  counter: ['门店', 'At the counter'],
  phone: ['电话', 'Phone'],
  online: ['网上', 'Online'],
  followUp: ['回访', 'Follow-up call'],
});

const complaintCategories = labels<ComplaintCategory>({
  quality: ['维修质量', 'Repair quality'],
  attitude: ['服务态度', 'Attitude'],
  timeliness: ['维修时效', 'Timeliness'],
  price: ['收费', 'Price'],
  dataLoss: ['数据丢失', 'Data loss'],
  other: ['其他', 'Other'],
});

const complaintSeverities = labels<ComplaintSeverity>({
  minor: ['一般', 'Minor'],
  major: ['较重', 'Major'],
  critical: ['严重', 'Critical'],
});

const complaintStatuses = labels<ComplaintStatus>({
  received: ['已受理', 'Received'],
  inProgress: ['处理中', 'In progress'],
  awaitingConfirmation: ['待客户确认', 'Awaiting confirmation'],
  closed: ['已关闭', 'Closed'],
  withdrawn: ['已撤销', 'Withdrawn'],
});

const resolutionKinds = labels<ResolutionKind>({
  refund: ['退款', 'Refund'],
  rework: ['返修', 'Rework'],
  compensation: ['补偿', 'Compensation'],
  apology: ['道歉', 'Apology'],
  explanation: ['解释说明', 'Explanation'],
});

const channels = labels<CodeOf<typeof CHANNELS>>({
  walkIn: ['到店', 'Walk-in'],
  phone: ['电话', 'Phone'],
  onsite: ['上门', 'On-site'],
  online: ['网上', 'Online'],
});

const serviceTypes = labels<CodeOf<typeof SERVICE_TYPES>>({
  repair: ['维修', 'Repair'],
  maintenance: ['保养', 'Maintenance'],
  installation: ['安装', 'Installation'],
  inspection: ['检测', 'Inspection'],
  returnExchange: ['退换货', 'Return / exchange'],
});

const priorities = labels<Priority>({
  low: ['低', 'Low'],
  normal: ['普通', 'Normal'],
  high: ['加急', 'High'],
  urgent: ['特急', 'Urgent'],
});

const warranty = labels<WarrantyStatus>({
  in: ['保内', 'In warranty'],
  out: ['保外', 'Out of warranty'],
  repair: ['返修保修', 'Repair warranty'],
});

const accessories = labels<CodeOf<typeof ACCESSORIES>>({
  charger: ['充电器', 'Charger'],
  cable: ['数据线', 'Cable'],
  battery: ['电池', 'Battery'],
  case: ['保护壳', 'Case'],
  simTray: ['卡托', 'SIM tray'],
  memoryCard: ['存储卡', 'Memory card'],
  box: ['包装盒', 'Box'],
  manual: ['说明书', 'Manual'],
  remote: ['遥控器', 'Remote'],
});

const approvalMethods = labels<CodeOf<typeof APPROVAL_METHODS>>({
  inPerson: ['当面确认', 'In person'],
  phone: ['电话确认', 'By phone'],
  message: ['短信/微信确认', 'By message'],
  written: ['书面签字', 'In writing'],
});

const eventKinds = labels<CodeOf<typeof EVENT_KINDS>>({
  created: ['接单', 'Received'],
  status: ['状态变更', 'Status'],
  assign: ['指派', 'Assignment'],
  edit: ['修改', 'Edit'],
  note: ['备注', 'Note'],
  warranty: ['保修', 'Warranty'],
  approval: ['客户确认', 'Customer approval'],
  attachment: ['照片', 'Photo'],
  parts: ['配件', 'Parts'],
  partArrived: ['配件到货', 'Part arrived'],
  charges: ['工时与费用', 'Labor & fees'],
  settlement: ['结算', 'Settlement'],
  followUp: ['回访', 'Follow-up'],
  complaint: ['投诉', 'Complaint'],
  signature: ['客户签名', 'Signature'],
  handover: ['交机', 'Hand-over'],
  message: ['消息', 'Message'],
  deposit: ['订金', 'Deposit'],
  onsite: ['上门', 'On-site'],
});

const customerTypes = labels<CustomerType>({
  individual: ['个人', 'Individual'],
  company: ['单位', 'Company'],
});

// ── People and the audit log ─────────────────────────────────────────────────────────────
const roles = labels<Role>({
  admin: ['管理员', 'Administrator'],
  manager: ['店长', 'Manager'],
  clerk: ['前台', 'Clerk'],
  technician: ['技术员', 'Technician'],
});

const auditActions = labels<AuditAction>({
  create: ['新建', 'Create'],
  update: ['修改', 'Update'],
  delete: ['删除', 'Delete'],
  void: ['作废', 'Void'],
  restore: ['恢复', 'Restore'],
  signIn: ['登录', 'Sign in'],
  signInFailed: ['登录失败', 'Failed sign-in'],
  signOut: ['退出登录', 'Sign out'],
  lockout: ['账号锁定', 'Account locked'],
  passwordChange: ['修改密码', 'Password changed'],
  passwordReset: ['重置密码', 'Password reset'],
});

/** What an audit row is about. */
const entities = labels<CodeOf<typeof AUDIT_ENTITIES>>({
  user: ['用户', 'User'],
  settings: ['设置', 'Settings'],
  session: ['登录会话', 'Session'],
  customer: ['客户', 'Customer'],
  device: ['设备', 'Device'],
  workOrder: ['工单', 'Work order'],
  workOrderAttachment: ['工单照片', 'Work-order photo'],
  settlement: ['结算单', 'Settlement'],
  payment: ['收付款', 'Payment'],
  dayClose: ['日结', 'Day close'],
  part: ['配件', 'Part'],
  supplier: ['供应商', 'Supplier'],
  stockDocument: ['库存单据', 'Stock document'],
  backupSettings: ['备份设置', 'Backup settings'],
  database: ['数据库', 'Database'],
  terminal: ['终端', 'Terminal'],
  followUp: ['回访', 'Follow-up'],
  complaint: ['投诉', 'Complaint'],
  outboxMessage: ['消息', 'Message'],
  deposit: ['订金', 'Deposit'],
  appointment: ['预约', 'Appointment'],
  maintenancePlan: ['保养计划', 'Maintenance plan'],
  serviceContract: ['维保合同', 'Service contract'],
  historyImport: ['历史导入', 'History import'],
});

// ── Settlements ──────────────────────────────────────────────────────────────────────────
const paymentMethods = labels<PaymentMethod>({
  cash: ['现金', 'Cash'],
  wechat: ['微信', 'WeChat Pay'],
  alipay: ['支付宝', 'Alipay'],
  card: ['银行卡', 'Bank card'],
  transfer: ['转账', 'Transfer'],
  onAccount: ['挂账', 'On account'],
});

/** The shop's view: what it has collected. */
const paymentStatuses = labels<PaymentStatus>({
  unpaid: ['未收款', 'Unpaid'],
  partlyPaid: ['部分收款', 'Partly paid'],
  paid: ['已收清', 'Paid'],
});

const lineKinds = labels<CodeOf<typeof SETTLEMENT_LINE_KINDS>>({
  labor: ['工时', 'Labor'],
  part: ['配件', 'Part'],
  fee: ['其他费用', 'Fee'],
});

/** A service item (and a labor or fee line of a work order) is one of the settlement's line kinds. */
const chargeKinds = pick(lineKinds, SERVICE_ITEM_KINDS);

const settlementStatuses = labels<CodeOf<typeof SETTLEMENT_STATUSES>>({
  active: ['有效', 'Active'],
  void: ['已作废', 'Void'],
});

/** A day close's history: the day closed, or opened again. */
const dayCloseActions = labels<CodeOf<typeof DAY_CLOSE_ACTIONS>>({
  close: ['日结', 'Closed'],
  reopen: ['重新打开', 'Reopened'],
});

// ── Appointments (预约) ──
const appointmentStates = labels<AppointmentState>({
  booked: ['已预约', 'Booked'],
  arrived: ['已到店', 'Arrived'],
  noShow: ['爽约', 'No-show'],
  cancelled: ['已取消', 'Cancelled'],
});

const appointmentChannels = labels<AppointmentChannel>({
  phone: ['电话', 'Phone'],
  counter: ['到店', 'At the counter'],
  online: ['网上', 'Online'],
});

const readingUnits = labels<CodeOf<typeof READING_UNITS>>({
  km: ['公里', 'km'],
  hours: ['小时', 'hours'],
  count: ['次', 'counts'],
});

const readingSources = labels<CodeOf<typeof READING_SOURCES>>({
  intake: ['接单登记', 'At intake'],
  reported: ['客户告知', 'Reported'],
  correction: ['更正', 'Correction'],
  import: ['导入', 'Imported'],
});

const contractCovers = labels<CodeOf<typeof CONTRACT_COVERS>>({
  labor: ['工时', 'Labor'],
  parts: ['配件', 'Parts'],
  both: ['工时和配件', 'Labor and parts'],
});

const discountTypes = labels<CodeOf<typeof DISCOUNT_TYPES>>({
  none: ['不打折', 'None'],
  amount: ['减免金额', 'Amount off'],
  percent: ['按比例', 'Percent'],
});

const roundingUnits = labels<CodeOf<typeof ROUNDING_UNITS>>({
  none: ['不抹零', 'None'],
  jiao: ['抹到角', 'To 0.1 yuan (角)'],
  yuan: ['抹到元', 'To the yuan (元)'],
});

const roundingMethods = labels<CodeOf<typeof ROUNDING_METHODS>>({
  down: ['舍去（让利给客户）', 'Down (in the customer’s favour)'],
  halfUp: ['四舍五入', 'Half up'],
});

// ── Stock ────────────────────────────────────────────────────────────────────────────────
/** The kind of a movement or document: 入库, 报损… */
const stockDocumentKinds = labels<StockDocumentKind>({
  receipt: ['入库', 'Purchase receipt'],
  supplierReturn: ['退货', 'Return to supplier'],
  scrap: ['报损', 'Scrap'],
  count: ['盘点', 'Stock count'],
  adjustment: ['调整', 'Adjustment'],
  orderIssue: ['领料', 'Issue to order'],
  orderReturn: ['退料', 'Return from order'],
  costAdjustment: ['成本调整', 'Cost adjustment'],
});

/** A document is named by its kind: 入库 → 入库单 in Chinese, the kind itself in English. */
const stockDocuments: Labels<StockDocumentKind> = {
  'zh-CN': mapWords(stockDocumentKinds['zh-CN'], (kind) => `${kind}单`),
  'en-US': stockDocumentKinds['en-US'],
};

// ── Prints and backups ───────────────────────────────────────────────────────────────────
const printForms = labels<PrintForm>({
  intakeReceipt: ['接机单', 'Intake receipt'],
  claimTicket: ['取机凭条', 'Claim ticket'],
  jobSheet: ['派工单', 'Job sheet'],
  settlement: ['结算单', 'Settlement'],
  settlementReceipt: ['结算小票', 'Settlement slip'],
  stockDocument: ['库存单据', 'Stock document'],
  stockList: ['库存清单', 'Stock list'],
  deviceLabel: ['设备标签', 'Device label'],
  dayClose: ['日结单', 'Day close'],
  reportSummary: ['经营汇总', 'Business summary'],
  reportTechnicians: ['技术员绩效表', 'Technician performance'],
  reportWarranty: ['三包索赔清单', 'Warranty claims'],
  reportServiceQuality: ['服务质量报告', 'Service quality report'],
  routeSheet: ['上门路线单', 'Route sheet'],
  onsiteReport: ['上门服务确认单', 'On-site service report'],
});

// ── Messages to customers ────────────────────────────────────────────────────────────────
const messageEvents = labels<MessageEvent>({
  received: ['接单通知', 'Order received'],
  quoteWaiting: ['报价待确认', 'Quote waiting for approval'],
  waitingParts: ['等待配件', 'Waiting for parts'],
  readyForPickup: ['取机通知', 'Ready for pickup'],
  pickupReminder: ['取机提醒', 'Pickup reminder'],
  followUpThanks: ['回访致谢', 'Follow-up thanks'],
  complaintUpdate: ['投诉进度', 'Complaint update'],
  appointmentReminder: ['预约提醒', 'Appointment reminder'],
});

const messageChannels = labels<MessageChannel>({
  sms: ['短信', 'SMS'],
  email: ['电子邮件', 'E-mail'],
  wechat: ['微信（手动复制）', 'WeChat (copied)'],
});

const messageModes = labels<MessageMode>({
  auto: ['自动发送', 'Automatic'],
  ask: ['询问前台', 'Ask the clerk'],
  off: ['不发送', 'Off'],
});

const outboxStates = labels<OutboxState>({
  ask: ['待前台确认', 'Waiting for the clerk'],
  queued: ['排队中', 'Queued'],
  sending: ['发送中', 'Sending'],
  sent: ['已发送', 'Sent'],
  failed: ['发送失败', 'Failed'],
  cancelled: ['已取消', 'Cancelled'],
  skipped: ['未发送', 'Skipped'],
});

const outboxReasons = labels<OutboxReason>({
  noRecipient: ['客户没有该渠道的号码或地址', 'The customer has no number or address for this channel'],
  channelNotConfigured: ['该渠道尚未设置', 'This channel is not set up'],
  interrupted: [
    '发送时程序中断，可能已发出：请与客户核实后再重发',
    'The app stopped while sending; it may have gone out: check with the customer before retrying',
  ],
  provider: ['服务商拒绝', 'Refused by the provider'],
  optedOut: ['客户要求不再联系', 'The customer asked not to be contacted'],
});

const backupTriggers = labels<BackupTrigger>({
  manual: ['手动', 'Manual'],
  daily: ['每日自动', 'Daily'],
  quit: ['退出时', 'On quit'],
  safety: ['安全备份', 'Safety backup'],
});

/**
 * Every table, by the name screens and exports know it by. Paper has three words of its own: the
 * customer reads a receipt, so it names WeChat in full, says what the customer paid (付款, where the
 * shop's screens say what it collected, 收款), and its narrow kind column says 费用.
 */
export const LABELS = {
  statuses,
  outcomes,
  unrepairableReasons,
  followUpStates,
  callResults,
  satisfactionDimensions,
  complaintChannels,
  complaintCategories,
  complaintSeverities,
  complaintStatuses,
  resolutionKinds,
  channels,
  serviceTypes,
  priorities,
  warranty,
  accessories,
  approvalMethods,
  eventKinds,
  customerTypes,
  roles,
  auditActions,
  entities,
  paymentMethods,
  paymentMethodsOnPaper: withWords(paymentMethods, { 'zh-CN': { wechat: '微信支付' } }),
  paymentStatuses,
  paymentStatusesOnPaper: labels<PaymentStatus>({
    unpaid: ['未付款', 'Unpaid'],
    partlyPaid: ['部分付款', 'Partly paid'],
    paid: ['已付清', 'Paid in full'],
  }),
  lineKinds,
  lineKindsOnPaper: withWords(lineKinds, { 'zh-CN': { fee: '费用' } }),
  chargeKinds,
  settlementStatuses,
  dayCloseActions,
  readingUnits,
  readingSources,
  appointmentStates,
  appointmentChannels,
  contractCovers,
  discountTypes,
  roundingUnits,
  roundingMethods,
  stockDocumentKinds,
  stockDocuments,
  printForms,
  backupTriggers,
  messageEvents,
  messageChannels,
  messageModes,
  outboxStates,
  outboxReasons,
} as const;

/** Every table in one language. */
export type CodeWords = { readonly [Table in keyof typeof LABELS]: (typeof LABELS)[Table][Language] };

const CODE_WORDS = Object.fromEntries(
  LANGUAGES.map((lang) => [
    lang,
    Object.fromEntries(entries(LABELS).map(([name, table]) => [name, table[lang]])),
  ]),
) as Record<Language, CodeWords>;

export function codeWords(lang: Language): CodeWords {
  return CODE_WORDS[lang];
}

/** A stored code as its word; null as nothing, and an unknown code (a newer app's) as it is. */
export function wordOf<Code extends string>(
  words: Readonly<Record<Code, string>>,
  code: string | null,
): string {
  if (code === null) return '';
  return Object.hasOwn(words, code) ? words[code as Code] : code;
}

/** Joins several values in one line or cell (phones, accessories, changed fields). */
export const LIST_SEPARATOR: Readonly<Record<Language, string>> = { 'zh-CN': '、', 'en-US': ', ' };

/** A stored yes/no flag. */
export const YES_NO = labels<'yes' | 'no'>({ yes: ['是', 'Yes'], no: ['否', 'No'] });
