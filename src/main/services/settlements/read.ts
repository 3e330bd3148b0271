import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, type SelectedFields } from 'drizzle-orm/sqlite-core';
import { fieldError } from '@shared/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { Payment, Settlement } from '@shared/schemas/settlements';
import { amountInWords } from '@shared/money/amountInWords';
import {
  customers,
  deposits,
  devices,
  payments,
  settlementLines,
  settlements,
  users,
  workOrders,
  type SettlementRecord,
} from '../../db/schema';
import type { Queryable } from '../context';
import { deviceLabel } from '../workOrders/rows';
import { activeSettlement, paymentStatusOf } from './records';
import { inIdOrder } from '../inIdOrder';

const creator = alias(users, 'creator');
const discountApprover = alias(users, 'discount_approver');
const voider = alias(users, 'voider');
const payer = alias(users, 'payer');
const paymentApprover = alias(users, 'payment_approver');

/** Net paid on the row's settlement, as a correlated sum over its payments (indexed by settlement). */
const paidSql = sql<number>`((SELECT coalesce(sum(p.amount), 0) FROM ${payments} p
  WHERE p.settlement_id = ${settlements.id})
  + CASE WHEN ${settlements.status} = 'active' THEN ${settlements.depositCredited} ELSE 0 END)`;

/** What the order's deposits hold beyond the active settlement's credit: owed back to the customer. */
const depositRefundDueSql = sql<number>`CASE WHEN ${settlements.status} = 'active' THEN
  (SELECT coalesce(sum(d.amount), 0) FROM ${deposits} d WHERE d.work_order_id = ${settlements.workOrderId})
  - ${settlements.depositCredited} ELSE 0 END`;

/** The same rule as paymentStatusOf, for filtering a list in SQL. */
const paymentStatusSql = sql<string>`CASE
  WHEN ${settlements.total} = 0 OR ${paidSql} >= ${settlements.total} THEN 'paid'
  WHEN ${paidSql} > 0 THEN 'partlyPaid' ELSE 'unpaid' END`;

const headerSelect = {
  id: settlements.id,
  settlementNo: settlements.settlementNo,
  workOrderId: settlements.workOrderId,
  orderNo: workOrders.orderNo,
  customerName: customers.name,
  deviceCategory: devices.category,
  deviceBrand: devices.brand,
  deviceModel: devices.model,
  status: settlements.status,
  subtotal: settlements.subtotal,
  warrantyValue: settlements.warrantyValue,
  discountType: settlements.discountType,
  discountValue: settlements.discountValue,
  discountAmount: settlements.discountAmount,
  discountApprovedBy: discountApprover.displayName,
  rounding: settlements.rounding,
  total: settlements.total,
  depositCredited: settlements.depositCredited,
  depositRefundDue: depositRefundDueSql,
  note: settlements.note,
  createdBy: creator.displayName,
  createdAt: settlements.createdAt,
  voidedAt: settlements.voidedAt,
  voidedBy: voider.displayName,
  voidReason: settlements.voidReason,
  paid: paidSql,
};

function headerQuery(q: Queryable) {
  return q
    .select(headerSelect)
    .from(settlements)
    .innerJoin(workOrders, eq(workOrders.id, settlements.workOrderId))
    .innerJoin(customers, eq(customers.id, workOrders.customerId))
    .innerJoin(devices, eq(devices.id, workOrders.deviceId))
    .leftJoin(creator, eq(creator.id, settlements.createdBy))
    .leftJoin(discountApprover, eq(discountApprover.id, settlements.discountApprovedBy))
    .leftJoin(voider, eq(voider.id, settlements.voidedBy));
}

type HeaderRow = ReturnType<ReturnType<typeof headerQuery>['all']>[number];
type SettlementHeader = Omit<Settlement, 'lines' | 'payments'>;

function toHeader(r: HeaderRow): SettlementHeader {
  const { deviceCategory, deviceBrand, deviceModel, ...rest } = r;
  return {
    ...rest,
    deviceLabel: deviceLabel({ category: deviceCategory, brand: deviceBrand, model: deviceModel }),
    discountApprovedBy: r.discountApprovedBy ?? null,
    createdBy: r.createdBy ?? null,
    voidedBy: r.voidedBy ?? null,
    paymentStatus: paymentStatusOf(r.total, r.paid),
    balance: r.total - r.paid,
    totalInWords: amountInWords(r.total),
  };
}

export function loadSettlement(q: Queryable, id: string, path = 'id'): SettlementRecord {
  const s = q.select().from(settlements).where(eq(settlements.id, id)).get();
  if (!s) {
    throw fieldError(path, 'settlementNotFound', {}, 'settlement not found');
  }
  return s;
}

