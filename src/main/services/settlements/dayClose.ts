import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, fieldError } from '@shared/errors';
import { dayBounds, isIsoDate, localDate } from '@shared/dates';
import type { ParsedInputOf } from '@shared/contract';
import { PAYMENT_METHODS, type DayReport } from '@shared/schemas/settlements';
import { alias } from 'drizzle-orm/sqlite-core';
import { dayCloseEvents, deposits, payments, settlements, users, workOrders } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Queryable } from '../context';
import { actorOf } from '../users';
import { approverFor, requireApprover } from './approval';
import { paymentQuery } from './read';

const depositTaker = alias(users, 'deposit_taker');
const depositApprover = alias(users, 'deposit_approver');

/**
 * 日结: a day's payments by method and by user, its refunds (negative payments, including a void's
 * reversals) and the settlements voided on it. Payments count on their business date, the shop's
 * calendar day when they were taken. Closing a day freezes its payments: nothing can be paid,
 * refunded or voided on a closed day until a manager reopens it, with a reason. Every close and
 * reopen is kept, in order; the latest says whether the day is closed.
 *
 * The totals count every method, on account (挂账) included, so the figures by method, by user and
 * the total always add up to one another; the on-account line shows what was not taken in money.
 * 订金 counts on the day it is taken (and a deposit refund on the day it goes back), in those same
 * figures; crediting it to a settlement later moves no money, so that day counts only the balance.
 */

function requireDate(date: string): void {
  if (!isIsoDate(date)) {
    throw new AppError('notADate', { date }, `${date} is not a date`, {
      fields: [{ path: 'date', message: 'not a date' }],
    });
  }
}

function isDayClosed(q: Queryable, date: string): boolean {
  const latest = q
    .select({ action: dayCloseEvents.action })
    .from(dayCloseEvents)
    .where(eq(dayCloseEvents.businessDate, date))
    .orderBy(desc(dayCloseEvents.at), desc(dayCloseEvents.id))
    .limit(1)
    .get();
  return latest?.action === 'close';
}

/** Money can move on a day only while it is open. */
export function requireDayOpen(q: Queryable, date: string): void {
  if (!isDayClosed(q, date)) return;
  const message = `${date} is closed (日结); a manager must reopen it before its payments change`;
  throw fieldError('date', 'dayClosed', { date }, message);
}

/** The day's deposits taken and given back, oldest first. */
function dayDeposits(q: Queryable, date: string) {
  return q
    .select({
      id: deposits.id,
      orderNo: workOrders.orderNo,
      method: deposits.method,
      amount: deposits.amount,
      reason: deposits.reason,
      at: deposits.at,
      userId: deposits.userId,
      userName: depositTaker.displayName,
      approvedByName: depositApprover.displayName,
    })
    .from(deposits)
    .innerJoin(workOrders, eq(workOrders.id, deposits.workOrderId))
    .leftJoin(depositTaker, eq(depositTaker.id, deposits.userId))
    .leftJoin(depositApprover, eq(depositApprover.id, deposits.approvedBy))
    .where(eq(deposits.businessDate, date))
    .orderBy(asc(deposits.at), asc(deposits.id))
    .all();
}

