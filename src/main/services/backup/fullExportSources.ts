/**
 * The full export tied to the drizzle schema: which table each sheet reads, and where each stored
 * field of that table goes — the column with the same key, another column that shows it, or left
 * out for a named reason. A field (or a table) added to the schema without a place here does not
 * compile, so the export cannot forget it silently.
 */
import { getTableName, type InferSelectModel, type Table } from 'drizzle-orm';
import * as schema from '../../db/schema';
import type { Column } from '../excel/columns';
import {
  AUDIT_COLUMNS,
  COMPLAINT_COLUMNS,
  COMPLAINT_EVENT_COLUMNS,
  CUSTOMER_COLUMNS,
  DAY_CLOSE_COLUMNS,
  DEVICE_COLUMNS,
  EVENT_COLUMNS,
  FOLLOW_UP_CALL_COLUMNS,
  FOLLOW_UP_COLUMNS,
  MOVEMENT_COLUMNS,
  ORDER_CHARGE_COLUMNS,
  ORDER_PART_COLUMNS,
  PART_COLUMNS,
  PAYMENT_COLUMNS,
  DEPOSIT_COLUMNS,
  DEVICE_READING_COLUMNS,
  APPOINTMENT_COLUMNS,
  ONSITE_JOB_COLUMNS,
  MAINTENANCE_PLAN_COLUMNS,
  SERVICE_CONTRACT_COLUMNS,
  CONTRACT_VISIT_COLUMNS,
  PRINT_COLUMNS,
  SETTLEMENT_COLUMNS,
  SETTLEMENT_LINE_COLUMNS,
  STOCK_DOCUMENT_COLUMNS,
  STOCK_LINE_COLUMNS,
  SUPPLIER_COLUMNS,
  USER_COLUMNS,
  WORK_ORDER_COLUMNS,
} from './fullExportColumns';

/** Why a stored field is not on its sheet. */
export const LEFT_OUT = {
  /** An internal UUID: people find rows by the numbers they read (order no., code, document no.). */
  id: { leftOut: 'id' },
  /** A password hash or a device password: it never leaves the database. */
  secret: { leftOut: 'secret' },
  /** Failed sign-ins and lockout: the state of signing in, not a record of the shop. */
  signIn: { leftOut: 'signIn' },
  /** Kept for search or a snapshot, rebuilt from other fields (pinyin initials, a day close's figures). */
  derived: { leftOut: 'derived' },
  /** When or by whom a row last changed: the timeline and audit log sheets keep every change. */
  inLog: { leftOut: 'inLog' },
  /** The same on every row: every stock document is posted, and a posted one never changes. */
  constant: { leftOut: 'constant' },
} as const;
type LeftOut = (typeof LEFT_OUT)[keyof typeof LEFT_OUT];

/** The export names of the schema's tables (its other exports are types). */
type TableName = {
  [K in keyof typeof schema]: (typeof schema)[K] extends Table ? K : never;
}[keyof typeof schema];

type KeyOf<C extends readonly Column[]> = C[number]['key'];
type FieldOf<N extends TableName> = keyof InferSelectModel<(typeof schema)[N]> & string;

/** Each stored field with no column of its own key: the column that shows it, or why it is left out. */
export type Placement<N extends TableName, C extends readonly Column[]> = {
  [F in Exclude<FieldOf<N>, KeyOf<C>>]: KeyOf<C> | LeftOut;
};

export interface SheetSource<C extends readonly Column[], N extends TableName = TableName> {
  /** The table's name in the schema. */
  name: N;
  /** The table whose row count the sheet's row count equals. */
  table: string;
  columns: C;
  placement: Record<string, string | LeftOut>;
}

export function sheetSource<N extends TableName, C extends readonly Column[]>(
  name: N,
  columns: C,
  placement: Placement<N, C>,
): SheetSource<C, N> {
  return { name, table: getTableName(schema[name]), columns, placement };
}

/**
 * The tables with no sheet of their own: customerPhones (on the customers sheet, the numbers in
 * order), attachments (photo files: the backup archive keeps them), workOrderWaits (the parts an
 * open order awaits, a working list; the timeline keeps the moves), settlementFacts (report
 * figures kept by triggers from the settlements), settings (not records: a backup keeps them),
 * sequences (the counters behind document numbers), terminals (this host's pairings and key hashes:
 * the audit and timeline sheets name the terminal of every change), orderSignatures (images: the
 * backup keeps them; the timeline sheet says when each was taken), orderHandovers (the timeline
 * sheet carries each hand-over whole).
 * the audit and timeline sheets name the terminal of every change), outboxMessages (the working queue
 * of messages to customers: each message is on its order's timeline sheet), historyImports and
 * historyImportItems (an import's bookkeeping for its undo: the audit sheet names every import and
 * undo, and each imported order's timeline names its file and row).
 */
