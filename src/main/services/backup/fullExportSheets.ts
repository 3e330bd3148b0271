/**
 * What each sheet of the full export reads and how a stored row becomes cells. Plain SQL because
 * the rows are streamed with better-sqlite3's `.iterate()` (drizzle has no iterator), on a
 * read-only connection of its own: one snapshot, and the app's connection stays free.
 */
import type { Language } from '@shared/languages';
import type { Sqlite } from '../../db/open';
import { type Column } from '../excel/columns';
import { LIST_SEPARATOR, YES_NO, codeWords, wordOf, type CodeWords } from '@shared/labels';
import type { CellOut } from '../excel/workbook';
import { parseTags } from '../customers/records';
import { COMPLAINT_EVENT_KIND_WORDS, FULL_EXPORT_NAMES } from './fullExportLabels';
import { SOURCES, type SheetSource } from './fullExportSources';

export interface Say {
  lang: Language;
  /** The stored codes' words in the export's language, and how several values share a cell. */
  w: CodeWords & { listSeparator: string };
  yes: (flag: number | null) => string;
}

/** A sheet with its row type erased: its name, its columns and its rows as cells, in column order. */
export interface FullSheet {
  name: Record<Language, string>;
  columns: readonly Column[];
  /** The table whose row count the sheet's row count equals. */
  table: string;
  rows(reader: Sqlite, say: Say): IterableIterator<CellOut[]>;
}

type KeyOf<C extends readonly Column[]> = C[number]['key'];

function sheet<R, C extends readonly Column[]>(def: {
  name: Record<Language, string>;
  /** The table and columns, checked against the schema (fullExportSources.ts). */
  source: SheetSource<C>;
  sql: string;
  cells: (row: R, say: Say) => Record<KeyOf<C>, CellOut>;
}): FullSheet {
  const { table, columns } = def.source;
  const keys = columns.map((c) => c.key as KeyOf<C>);
  return {
    name: def.name,
    table,
    columns,
    *rows(reader, say) {
      for (const row of reader.prepare<[], R>(def.sql).iterate()) {
        const cells = def.cells(row, say);
        yield keys.map((k) => cells[k]);
      }
    },
  };
}

export function sayFor(lang: Language): Say {
  const yesNo = YES_NO[lang];
  const w = { ...codeWords(lang), listSeparator: LIST_SEPARATOR[lang] };
  return { lang, w, yes: (flag) => (flag ? yesNo.yes : yesNo.no) };
}

/** A stored JSON list of codes as words. */
/** A device as the sheets name it: brand and model, or its category when it has neither. */
function deviceWords(d: { brand: string; model: string; category: string }): string {
  return [d.brand, d.model].filter((s) => s !== '').join(' ') || d.category;
}

function wordList<K extends string>(json: string, words: Record<K, string>, separator: string): string {
  return parseTags(json)
    .map((code) => wordOf(words, code))
    .join(separator);
}

const YUAN = (fen: number) => (fen / 100).toFixed(2);

interface CustomerRow {
  code: string;
  name: string;
  type: 'individual' | 'company';
  level: string;
  email: string;
  address: string;
  company: string;
  tags: string;
  notes: string;
  archivedAt: number | null;
  createdAt: number;
  mergedInto: string | null;
  noContact: number;
  phones: string | null;
}

interface DeviceRow {
  customerCode: string;
  customerName: string;
  category: string;
  brand: string;
  model: string;
  serialNo: string;
  purchaseDate: string | null;
  warrantyEnd: string | null;
  invoiceNo: string;
  plateNo: string;
  vin: string;
  vinNoCheckDigit: number;
  modelYear: number | null;
  installAddress: string;
  installDate: string | null;
  notes: string;
  archivedAt: number | null;
  createdAt: number;
}

