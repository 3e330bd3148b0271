import type { PeriodInput, RevenueReport } from '@shared/schemas/reports';
import { PAYMENT_METHODS } from '@shared/schemas/settlements';
import type { Db } from '../../db/open';
import { caseIndex, perPoint, pluckNumbers } from './numbers';
import { periodOf } from './period';
import { warrantyByBrand } from './warrantyClaims';

/**
 * Billing: settlements made (created_at) in the period that are not void, whenever they were
 * voided; labor, parts and fees are their lines' customer amounts (a warranty-covered line is 0 to
 * the customer); a point's total is what was billed (lines − discount ± rounding). Read from
 * settlement_facts (one row per settlement, kept by triggers), one small range per point.
 *
 * Money: payments by business date (the day close's day) in the period, every method including on
 * account, as the day close counts them. A refund and a void's reversing entries are negative
 * payments: they count as refunds on the day they were made, so a settlement paid and voided in
 * the same period nets to 0 collected, and one voided later shows its money going back then.
 * Deposits (订金) are collected on the day they are taken; billed counts the settlement's total once,
 * whatever part of it a deposit paid.
 */
export function revenueReport(db: Db, input: PeriodInput): RevenueReport {
  const period = periodOf(input);
  const sums = perPoint<{
    n: number;
    labor: number;
    parts: number;
    fees: number;
    billed: number;
    discount: number;
  }>(
    db,
    `SELECT count(*) AS n, coalesce(sum(labor), 0) AS labor, coalesce(sum(parts), 0) AS parts,
       coalesce(sum(fees), 0) AS fees, coalesce(sum(total), 0) AS billed,
       coalesce(sum(discount_amount), 0) AS discount
     FROM settlement_facts INDEXED BY settlement_facts_created
     WHERE created_at >= ? AND created_at < ? AND status = 'active'`,
    period.points,
  );
  const points = period.points.map((p, i) => {
    const s = sums[i];
    return {
      key: p.key,
      labor: s?.labor ?? 0,
      parts: s?.parts ?? 0,
      fees: s?.fees ?? 0,
      total: s?.billed ?? 0,
    };
  });

  // One number per payment: amount × 8 + method (a refund's amount is negative). 订金 is money
  // collected on the day it is taken, as in the day close; a settlement crediting it takes no row.
  const codes = [
    ...pluckNumbers(
      db,
      `SELECT amount * 8 + ${caseIndex('method', PAYMENT_METHODS)} FROM payments INDEXED BY payments_date_amount
     WHERE business_date >= ? AND business_date <= ?`,
      [input.from, input.to],
    ),
    ...pluckNumbers(
      db,
      `SELECT amount * 8 + ${caseIndex('method', PAYMENT_METHODS)} FROM deposits INDEXED BY deposits_date_amount
     WHERE business_date >= ? AND business_date <= ?`,
      [input.from, input.to],
    ),
  ];
  const money = PAYMENT_METHODS.map(() => ({ amount: 0, refunds: 0, count: 0, rows: 0 }));
  for (const code of codes) {
    const method = ((code % 8) + 8) % 8;
    const amount = (code - method) / 8;
    const m = money[method];
    if (!m) continue;
    m.rows += 1;
    if (amount > 0) {
      m.amount += amount;
      m.count += 1;
    } else m.refunds -= amount;
  }
  const byMethod = PAYMENT_METHODS.flatMap((method, i) => {
    const m = money[i];
    return m?.rows
      ? [{ method, amount: m.amount, refunds: m.refunds, net: m.amount - m.refunds, count: m.count }]
      : [];
  });

  const total = (k: 'labor' | 'parts' | 'fees' | 'billed' | 'discount' | 'n') =>
    sums.reduce((s, p) => s + (p?.[k] ?? 0), 0);
  return {
    points,
    totals: {
      labor: total('labor'),
      parts: total('parts'),
      fees: total('fees'),
      discount: total('discount'),
      billed: total('billed'),
      collected: byMethod.reduce((s, m) => s + m.net, 0),
      refunds: byMethod.reduce((s, m) => s + m.refunds, 0),
      settlements: total('n'),
    },
    byMethod,
    warrantyByBrand: warrantyByBrand(db, period.start, period.end),
  };
}
