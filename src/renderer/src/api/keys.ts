import type { AuditListInput } from '@shared/schemas/audit';
import type { InputOf } from '@shared/contract';
import type { PrintForm } from '@shared/schemas/prints';
import type { PeriodInput, ReportName } from '@shared/schemas/reports';
import type { ListWorkOrdersInput } from '@shared/schemas/workOrders';
import type { ListFollowUpsInput } from '@shared/schemas/followUps';

/** Every TanStack Query key the renderer uses, so invalidations name the same arrays. */
export const queryKeys = {
  authState: ['auth', 'state'] as const,
  /** The desktop app's first run: host or terminal (window.shell, not the contract). */
  shellFirstRun: ['shell', 'firstRun'] as const,
  users: ['users'] as const,
  audit: ['audit'] as const,
  auditList: (input: AuditListInput) => ['audit', 'list', input] as const,
  auditFacets: ['audit', 'facets'] as const,
  settings: ['settings'] as const,
  /** 消息通道: the SMS account and mailbox (secrets only as set / not set). */
  channels: ['channels'] as const,

  /** Customers and their devices: one prefix, since a device change shows on its customer's page. */
  customers: ['customers'] as const,
  customerList: (input: InputOf<'customers.list'>) => ['customers', 'list', input] as const,
  customer: (id: string) => ['customers', 'get', id] as const,
  checkPhone: (phone: string, exceptId: string | undefined) =>
    ['customers', 'checkPhone', phone, exceptId ?? null] as const,
  device: (id: string) => ['customers', 'device', id] as const,

  /** 保养 plans, the due list, the warranty-expiry list and 维保合同: one prefix. */
  maintenance: ['maintenance'] as const,

  workOrders: ['workOrders'] as const,
  workOrderList: (input: ListWorkOrdersInput) => ['workOrders', 'list', input] as const,
  workOrder: (id: string) => ['workOrders', 'get', id] as const,
  /** A printed form's order and device, read fresh each time the form opens. */
  orderForPrint: (id: string) => ['workOrders', 'print', id] as const,
  technicians: ['workOrders', 'technicians'] as const,
  /** Attachments never change once stored: their own prefix, left alone by order invalidations. */
  attachment: (id: string) => ['attachments', id] as const,

  /** 预约: the calendar, today's list and the call list. */
  appointments: ['appointments'] as const,

  searches: ['search'] as const,
  search: (q: string) => ['search', q] as const,

  /**
   * Parts, suppliers, stock documents, the ledger, alerts and stock reports share one prefix: a
   * posted document moves on-hand figures that most of them show.
   */
  stock: ['stock'] as const,
  partList: (input: InputOf<'parts.list'>) => ['stock', 'parts', 'list', input] as const,
  part: (id: string) => ['stock', 'parts', 'get', id] as const,
  partsByIds: (ids: string[]) => ['stock', 'parts', 'byIds', ids] as const,
  /** Every part's category and location, for filters and the count loader. */
  partFacets: ['stock', 'parts', 'facets'] as const,
  partPicker: (search: string) => ['stock', 'parts', 'picker', search] as const,
  suppliers: (includeArchived: boolean) => ['stock', 'suppliers', includeArchived] as const,
  stockDocumentList: (input: InputOf<'stock.list'>) => ['stock', 'documents', 'list', input] as const,
  stockDocument: (id: string) => ['stock', 'documents', 'get', id] as const,
  movements: (input: InputOf<'stock.movements'>) => ['stock', 'movements', input] as const,
  stockAlerts: ['stock', 'alerts'] as const,
  valuation: (input: InputOf<'stock.valuation'>) => ['stock', 'valuation', input] as const,
  usage: (input: InputOf<'stock.usage'>) => ['stock', 'usage', input] as const,
  stockDocumentForPrint: (id: string) => ['stock', 'print', 'document', id] as const,
  stockListForPrint: ['stock', 'print', 'list'] as const,

  /**
   * Settlements, their payments and the day close share one prefix: a payment changes the
   * settlement, the list and the day's figures alike.
   */
  settlements: ['settlements'] as const,
  settlementList: (input: InputOf<'settlements.list'>) => ['settlements', 'list', input] as const,
  settlement: (id: string) => ['settlements', 'get', id] as const,
  settlementForOrder: (orderId: string) => ['settlements', 'forOrder', orderId] as const,
  settlementPreview: (input: InputOf<'settlements.preview'>) => ['settlements', 'preview', input] as const,
  dayReport: (date: string) => ['settlements', 'day', date] as const,
  settlementForPrint: (id: string) => ['settlements', 'print', id] as const,
  dayForPrint: (date: string) => ['settlements', 'print', 'day', date] as const,

  /** Complaints (投诉): the list, one complaint, the staff a complaint may name. */
  complaints: ['complaints'] as const,
  complaintList: (input: InputOf<'complaints.list'>) => ['complaints', 'list', input] as const,
  complaint: (id: string) => ['complaints', 'get', id] as const,
  complaintStaff: ['complaints', 'staff'] as const,

  /** Reports and the dashboard: outside every area's prefix, they are read afresh instead. */
  dashboard: ['dashboard'] as const,
  reports: ['reports'] as const,
  report: (name: ReportName, period: PeriodInput) => ['reports', name, period] as const,
  reportForPrint: (form: PrintForm, period: PeriodInput | null) =>
    ['reports', 'print', form, period] as const,

  /** Backup queries share one prefix: a run changes the status, the history and the warning alike. */
  backup: ['backup'] as const,
  backupStatus: ['backup', 'status'] as const,
  backupHistory: ['backup', 'history'] as const,
  backupSettings: ['backup', 'settings'] as const,
  backupProgress: ['backup', 'progress'] as const,
  recovery: ['recovery', 'state'] as const,
  /** Outside the 'backup' prefix: a finished restore must not re-inspect the file it came from. */
  backupInspect: (door: 'backup' | 'recovery', file: string) => ['backupInspect', door, file] as const,

  /** 局域网共享: the host's status (addresses, fingerprint, open pairing code) and its terminals. */
  lan: ['lan'] as const,
  lanStatus: ['lan', 'status'] as const,
  lanTerminals: ['lan', 'terminals'] as const,

  /** 回访: the queue's tabs; a call changes the order's timeline too (workOrders is invalidated with it). */
  followUps: ['followUps'] as const,
  followUpList: (input: ListFollowUpsInput) => ['followUps', 'list', input] as const,

  /** 发件箱: the outbox list (the templates are under settings, an order's messages under its order). */
  messages: ['messages'] as const,
  outboxList: (input: InputOf<'messages.list'>) => ['messages', 'list', input] as const,
  messageSettings: ['settings', 'messages'] as const,
  messagePreview: (orderNo: string) => ['settings', 'messages', 'preview', orderNo] as const,
  orderMessages: (workOrderId: string) => ['workOrders', 'messages', workOrderId] as const,
  composedMessage: (workOrderId: string, event: string) =>
    ['workOrders', 'messages', workOrderId, 'compose', event] as const,

  /** How often a form of a document has been printed (补打 from the second). */
  printCount: (form: string, documentId: string) => ['prints', form, documentId] as const,
};