interface WorkOrderRow {
  orderNo: string;
  status: string;
  customerCode: string;
  customerName: string;
  phone: string | null;
  brand: string;
  model: string;
  category: string;
  serialNo: string;
  channel: string;
  serviceType: string;
  priority: string;
  reportedFault: string;
  accessories: string;
  accessoriesNote: string;
  condition: string;
  warrantyStatus: string;
  warrantyComputed: string;
  warrantyOverrideReason: string | null;
  reworkOf: string | null;
  technician: string | null;
  promisedAt: number;
  diagnosis: string;
  intakeEstimate: number | null;
  estimate: number | null;
  approvalBy: string | null;
  approvalMethod: string | null;
  approvalAt: number | null;
  approvedAmount: number | null;
  resolution: string;
  cancelReason: string | null;
  diagnosedAt: number | null;
  outcome: string | null;
  unrepairableReason: string | null;
  heldFrom: string | null;
  holdReason: string | null;
  heldAt: number | null;
  recallAt: number | null;
  readyAt: number | null;
  deliveredAt: number | null;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

interface EventRow {
  orderNo: string;
  at: number;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string;
  username: string | null;
  terminalName: string | null;
  data: string | null;
}

interface OrderPartRow {
  orderNo: string;
  partCode: string;
  partName: string;
  qty: number;
  unitPrice: number;
  unitCost: number;
  covered: number;
  oldPartSerial: string;
  oldPartRma: number;
  issueDocNo: string | null;
  returnDocNo: string | null;
  addedBy: string | null;
  addedAt: number;
  removedAt: number | null;
}

interface OrderChargeRow {
  orderNo: string;
  kind: string;
  itemCode: string;
  name: string;
  technician: string | null;
  hours: number;
  amount: number;
  covered: number;
  approvedBy: string | null;
  addedBy: string | null;
  addedAt: number;
  removedAt: number | null;
}

interface PartRow {
  code: string;
  name: string;
  spec: string;
  compatibleModels: string;
  category: string;
  unit: string;
  barcode: string;
  costPrice: number;
  salePrice: number;
  minStock: number;
  location: string;
  supplier: string | null;
  onHand: number;
  archivedAt: number | null;
}

interface SupplierRow {
  name: string;
  contact: string;
  phone: string;
  notes: string;
  archivedAt: number | null;
  createdAt: number;
}

interface StockDocumentRow {
  docNo: string;
  kind: string;
  supplier: string | null;
  reason: string;
  reverses: string | null;
  orderNo: string | null;
  user: string | null;
  postedAt: number;
}

interface StockLineRow {
  docNo: string;
  lineNo: number;
  partCode: string;
  partName: string;
  qty: number;
  countedQty: number | null;
  unitCost: number;
  costBefore: number;
  costAfter: number;
}

interface MovementRow {
  at: number;
  docNo: string;
  kind: string;
  partCode: string;
  partName: string;
  qty: number;
  unitCost: number;
  orderNo: string | null;
  user: string | null;
}

interface SettlementRow {
  settlementNo: string;
  orderNo: string;
  status: string;
  subtotal: number;
  warrantyValue: number;
  discountType: string;
  discountValue: number;
  discountAmount: number;
  discountApprovedBy: string | null;
  rounding: number;
  total: number;
  depositCredited: number;
  note: string;
  createdBy: string | null;
  createdAt: number;
  voidedAt: number | null;
  voidedBy: string | null;
  voidReason: string | null;
}

interface SettlementLineRow {
  settlementNo: string;
  lineNo: number;
  kind: string;
  code: string;
  name: string;
  detail: string;
  qty: number;
  unitPrice: number;
  amount: number;
  covered: number;
  listAmount: number;
  cost: number;
}

interface PaymentRow {
  at: number;
  businessDate: string;
  settlementNo: string;
  orderNo: string;
  method: string;
  amount: number;
  tendered: number | null;
  change: number | null;
  reference: string;
  reason: string;
  user: string | null;
  approvedBy: string | null;
  reversesId: string | null;
}

interface DepositRow {
  at: number;
  businessDate: string;
  orderNo: string;
  method: string;
  amount: number;
  reference: string;
  reason: string;
  user: string | null;
  approvedBy: string | null;
}

interface DeviceReadingRow {
  customerCode: string;
  customerName: string;
  brand: string;
  model: string;
  category: string;
  serialNo: string;
  readAt: number;
  value: number;
  unit: string;
  source: string;
  orderNo: string | null;
  reason: string;
  user: string | null;
  at: number;
}

interface AppointmentRow {
  startAt: number;
  endAt: number;
  state: string;
  customerCode: string;
  customerName: string;
  device: string;
  serviceType: string;
  fault: string;
  channel: string;
  technician: string | null;
  bay: string | null;
  note: string;
  cancelReason: string | null;
  orderNo: string | null;
  closedAt: number | null;
  closedBy: string | null;
  remindedAt: number | null;
  user: string | null;
  at: number;
}

interface OnsiteJobRow {
  orderNo: string;
  address: string;
  day: string;
  fromTime: string;
  toTime: string;
  technicians: string;
  travelFee: number | null;
  arrivedAt: number | null;
  arrivedBy: string | null;
  finishedAt: number | null;
  finishedBy: string | null;
  createdAt: number;
}

interface MaintenancePlanRow {
  customerCode: string;
  customerName: string;
  device: string;
  serialNo: string;
  name: string;
  intervalDays: number | null;
  intervalUsage: number | null;
  unit: string | null;
  lastServiceOn: string;
  lastServiceReading: number | null;
  nextDueOn: string | null;
  nextDueReading: number | null;
  active: number;
  createdAt: number;
}

interface ServiceContractRow {
  contractNo: string;
  customerCode: string;
  customerName: string;
  devices: string;
  startsOn: string;
  endsOn: string;
  visits: number;
  covers: string;
  notes: string;
  user: string | null;
  createdAt: number;
}

interface DayCloseRow {
  businessDate: string;
  action: string;
  reason: string;
  at: number;
  user: string | null;
}

interface FollowUpRow {
  orderNo: string;
  customerCode: string;
  customerName: string;
  dueAt: number;
  state: string;
  attempts: number;
  attitude: number | null;
  quality: number | null;
  timeliness: number | null;
  price: number | null;
  comment: string;
  problemUnsolved: number;
  complaintNo: string | null;
  reworkOrderNo: string | null;
  doneAt: number | null;
  doneBy: string | null;
  createdAt: number;
}

interface FollowUpCallRow {
  orderNo: string;
  at: number;
  result: string;
  note: string;
  username: string | null;
}

interface ComplaintRow {
  complaintNo: string;
  status: string;
  customerCode: string;
  customerName: string;
  orderNo: string | null;
  followUpOf: string | null;
  staff: string | null;
  channel: string;
  category: string;
  severity: string;
  description: string;
  owner: string | null;
  firstResponseDue: number;
  resolutionDue: number;
  firstRespondedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  resolutionKind: string | null;
  resolutionNote: string;
  refundAmount: number | null;
  refundSettlementNo: string | null;
  reworkOrderNo: string | null;
  compensation: number | null;
  confirmedBy: string | null;
  confirmationNote: string | null;
  confirmedAt: number | null;
  createdBy: string | null;
  createdAt: number;
}

interface ComplaintEventRow {
  complaintNo: string;
  at: number;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string;
  username: string | null;
  terminalName: string | null;
  data: string | null;
}

interface UserRow {
  username: string;
  displayName: string;
  role: string;
  disabled: number;
  lastSignInAt: number | null;
  createdAt: number;
}

interface PrintRow {
  at: number;
  username: string | null;
  form: string;
  document: string;
}

interface AuditRow {
  at: number;
  username: string | null;
  terminalName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
}

/** A user's display name by id, for "who" columns. */
const NAME_OF = (column: string) => `(SELECT display_name FROM users u WHERE u.id = ${column})`;

/**
 * One sheet per source (the type makes a missing one a compile error), in the order of the
 * workbook: the shop's people and things, then money, then the records about them.
 */
const SHEETS: { [K in keyof typeof SOURCES]: FullSheet } = {
  customers: sheet({
    name: FULL_EXPORT_NAMES.customers,
    source: SOURCES.customers,
    sql: `SELECT c.code, c.name, c.type, c.level, c.email, c.address, c.company, c.tags, c.notes,
            c.archived_at AS archivedAt, c.created_at AS createdAt, m.code AS mergedInto,
            c.no_contact AS noContact,
            (SELECT group_concat(p.phone, ' / ' ORDER BY p.position) FROM customer_phones p
              WHERE p.customer_id = c.id) AS phones
          FROM customers c LEFT JOIN customers m ON m.id = c.merged_into_id
          ORDER BY c.code`,
    cells: (c: CustomerRow, { w, yes }) => ({
      code: c.code,
      name: c.name,
      phones: c.phones ?? '',
      type: wordOf(w.customerTypes, c.type),
      level: c.level,
      email: c.email,
      address: c.address,
      company: c.company,
      tags: parseTags(c.tags).join(w.listSeparator),
      notes: c.notes,
      archived: yes(c.archivedAt),
      createdAt: c.createdAt,
      mergedInto: c.mergedInto,
      noContact: yes(c.noContact),
    }),
  }),
  devices: sheet({
    name: FULL_EXPORT_NAMES.devices,
    source: SOURCES.devices,
    sql: `SELECT c.code AS customerCode, c.name AS customerName, d.category, d.brand, d.model,
            d.serial_no AS serialNo, d.purchase_date AS purchaseDate, d.warranty_end AS warrantyEnd,
            d.invoice_no AS invoiceNo, d.plate_no AS plateNo, d.vin, d.vin_no_check_digit AS vinNoCheckDigit,
            d.model_year AS modelYear, d.install_address AS installAddress, d.install_date AS installDate,
            d.notes, d.archived_at AS archivedAt, d.created_at AS createdAt
          FROM devices d JOIN customers c ON c.id = d.customer_id
          ORDER BY c.code, d.created_at, d.id`,
    cells: (d: DeviceRow, { yes }) => ({
      ...d,
      vinNoCheckDigit: yes(d.vinNoCheckDigit),
      archived: yes(d.archivedAt),
    }),
  }),
  workOrders: sheet({
    name: FULL_EXPORT_NAMES.workOrders,
    source: SOURCES.workOrders,
    sql: `SELECT o.order_no AS orderNo, o.status, c.code AS customerCode, c.name AS customerName,
            (SELECT p.phone FROM customer_phones p WHERE p.customer_id = c.id ORDER BY p.position LIMIT 1) AS phone,
            d.brand, d.model, d.category, d.serial_no AS serialNo,
            o.channel, o.service_type AS serviceType, o.priority, o.reported_fault AS reportedFault,
            o.accessories, o.accessories_note AS accessoriesNote, o.condition,
            o.warranty_status AS warrantyStatus, o.warranty_computed AS warrantyComputed,
            o.warranty_override_reason AS warrantyOverrideReason,
            (SELECT r.order_no FROM work_orders r WHERE r.id = o.rework_of_id) AS reworkOf,
            ${NAME_OF('o.technician_id')} AS technician, o.promised_at AS promisedAt, o.diagnosis,
            o.intake_estimate AS intakeEstimate, o.estimate, o.approval_by AS approvalBy,
            o.approval_method AS approvalMethod, o.approval_at AS approvalAt,
            o.approved_amount AS approvedAmount, o.resolution, o.cancel_reason AS cancelReason,
            o.diagnosed_at AS diagnosedAt, o.outcome, o.unrepairable_reason AS unrepairableReason,
            o.held_from AS heldFrom, o.hold_reason AS holdReason, o.held_at AS heldAt,
            o.recall_at AS recallAt,
            o.ready_at AS readyAt, o.delivered_at AS deliveredAt, ${NAME_OF('o.created_by')} AS createdBy,
            o.created_at AS createdAt, o.updated_at AS updatedAt
          FROM work_orders o
          JOIN customers c ON c.id = o.customer_id
          JOIN devices d ON d.id = o.device_id
          ORDER BY o.created_at, o.id`,
    cells: (o: WorkOrderRow, { w }) => ({
      orderNo: o.orderNo,
      status: wordOf(w.statuses, o.status),
      customerCode: o.customerCode,
      customerName: o.customerName,
      phone: o.phone,
      device: deviceWords(o),
      serialNo: o.serialNo,
      channel: wordOf(w.channels, o.channel),
      serviceType: wordOf(w.serviceTypes, o.serviceType),
      priority: wordOf(w.priorities, o.priority),
      reportedFault: o.reportedFault,
      accessories: wordList(o.accessories, w.accessories, w.listSeparator),
      accessoriesNote: o.accessoriesNote,
      condition: o.condition,
      warranty: wordOf(w.warranty, o.warrantyStatus),
      warrantyComputed: wordOf(w.warranty, o.warrantyComputed),
      warrantyReason: o.warrantyOverrideReason,
      reworkOf: o.reworkOf,
      technician: o.technician,
      promisedAt: o.promisedAt,
      diagnosis: o.diagnosis,
      diagnosedAt: o.diagnosedAt,
      intakeEstimate: o.intakeEstimate,
      estimate: o.estimate,
      approvalBy: o.approvalBy,
      approvalMethod: wordOf(w.approvalMethods, o.approvalMethod),
      approvalAt: o.approvalAt,
      approvedAmount: o.approvedAmount,
      resolution: o.resolution,
      cancelReason: o.cancelReason,
      outcome: wordOf(w.outcomes, o.outcome),
      unrepairableReason: wordOf(w.unrepairableReasons, o.unrepairableReason),
      heldFrom: wordOf(w.statuses, o.heldFrom),
      holdReason: o.holdReason,
      heldAt: o.heldAt,
      recallAt: o.recallAt,
      readyAt: o.readyAt,
      deliveredAt: o.deliveredAt,
      createdBy: o.createdBy,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
    }),
  }),
  workOrderEvents: sheet({
    name: FULL_EXPORT_NAMES.events,
    source: SOURCES.workOrderEvents,
    // By order, then time: the index on (work_order_id, at) serves it; ids are time-ordered UUIDv7.
    sql: `SELECT o.order_no AS orderNo, e.at, e.kind, e.from_status AS fromStatus, e.to_status AS toStatus,
            e.note, e.username, e.terminal_name AS terminalName, e.data
          FROM work_order_events e JOIN work_orders o ON o.id = e.work_order_id
          ORDER BY e.work_order_id, e.at, e.id`,
    cells: (e: EventRow, { w }) => ({
      orderNo: e.orderNo,
      at: e.at,
      kind: wordOf(w.eventKinds, e.kind),
      fromStatus: wordOf(w.statuses, e.fromStatus),
      toStatus: wordOf(w.statuses, e.toStatus),
      note: e.note,
      user: e.username,
      terminal: e.terminalName,
      data: e.data,
    }),
  }),
  workOrderParts: sheet({
    name: FULL_EXPORT_NAMES.orderParts,
    source: SOURCES.workOrderParts,
    sql: `SELECT o.order_no AS orderNo, p.code AS partCode, p.name AS partName, l.qty,
            l.unit_price AS unitPrice, l.unit_cost AS unitCost, l.covered_by_warranty AS covered,
            l.old_part_serial AS oldPartSerial, l.old_part_rma AS oldPartRma,
            (SELECT doc_no FROM stock_documents s WHERE s.id = l.issue_document_id) AS issueDocNo,
            (SELECT doc_no FROM stock_documents s WHERE s.id = l.return_document_id) AS returnDocNo,
            ${NAME_OF('l.added_by')} AS addedBy, l.added_at AS addedAt, l.removed_at AS removedAt
          FROM work_order_parts l
          JOIN work_orders o ON o.id = l.work_order_id
          JOIN parts p ON p.id = l.part_id
          ORDER BY l.work_order_id, l.added_at, l.id`,
    cells: (l: OrderPartRow, { yes }) => ({ ...l, covered: yes(l.covered), oldPartRma: yes(l.oldPartRma) }),
  }),
  workOrderCharges: sheet({
    name: FULL_EXPORT_NAMES.orderCharges,
    source: SOURCES.workOrderCharges,
    sql: `SELECT o.order_no AS orderNo, l.kind, l.item_code AS itemCode, l.name,
            ${NAME_OF('l.technician_id')} AS technician, l.hours, l.amount, l.covered_by_warranty AS covered,
            ${NAME_OF('l.approved_by')} AS approvedBy, ${NAME_OF('l.added_by')} AS addedBy,
            l.added_at AS addedAt, l.removed_at AS removedAt
          FROM work_order_charges l JOIN work_orders o ON o.id = l.work_order_id
          ORDER BY l.work_order_id, l.added_at, l.id`,
    cells: (l: OrderChargeRow, { w, yes }) => ({
      ...l,
      kind: wordOf(w.chargeKinds, l.kind),
      hours: l.hours === 0 ? null : l.hours,
      covered: yes(l.covered),
    }),
  }),
  parts: sheet({
    name: FULL_EXPORT_NAMES.parts,
    source: SOURCES.parts,
    sql: `SELECT p.code, p.name, p.spec, p.compatible_models AS compatibleModels, p.category, p.unit,
            p.barcode, p.cost_price AS costPrice, p.sale_price AS salePrice, p.min_stock AS minStock,
            p.location, s.name AS supplier, p.on_hand AS onHand, p.archived_at AS archivedAt
          FROM parts p LEFT JOIN suppliers s ON s.id = p.default_supplier_id
          ORDER BY p.code`,
    cells: (p: PartRow, { yes }) => ({ ...p, supplier: p.supplier ?? '', archived: yes(p.archivedAt) }),
  }),
  suppliers: sheet({
    name: FULL_EXPORT_NAMES.suppliers,
    source: SOURCES.suppliers,
    sql: `SELECT name, contact, phone, notes, archived_at AS archivedAt, created_at AS createdAt
          FROM suppliers ORDER BY name, id`,
    cells: (s: SupplierRow, { yes }) => ({ ...s, archived: yes(s.archivedAt) }),
  }),
  stockDocuments: sheet({
    name: FULL_EXPORT_NAMES.stockDocuments,
    source: SOURCES.stockDocuments,
    sql: `SELECT d.doc_no AS docNo, d.kind, s.name AS supplier, d.reason, r.doc_no AS reverses,
            o.order_no AS orderNo, ${NAME_OF('d.created_by')} AS user, d.posted_at AS postedAt
          FROM stock_documents d
          LEFT JOIN suppliers s ON s.id = d.supplier_id
          LEFT JOIN stock_documents r ON r.id = d.reverses_id
          LEFT JOIN work_orders o ON o.id = d.work_order_id
          ORDER BY d.posted_at, d.id`,
    cells: (d: StockDocumentRow, { w }) => ({ ...d, kind: wordOf(w.stockDocumentKinds, d.kind) }),
  }),
  stockDocumentLines: sheet({
    name: FULL_EXPORT_NAMES.stockLines,
    source: SOURCES.stockDocumentLines,
    sql: `SELECT d.doc_no AS docNo, l.line_no AS lineNo, p.code AS partCode, p.name AS partName, l.qty,
            l.counted_qty AS countedQty, l.unit_cost AS unitCost, l.cost_before AS costBefore,
            l.cost_after AS costAfter
          FROM stock_document_lines l
          JOIN stock_documents d ON d.id = l.document_id
          JOIN parts p ON p.id = l.part_id
          ORDER BY d.posted_at, d.id, l.line_no`,
    cells: (l: StockLineRow) => l,
  }),
  stockMovements: sheet({
    name: FULL_EXPORT_NAMES.movements,
    source: SOURCES.stockMovements,
    sql: `SELECT m.at, d.doc_no AS docNo, d.kind, p.code AS partCode, p.name AS partName, m.qty,
            m.unit_cost AS unitCost, o.order_no AS orderNo, ${NAME_OF('m.user_id')} AS user
          FROM stock_movements m
          JOIN stock_documents d ON d.id = m.document_id
          JOIN parts p ON p.id = m.part_id
          LEFT JOIN work_orders o ON o.id = d.work_order_id
          ORDER BY m.at, m.id`,
    cells: (m: MovementRow, { w }) => ({ ...m, kind: wordOf(w.stockDocumentKinds, m.kind) }),
  }),
  settlements: sheet({
    name: FULL_EXPORT_NAMES.settlements,
    source: SOURCES.settlements,
    sql: `SELECT s.settlement_no AS settlementNo, o.order_no AS orderNo, s.status, s.subtotal,
            s.warranty_value AS warrantyValue, s.discount_type AS discountType,
            s.discount_value AS discountValue, s.discount_amount AS discountAmount,
            ${NAME_OF('s.discount_approved_by')} AS discountApprovedBy, s.rounding, s.total,
            s.deposit_credited AS depositCredited, s.note,
            ${NAME_OF('s.created_by')} AS createdBy, s.created_at AS createdAt, s.voided_at AS voidedAt,
            ${NAME_OF('s.voided_by')} AS voidedBy, s.void_reason AS voidReason
          FROM settlements s JOIN work_orders o ON o.id = s.work_order_id
          ORDER BY s.created_at, s.id`,
    cells: (s: SettlementRow, { w }) => ({
      ...s,
      status: wordOf(w.settlementStatuses, s.status),
      // A percent off reads "9.5%"; an amount off is in 元 like the other money columns.
      discount:
        s.discountType === 'percent'
          ? `${s.discountValue}%`
          : s.discountType === 'amount'
            ? YUAN(s.discountValue)
            : '',
    }),
  }),
  settlementLines: sheet({
    name: FULL_EXPORT_NAMES.settlementLines,
    source: SOURCES.settlementLines,
    sql: `SELECT s.settlement_no AS settlementNo, l.line_no AS lineNo, l.kind, l.code, l.name, l.detail,
            l.qty, l.unit_price AS unitPrice, l.amount, l.covered_by_warranty AS covered,
            l.list_amount AS listAmount, l.cost
          FROM settlement_lines l JOIN settlements s ON s.id = l.settlement_id
          ORDER BY s.created_at, s.id, l.line_no`,
    cells: (l: SettlementLineRow, { w, yes }) => ({
      ...l,
      kind: wordOf(w.lineKinds, l.kind),
      covered: yes(l.covered),
    }),
  }),
  payments: sheet({
    name: FULL_EXPORT_NAMES.payments,
    source: SOURCES.payments,
    sql: `SELECT p.at, p.business_date AS businessDate, s.settlement_no AS settlementNo,
            o.order_no AS orderNo, p.method, p.amount, p.tendered, p.change, p.reference, p.reason,
            ${NAME_OF('p.user_id')} AS user, ${NAME_OF('p.approved_by')} AS approvedBy,
            p.reverses_id AS reversesId
          FROM payments p
          JOIN settlements s ON s.id = p.settlement_id
          JOIN work_orders o ON o.id = s.work_order_id
          ORDER BY p.at, p.id`,
    cells: (p: PaymentRow, { w, yes }) => ({
      ...p,
      method: wordOf(w.paymentMethods, p.method),
      reversal: yes(p.reversesId === null ? 0 : 1),
    }),
  }),
  deposits: sheet({
    name: FULL_EXPORT_NAMES.deposits,
    source: SOURCES.deposits,
    sql: `SELECT d.at, d.business_date AS businessDate, o.order_no AS orderNo, d.method, d.amount,
            d.reference, d.reason, ${NAME_OF('d.user_id')} AS user, ${NAME_OF('d.approved_by')} AS approvedBy
          FROM deposits d JOIN work_orders o ON o.id = d.work_order_id
          ORDER BY d.at, d.id`,
    cells: (d: DepositRow, { w }) => ({ ...d, method: wordOf(w.paymentMethods, d.method) }),
  }),
  deviceReadings: sheet({
    name: FULL_EXPORT_NAMES.deviceReadings,
    source: SOURCES.deviceReadings,
    sql: `SELECT c.code AS customerCode, c.name AS customerName,
            d.brand, d.model, d.category, d.serial_no AS serialNo, r.read_at AS readAt,
            r.value, r.unit, r.source, o.order_no AS orderNo, r.reason,
            ${NAME_OF('r.recorded_by')} AS user, r.recorded_at AS at
          FROM device_readings r
          JOIN devices d ON d.id = r.device_id
          JOIN customers c ON c.id = d.customer_id
          LEFT JOIN work_orders o ON o.id = r.work_order_id
          ORDER BY r.read_at, r.id`,
    cells: ({ brand, model, category, ...r }: DeviceReadingRow, { w }) => ({
      ...r,
      device: deviceWords({ brand, model, category }),
      unit: wordOf(w.readingUnits, r.unit),
      source: wordOf(w.readingSources, r.source),
    }),
  }),
  appointments: sheet({
    name: FULL_EXPORT_NAMES.appointments,
    source: SOURCES.appointments,
    sql: `SELECT a.start_at AS startAt, a.end_at AS endAt, a.state, c.code AS customerCode,
            c.name AS customerName, trim(d.brand || ' ' || d.model) AS device,
            a.service_type AS serviceType, a.fault, a.channel, ${NAME_OF('a.technician_id')} AS technician,
            a.bay, a.note, a.cancel_reason AS cancelReason, o.order_no AS orderNo, a.closed_at AS closedAt,
            ${NAME_OF('a.closed_by')} AS closedBy, a.reminded_at AS remindedAt,
            ${NAME_OF('a.created_by')} AS user, a.created_at AS at
          FROM appointments a
          JOIN customers c ON c.id = a.customer_id
          JOIN devices d ON d.id = a.device_id
          LEFT JOIN work_orders o ON o.id = a.work_order_id
          ORDER BY a.start_at, a.id`,
    cells: (a: AppointmentRow, { w }) => ({
      ...a,
      state: wordOf(w.appointmentStates, a.state),
      serviceType: wordOf(w.serviceTypes, a.serviceType),
      channel: wordOf(w.appointmentChannels, a.channel),
    }),
  }),
  onsiteJobs: sheet({
    name: FULL_EXPORT_NAMES.onsiteJobs,
    source: SOURCES.onsiteJobs,
    sql: `SELECT o.order_no AS orderNo, j.address, j.day, j.from_time AS fromTime, j.to_time AS toTime,
            (SELECT group_concat(u.display_name, '、') FROM json_each(j.technician_ids) t
              JOIN users u ON u.id = t.value) AS technicians,
            (SELECT c.amount FROM work_order_charges c
              WHERE c.id = j.travel_fee_line_id AND c.removed_at IS NULL) AS travelFee,
            j.arrived_at AS arrivedAt, ${NAME_OF('j.arrived_by')} AS arrivedBy,
            j.finished_at AS finishedAt, ${NAME_OF('j.finished_by')} AS finishedBy, j.created_at AS createdAt
          FROM onsite_jobs j JOIN work_orders o ON o.id = j.work_order_id
          ORDER BY j.day, j.from_time, o.order_no`,
    cells: (j: OnsiteJobRow) => ({ ...j, technicians: j.technicians ?? '' }),
  }),
  maintenancePlans: sheet({
    name: FULL_EXPORT_NAMES.maintenancePlans,
    source: SOURCES.maintenancePlans,
    sql: `SELECT c.code AS customerCode, c.name AS customerName,
            trim(d.brand || ' ' || d.model) AS device, d.serial_no AS serialNo, p.name,
            p.interval_days AS intervalDays, p.interval_usage AS intervalUsage, p.unit,
            p.last_service_on AS lastServiceOn, p.last_service_reading AS lastServiceReading,
            p.next_due_on AS nextDueOn, p.next_due_reading AS nextDueReading, p.active,
            p.created_at AS createdAt
          FROM maintenance_plans p
          JOIN devices d ON d.id = p.device_id
          JOIN customers c ON c.id = d.customer_id
          ORDER BY p.created_at, p.id`,
    cells: (p: MaintenancePlanRow, { w, yes }) => ({
      ...p,
      unit: p.unit === null ? '' : wordOf(w.readingUnits, p.unit),
      active: yes(p.active),
    }),
  }),
  serviceContracts: sheet({
    name: FULL_EXPORT_NAMES.serviceContracts,
    source: SOURCES.serviceContracts,
    sql: `SELECT s.contract_no AS contractNo, c.code AS customerCode, c.name AS customerName,
            (SELECT group_concat(trim(d.brand || ' ' || d.model || ' ' || d.serial_no), '; ')
               FROM service_contract_devices cd JOIN devices d ON d.id = cd.device_id
               WHERE cd.contract_id = s.id) AS devices,
            s.starts_on AS startsOn, s.ends_on AS endsOn, s.visits, s.covers, s.note AS notes,
            ${NAME_OF('s.created_by')} AS user, s.created_at AS createdAt
          FROM service_contracts s JOIN customers c ON c.id = s.customer_id
          ORDER BY s.created_at, s.id`,
    cells: (s: ServiceContractRow, { w }) => ({
      ...s,
      devices: s.devices ?? '',
      covers: wordOf(w.contractCovers, s.covers),
    }),
  }),
  contractVisits: sheet({
    name: FULL_EXPORT_NAMES.contractVisits,
    source: SOURCES.contractVisits,
    sql: `SELECT s.contract_no AS contractNo, o.order_no AS orderNo, v.at
          FROM contract_visits v
          JOIN service_contracts s ON s.id = v.contract_id
          JOIN work_orders o ON o.id = v.work_order_id
          ORDER BY v.at, v.work_order_id`,
    cells: (v: { contractNo: string; orderNo: string; at: number }) => v,
  }),
  dayCloseEvents: sheet({
    name: FULL_EXPORT_NAMES.dayClose,
    source: SOURCES.dayCloseEvents,
    sql: `SELECT business_date AS businessDate, action, reason, at, ${NAME_OF('user_id')} AS user
          FROM day_close_events ORDER BY at, id`,
    cells: (d: DayCloseRow, { w }) => ({ ...d, action: wordOf(w.dayCloseActions, d.action) }),
  }),
  followUps: sheet({
    name: FULL_EXPORT_NAMES.followUps,
    source: SOURCES.followUps,
    sql: `SELECT o.order_no AS orderNo, c.code AS customerCode, c.name AS customerName, f.due_at AS dueAt,
            f.state, f.attempts, f.attitude, f.quality, f.timeliness, f.price, f.comment,
            f.problem_unsolved AS problemUnsolved,
            (SELECT k.complaint_no FROM complaints k WHERE k.id = f.complaint_id) AS complaintNo,
            (SELECT r.order_no FROM work_orders r WHERE r.id = f.rework_order_id) AS reworkOrderNo,
            f.done_at AS doneAt, ${NAME_OF('f.done_by')} AS doneBy, f.created_at AS createdAt
          FROM follow_ups f
          JOIN work_orders o ON o.id = f.work_order_id
          JOIN customers c ON c.id = f.customer_id
          ORDER BY f.due_at, f.id`,
    cells: (f: FollowUpRow, { w, yes }) => ({
      ...f,
      state: wordOf(w.followUpStates, f.state),
      problemUnsolved: yes(f.problemUnsolved),
    }),
  }),
  followUpCalls: sheet({
    name: FULL_EXPORT_NAMES.followUpCalls,
    source: SOURCES.followUpCalls,
    // By follow-up, then time: the index on (follow_up_id, at) serves it.
    sql: `SELECT o.order_no AS orderNo, l.at, l.result, l.note, l.username
          FROM follow_up_calls l
          JOIN follow_ups f ON f.id = l.follow_up_id
          JOIN work_orders o ON o.id = f.work_order_id
          ORDER BY l.follow_up_id, l.at, l.id`,
    cells: (l: FollowUpCallRow, { w }) => ({
      orderNo: l.orderNo,
      at: l.at,
      result: wordOf(w.callResults, l.result),
      note: l.note,
      user: l.username,
    }),
  }),
  complaints: sheet({
    name: FULL_EXPORT_NAMES.complaints,
    source: SOURCES.complaints,
    sql: `SELECT k.complaint_no AS complaintNo, k.status, c.code AS customerCode, c.name AS customerName,
            o.order_no AS orderNo,
            (SELECT fo.order_no FROM follow_ups f JOIN work_orders fo ON fo.id = f.work_order_id
              WHERE f.id = k.follow_up_id) AS followUpOf,
            ${NAME_OF('k.staff_user_id')} AS staff, k.channel, k.category, k.severity, k.description,
            ${NAME_OF('k.owner_id')} AS owner, k.first_response_due AS firstResponseDue,
            k.resolution_due AS resolutionDue, k.first_responded_at AS firstRespondedAt,
            k.resolved_at AS resolvedAt, k.closed_at AS closedAt, k.resolution_kind AS resolutionKind,
            k.resolution_note AS resolutionNote, p.amount AS refundAmount,
            s.settlement_no AS refundSettlementNo,
            (SELECT r.order_no FROM work_orders r WHERE r.id = k.rework_order_id) AS reworkOrderNo,
            k.compensation_amount AS compensation, k.confirmed_by AS confirmedBy,
            k.confirmation_note AS confirmationNote, k.confirmed_at AS confirmedAt,
            ${NAME_OF('k.created_by')} AS createdBy, k.created_at AS createdAt
          FROM complaints k
          JOIN customers c ON c.id = k.customer_id
          LEFT JOIN work_orders o ON o.id = k.work_order_id
          LEFT JOIN payments p ON p.id = k.refund_payment_id
          LEFT JOIN settlements s ON s.id = p.settlement_id
          ORDER BY k.created_at, k.id`,
    cells: (k: ComplaintRow, { w }) => ({
      ...k,
      status: wordOf(w.complaintStatuses, k.status),
      channel: wordOf(w.complaintChannels, k.channel),
      category: wordOf(w.complaintCategories, k.category),
      severity: wordOf(w.complaintSeverities, k.severity),
      resolutionKind: wordOf(w.resolutionKinds, k.resolutionKind),
    }),
  }),
  complaintEvents: sheet({
    name: FULL_EXPORT_NAMES.complaintEvents,
    source: SOURCES.complaintEvents,
    // By complaint, then time: the index on (complaint_id, at) serves it.
    sql: `SELECT k.complaint_no AS complaintNo, e.at, e.kind, e.from_status AS fromStatus,
            e.to_status AS toStatus, e.note, e.username, e.terminal_name AS terminalName, e.data
          FROM complaint_events e JOIN complaints k ON k.id = e.complaint_id
          ORDER BY e.complaint_id, e.at, e.id`,
    cells: (e: ComplaintEventRow, { w, lang }) => ({
      complaintNo: e.complaintNo,
      at: e.at,
      kind: wordOf(COMPLAINT_EVENT_KIND_WORDS[lang], e.kind),
      fromStatus: wordOf(w.complaintStatuses, e.fromStatus),
      toStatus: wordOf(w.complaintStatuses, e.toStatus),
      note: e.note,
      user: e.username,
      terminal: e.terminalName,
      data: e.data,
    }),
  }),
  users: sheet({
    name: FULL_EXPORT_NAMES.users,
    source: SOURCES.users,
    // Named columns only: the password hash is never read, let alone written.
    sql: `SELECT username, display_name AS displayName, role, disabled, last_sign_in_at AS lastSignInAt,
            created_at AS createdAt
          FROM users ORDER BY created_at, id`,
    cells: (u: UserRow, { w, yes }) => ({ ...u, role: wordOf(w.roles, u.role), disabled: yes(u.disabled) }),
  }),
  printLog: sheet({
    name: FULL_EXPORT_NAMES.prints,
    source: SOURCES.printLog,
    // The document by the number people read, where it has one; a day or a period as printed.
    sql: `SELECT l.printed_at AS at, l.username, l.form,
            COALESCE(
              (SELECT o.order_no FROM work_orders o WHERE o.id = l.document_id),
              (SELECT s.settlement_no FROM settlements s WHERE s.id = l.document_id),
              (SELECT d.doc_no FROM stock_documents d WHERE d.id = l.document_id),
              l.document_id
            ) AS document
          FROM print_log l ORDER BY l.printed_at, l.id`,
    cells: (p: PrintRow, { w }) => ({
      at: p.at,
      user: p.username,
      form: wordOf(w.printForms, p.form),
      document: p.document,
    }),
  }),
  auditLog: sheet({
    name: FULL_EXPORT_NAMES.audit,
    source: SOURCES.auditLog,
    sql: `SELECT at, username, terminal_name AS terminalName, action, entity, entity_id AS entityId, before, after
          FROM audit_log ORDER BY at, id`,
    cells: (a: AuditRow, { w }) => ({
      ...a,
      user: a.username,
      terminal: a.terminalName,
      action: wordOf(w.auditActions, a.action),
      entity: wordOf(w.entities, a.entity),
    }),
  }),
};

export const FULL_SHEETS: readonly FullSheet[] = Object.values(SHEETS);