/**
 * Payments as the screens show them, with who took and who approved each, and the `extra` columns
 * of whatever the caller joins on (the day close adds the settlement and the order).
 */
export function paymentQuery<E extends SelectedFields>(q: Queryable, extra: E) {
  return q
    .select({
      id: payments.id,
      method: payments.method,
      amount: payments.amount,
      tendered: payments.tendered,
      change: payments.change,
      reference: payments.reference,
      reason: payments.reason,
      businessDate: payments.businessDate,
      at: payments.at,
      userName: payer.displayName,
      approvedByName: paymentApprover.displayName,
      reversesId: payments.reversesId,
      ...extra,
    })
    .from(payments)
    .leftJoin(payer, eq(payer.id, payments.userId))
    .leftJoin(paymentApprover, eq(paymentApprover.id, payments.approvedBy));
}

/** The settlement's payments, oldest first, with who took and who approved each. */
function readPayments(q: Queryable, settlementId: string): Payment[] {
  return paymentQuery(q, {})
    .where(eq(payments.settlementId, settlementId))
    .orderBy(asc(payments.at), asc(payments.id))
    .all();
}

/** The whole settlement: header, lines in order, payments. */
export function readSettlement(q: Queryable, id: string): Settlement {
  const header = headerQuery(q).where(eq(settlements.id, id)).get();
  if (!header) {
    throw fieldError('id', 'settlementNotFound', {}, 'settlement not found');
  }
  const lines = q
    .select({
      lineNo: settlementLines.lineNo,
      kind: settlementLines.kind,
      code: settlementLines.code,
      name: settlementLines.name,
      detail: settlementLines.detail,
      qty: settlementLines.qty,
      unitPrice: settlementLines.unitPrice,
      amount: settlementLines.amount,
      coveredByWarranty: settlementLines.coveredByWarranty,
      listAmount: settlementLines.listAmount,
      cost: settlementLines.cost,
    })
    .from(settlementLines)
    .where(eq(settlementLines.settlementId, id))
    .orderBy(asc(settlementLines.lineNo))
    .all();
  return { ...toHeader(header), lines, payments: readPayments(q, id) };
}

/** The order's active settlement, or null (a void one is history, found through the list). */
export function settlementForOrder(q: Queryable, workOrderId: string): Settlement | null {
  const s = activeSettlement(q, workOrderId);
  return s ? readSettlement(q, s.id) : null;
}

/**
 * Newest first. `from` inclusive, `to` exclusive, on the time the settlement was made. The search
 * matches the settlement number, the order number or the customer's name anywhere (instr, so a %
 * typed in the box is literal).
 */
export function listSettlements(
  q: Queryable,
  input: ParsedInputOf<'settlements.list'>,
): OutputOf<'settlements.list'> {
  if (input.from !== undefined && input.to !== undefined && input.from > input.to) {
    throw fieldError('to', 'endBeforeStart', {}, 'end before start');
  }
  const filters: SQL[] = [];
  if (!input.includeVoid) filters.push(eq(settlements.status, 'active'));
  if (input.from !== undefined) filters.push(gte(settlements.createdAt, input.from));
  if (input.to !== undefined) filters.push(lt(settlements.createdAt, input.to));
  if (input.paymentStatus) filters.push(sql`${paymentStatusSql} = ${input.paymentStatus}`);
  if (input.search) {
    const upper = input.search.toUpperCase();
    const match = or(
      sql`instr(${settlements.settlementNo}, ${upper}) > 0`,
      sql`instr(${workOrders.orderNo}, ${upper}) > 0`,
      sql`instr(${customers.name}, ${input.search}) > 0`,
    );
    if (match) filters.push(match);
  }
  const where = filters.length ? and(...filters) : undefined;
  const total =
    q
      .select({ n: count() })
      .from(settlements)
      .innerJoin(workOrders, eq(workOrders.id, settlements.workOrderId))
      .innerJoin(customers, eq(customers.id, workOrders.customerId))
      .where(where)
      .get()?.n ?? 0;
  const ids = q
    .select({ id: settlements.id })
    .from(settlements)
    .innerJoin(workOrders, eq(workOrders.id, settlements.workOrderId))
    .innerJoin(customers, eq(customers.id, workOrders.customerId))
    .where(where)
    .orderBy(desc(settlements.createdAt), desc(settlements.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all()
    .map((r) => r.id);
  if (ids.length === 0) return { total, rows: [] };
  const headers = headerQuery(q).where(inArray(settlements.id, ids)).all().map(toHeader);
  return { total, rows: inIdOrder(ids, headers) };
}