type WithoutSheet =
  | 'customerPhones'
  | 'attachments'
  | 'workOrderWaits'
  | 'settlementFacts'
  | 'settings'
  | 'sequences'
  | 'terminals'
  | 'orderSignatures'
  | 'orderHandovers'
  | 'outboxMessages'
  /** A contract's covered devices: listed on the contracts sheet. */
  | 'serviceContractDevices'
  | 'historyImports'
  | 'historyImportItems';

/**
 * One source per table of the schema that has a sheet, in the order of the workbook: a new table
 * does not compile until it has a source here or a reason above.
 */
export const SOURCES = {
  customers: sheetSource('customers', CUSTOMER_COLUMNS, {
    id: LEFT_OUT.id,
    initials: LEFT_OUT.derived,
    mergedIntoId: 'mergedInto',
    archivedAt: 'archived',
    updatedAt: LEFT_OUT.inLog,
    // How many changes it has seen (stale edits are refused by it): the log keeps the changes.
    version: LEFT_OUT.inLog,
  }),
  devices: sheetSource('devices', DEVICE_COLUMNS, {
    id: LEFT_OUT.id,
    customerId: 'customerCode',
    archivedAt: 'archived',
    updatedAt: LEFT_OUT.inLog,
    // How many changes it has seen (stale edits are refused by it): the log keeps the changes.
    version: LEFT_OUT.inLog,
  }),
  workOrders: sheetSource('workOrders', WORK_ORDER_COLUMNS, {
    id: LEFT_OUT.id,
    customerId: 'customerCode',
    deviceId: 'device',
    devicePassword: LEFT_OUT.secret,
    warrantyStatus: 'warranty',
    warrantyOverrideReason: 'warrantyReason',
    reworkOfId: 'reworkOf',
    technicianId: 'technician',
    approvalRecordedBy: LEFT_OUT.inLog,
    // How many changes it has seen (stale edits are refused by it): the log keeps the changes.
    version: LEFT_OUT.inLog,
    // The device's, copied for the reports: the device column and the devices sheet show them.
    deviceCategory: LEFT_OUT.derived,
    deviceBrand: LEFT_OUT.derived,
  }),
  workOrderEvents: sheetSource('workOrderEvents', EVENT_COLUMNS, {
    id: LEFT_OUT.id,
    workOrderId: 'orderNo',
    userId: 'user',
    username: 'user',
    terminalName: 'terminal',
  }),
  workOrderParts: sheetSource('workOrderParts', ORDER_PART_COLUMNS, {
    id: LEFT_OUT.id,
    workOrderId: 'orderNo',
    partId: 'partCode',
    coveredByWarranty: 'covered',
    issueDocumentId: 'issueDocNo',
    returnDocumentId: 'returnDocNo',
    removedBy: LEFT_OUT.inLog,
    updatedAt: LEFT_OUT.inLog,
  }),
  workOrderCharges: sheetSource('workOrderCharges', ORDER_CHARGE_COLUMNS, {
    id: LEFT_OUT.id,
    workOrderId: 'orderNo',
    technicianId: 'technician',
    coveredByWarranty: 'covered',
    removedBy: LEFT_OUT.inLog,
    updatedAt: LEFT_OUT.inLog,
  }),
  parts: sheetSource('parts', PART_COLUMNS, {
    id: LEFT_OUT.id,
    defaultSupplierId: 'supplier',
    archivedAt: 'archived',
    createdAt: LEFT_OUT.inLog,
    updatedAt: LEFT_OUT.inLog,
    // How many changes it has seen (stale edits are refused by it): the log keeps the changes.
    version: LEFT_OUT.inLog,
  }),
  suppliers: sheetSource('suppliers', SUPPLIER_COLUMNS, {
    id: LEFT_OUT.id,
    archivedAt: 'archived',
    updatedAt: LEFT_OUT.inLog,
    // How many changes it has seen (stale edits are refused by it): the log keeps the changes.
    version: LEFT_OUT.inLog,
  }),
  stockDocuments: sheetSource('stockDocuments', STOCK_DOCUMENT_COLUMNS, {
    id: LEFT_OUT.id,
    status: LEFT_OUT.constant,
    supplierId: 'supplier',
    reversesId: 'reverses',
    workOrderId: 'orderNo',
    createdBy: 'user',
  }),
  stockDocumentLines: sheetSource('stockDocumentLines', STOCK_LINE_COLUMNS, {
    id: LEFT_OUT.id,
    documentId: 'docNo',
    partId: 'partCode',
  }),
  stockMovements: sheetSource('stockMovements', MOVEMENT_COLUMNS, {
    id: LEFT_OUT.id,
    partId: 'partCode',
    documentId: 'docNo',
    userId: 'user',
  }),
  settlements: sheetSource('settlements', SETTLEMENT_COLUMNS, {
    id: LEFT_OUT.id,
    workOrderId: 'orderNo',
    discountType: 'discount',
    discountValue: 'discount',
  }),
  settlementLines: sheetSource('settlementLines', SETTLEMENT_LINE_COLUMNS, {
    id: LEFT_OUT.id,
    settlementId: 'settlementNo',
    sourceId: LEFT_OUT.id,
    coveredByWarranty: 'covered',
  }),
  payments: sheetSource('payments', PAYMENT_COLUMNS, {
    id: LEFT_OUT.id,
    settlementId: 'settlementNo',
    userId: 'user',
    reversesId: 'reversal',
  }),
  deposits: sheetSource('deposits', DEPOSIT_COLUMNS, {
    id: LEFT_OUT.id,
    workOrderId: 'orderNo',
    userId: 'user',
  }),
  deviceReadings: sheetSource('deviceReadings', DEVICE_READING_COLUMNS, {
    id: LEFT_OUT.id,
    deviceId: 'device',
    workOrderId: 'orderNo',
    recordedBy: 'user',
    recordedAt: 'at',
  }),
  appointments: sheetSource('appointments', APPOINTMENT_COLUMNS, {
    id: LEFT_OUT.id,
    customerId: 'customerName',
    deviceId: 'device',
    technicianId: 'technician',
    workOrderId: 'orderNo',
    createdBy: 'user',
    createdAt: 'at',
  }),
  onsiteJobs: sheetSource('onsiteJobs', ONSITE_JOB_COLUMNS, {
    workOrderId: 'orderNo',
    technicianIds: 'technicians',
    travelFeeLineId: 'travelFee',
    updatedAt: LEFT_OUT.inLog,
  }),
  maintenancePlans: sheetSource('maintenancePlans', MAINTENANCE_PLAN_COLUMNS, {
    id: LEFT_OUT.id,
    deviceId: 'device',
    currentReading: LEFT_OUT.derived,
    readingReached: LEFT_OUT.derived,
    updatedAt: LEFT_OUT.inLog,
  }),
  serviceContracts: sheetSource('serviceContracts', SERVICE_CONTRACT_COLUMNS, {
    id: LEFT_OUT.id,
    customerId: 'customerCode',
    note: 'notes',
    createdBy: 'user',
  }),
  contractVisits: sheetSource('contractVisits', CONTRACT_VISIT_COLUMNS, {
    workOrderId: 'orderNo',
    contractId: 'contractNo',
  }),
  dayCloseEvents: sheetSource('dayCloseEvents', DAY_CLOSE_COLUMNS, {
    id: LEFT_OUT.id,
    snapshot: LEFT_OUT.derived,
    userId: 'user',
  }),
  followUps: sheetSource('followUps', FOLLOW_UP_COLUMNS, {
    id: LEFT_OUT.id,
    workOrderId: 'orderNo',
    customerId: 'customerCode',
    complaintId: 'complaintNo',
    reworkOrderId: 'reworkOrderNo',
    // The order's, copied for the reports: the work orders sheet shows them.
    technicianId: LEFT_OUT.derived,
    serviceType: LEFT_OUT.derived,
  }),
  followUpCalls: sheetSource('followUpCalls', FOLLOW_UP_CALL_COLUMNS, {
    id: LEFT_OUT.id,
    followUpId: 'orderNo',
    userId: 'user',
    username: 'user',
  }),
  complaints: sheetSource('complaints', COMPLAINT_COLUMNS, {
    id: LEFT_OUT.id,
    customerId: 'customerCode',
    workOrderId: 'orderNo',
    staffUserId: 'staff',
    followUpId: 'followUpOf',
    ownerId: 'owner',
    refundPaymentId: 'refundAmount',
    reworkOrderId: 'reworkOrderNo',
    compensationAmount: 'compensation',
    updatedAt: LEFT_OUT.inLog,
    // How many changes it has seen (stale edits are refused by it): the steps sheet keeps them.
    version: LEFT_OUT.inLog,
  }),
  complaintEvents: sheetSource('complaintEvents', COMPLAINT_EVENT_COLUMNS, {
    id: LEFT_OUT.id,
    complaintId: 'complaintNo',
    userId: 'user',
    username: 'user',
    terminalName: 'terminal',
  }),
  users: sheetSource('users', USER_COLUMNS, {
    id: LEFT_OUT.id,
    passwordHash: LEFT_OUT.secret,
    failedAttempts: LEFT_OUT.signIn,
    lockedUntil: LEFT_OUT.signIn,
    updatedAt: LEFT_OUT.inLog,
  }),
  printLog: sheetSource('printLog', PRINT_COLUMNS, {
    id: LEFT_OUT.id,
    documentId: 'document',
    printedBy: 'user',
    username: 'user',
    printedAt: 'at',
  }),
  auditLog: sheetSource('auditLog', AUDIT_COLUMNS, {
    id: LEFT_OUT.id,
    userId: 'user',
    username: 'user',
    terminalId: 'terminal',
    terminalName: 'terminal',
  }),
} satisfies { [N in Exclude<TableName, WithoutSheet>]: SheetSource<readonly Column[], N> };