function dayReport(q: Queryable, date: string): DayReport {
  const rows = paymentQuery(q, {
    userId: payments.userId,
    settlementNo: settlements.settlementNo,
    orderNo: workOrders.orderNo,
  })
    .innerJoin(settlements, eq(settlements.id, payments.settlementId))
    .innerJoin(workOrders, eq(workOrders.id, settlements.workOrderId))
    .where(eq(payments.businessDate, date))
    .orderBy(asc(payments.at), asc(payments.id))
    .all();

  const dayPayments = rows.map(({ userId: _userId, ...p }) => p);
  // 订金 is money taken on its day like a payment: in the figures by method and user and the total.
  const depositRows = dayDeposits(q, date);
  const money = [...rows, ...depositRows].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const byMethod = PAYMENT_METHODS.flatMap((method) => {
    const of = money.filter((p) => p.method === method);
    return of.length ? [{ method, count: of.length, amount: of.reduce((s, p) => s + p.amount, 0) }] : [];
  });
  // By who took the money, in the order they first did that day (two people may share a name).
  const byUser = new Map<string | null, DayReport['byUser'][number]>();
  for (const p of money) {
    const entry = byUser.get(p.userId) ?? { userName: p.userName, count: 0, amount: 0 };
    entry.count += 1;
    entry.amount += p.amount;
    byUser.set(p.userId, entry);
  }

  const [start, end] = dayBounds(date);
  const voids = q
    .select({
      settlementNo: settlements.settlementNo,
      orderNo: workOrders.orderNo,
      total: settlements.total,
      reason: settlements.voidReason,
      by: users.displayName,
      at: settlements.voidedAt,
    })
    .from(settlements)
    .innerJoin(workOrders, eq(workOrders.id, settlements.workOrderId))
    .leftJoin(users, eq(users.id, settlements.voidedBy))
    .where(
      and(eq(settlements.status, 'void'), gte(settlements.voidedAt, start), lt(settlements.voidedAt, end)),
    )
    .orderBy(asc(settlements.voidedAt), asc(settlements.id))
    .all()
    .map((v) => ({ ...v, reason: v.reason ?? '', by: v.by ?? null, at: v.at ?? start }));

  const history = q
    .select({
      action: dayCloseEvents.action,
      at: dayCloseEvents.at,
      by: users.displayName,
      reason: dayCloseEvents.reason,
    })
    .from(dayCloseEvents)
    .leftJoin(users, eq(users.id, dayCloseEvents.userId))
    .where(eq(dayCloseEvents.businessDate, date))
    .orderBy(asc(dayCloseEvents.at), asc(dayCloseEvents.id))
    .all()
    .map((h) => ({ ...h, by: h.by ?? null }));

  return {
    date,
    closed: history.at(-1)?.action === 'close',
    history,
    byMethod,
    byUser: [...byUser.values()],
    payments: dayPayments,
    refunds: dayPayments.filter((p) => p.amount < 0),
    deposits: depositRows.map(({ userId: _userId, ...d }) => d),
    voids,
    total: money.reduce((s, p) => s + p.amount, 0),
  };
}

export function getDay(ctx: CallContext, input: ParsedInputOf<'dayClose.get'>): DayReport {
  requireDate(input.date);
  return dayReport(ctx.deps.db, input.date);
}

/** Close a day that has begun; its report as it stands is kept with the close. */
export function closeDay(ctx: CallContext, input: ParsedInputOf<'dayClose.close'>): DayReport {
  requireDate(input.date);
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const at = now();
    if (input.date > localDate(at)) {
      throw new AppError(
        'dayFuture',
        { date: input.date },
        `${input.date} has not begun; it cannot be closed`,
        {
          fields: [{ path: 'date', message: 'in the future' }],
        },
      );
    }
    if (isDayClosed(tx, input.date)) {
      throw new AppError('dayAlreadyClosed', { date: input.date }, `${input.date} is already closed`, {
        fields: [{ path: 'date', message: 'already closed' }],
      });
    }
    const report = dayReport(tx, input.date);
    const snapshot = { byMethod: report.byMethod, byUser: report.byUser, total: report.total };
    tx.insert(dayCloseEvents)
      .values({
        id: uuidv7(),
        businessDate: input.date,
        action: 'close',
        reason: '',
        snapshot: JSON.stringify({ ...report, closed: true }),
        at,
        userId: ctx.user?.id ?? null,
      })
      .run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'dayClose',
      entityId: input.date,
      before: { closed: false },
      after: { closed: true, payments: report.payments.length, ...snapshot },
    });
    return dayReport(tx, input.date);
  });
}

/** A manager reopens a closed day, with a reason; the approver is recorded as who reopened it. */
export async function reopenDay(
  ctx: CallContext,
  input: ParsedInputOf<'dayClose.reopen'>,
): Promise<DayReport> {
  requireDate(input.date);
  const { db, now } = ctx.deps;
  const requireClosed = (q: Queryable) => {
    if (!isDayClosed(q, input.date)) {
      throw new AppError('dayNotClosed', { date: input.date }, `${input.date} is not closed`, {
        fields: [{ path: 'date', message: 'not closed' }],
      });
    }
  };
  requireClosed(db);
  const manager = requireApprover(await approverFor(ctx, input.approval), 'reopen', 'reopening a closed day');
  return db.transaction((tx) => {
    requireClosed(tx);
    const at = now();
    tx.insert(dayCloseEvents)
      .values({
        id: uuidv7(),
        businessDate: input.date,
        action: 'reopen',
        reason: input.reason,
        snapshot: null,
        at,
        userId: manager.id,
      })
      .run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'dayClose',
      entityId: input.date,
      before: { closed: true },
      after: {
        closed: false,
        reason: input.reason,
        approvedBy: { id: manager.id, username: manager.username },
      },
    });
    return dayReport(tx, input.date);
  });
}
