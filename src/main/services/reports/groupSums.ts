import { SATISFACTION_DIMENSIONS } from '@shared/schemas/followUps';
import { SERVICE_TYPES } from '@shared/schemas/workOrders';
import { OUTCOMES } from '@shared/workOrderStatus';
import type { Db } from '../../db/open';

/**
 * The quality reports' sums, one technician × service type at a time. Each group is one range of
 * an index that leads with (technician_id, service_type) and then the date, so SQLite adds the
 * period's rows up in C: a year on the bench branch is ~45 small ranges instead of ~400,000 rows
 * handed to JS (measured 170 ms → 75 ms for the orders alone), and a GROUP BY, which sorts, is not
 * needed either. The groups are every user (technician_id references users) and "nobody".
 */
export interface Group {
  technicianId: string | null;
  serviceType: (typeof SERVICE_TYPES)[number];
}

export function groupsOf(db: Db): Group[] {
  const technicians: (string | null)[] = db.$client.prepare<[], string>('SELECT id FROM users').pluck().all();
  technicians.push(null);
  return technicians.flatMap((technicianId) =>
    SERVICE_TYPES.map((serviceType) => ({ technicianId, serviceType })),
  );
}

/** Orders received in the period: per outcome (OUTCOMES order, then none yet), times and reworks. */
export interface OrderSums {
  received: number;
  outcomes: number[];
  diagnosed: number;
  diagnosedMs: number;
  readied: number;
  readyMs: number;
  onTime: number;
  /** Returns of an earlier repair inside the repair-warranty window, by the returning order. */
  reworks: number;
}

/** Follow-ups due in the period (opted out left out), and the scores of those reached in it. */
export interface FollowUpSums {
  due: number;
  done: number;
  reached: number;
  /** Per SATISFACTION_DIMENSIONS, in its order: answers, their sum, answers of 4–5. */
  scores: { n: number; sum: number; good: number }[];
}

type Range = [technicianId: string | null, serviceType: string, start: number, end: number];
const IN_GROUP = 'technician_id IS ? AND service_type = ?';

const outcomeCounts = OUTCOMES.map((o) => `total(outcome = '${o}')`)
  .concat('total(outcome IS NULL)')
  .join(', ');

const dimensionSums = SATISFACTION_DIMENSIONS.map((d) => `count(${d}), total(${d}), total(${d} >= 4)`).join(
  ', ',
);

/** Prepared once per report, run once per group. */
export function groupReaders(db: Db) {
  const numbers = (text: string) => db.$client.prepare<Range, number[]>(text).raw();
  const orders = numbers(
    `SELECT count(*), total(diagnosed_at IS NOT NULL), total(max(diagnosed_at - created_at, 0)),
       total(ready_at IS NOT NULL), total(max(ready_at - created_at, 0)), total(ready_at <= promised_at),
       total(rework_of_id IS NOT NULL AND warranty_computed = 'repair'), ${outcomeCounts}
     FROM work_orders INDEXED BY work_orders_group_report
     WHERE ${IN_GROUP} AND created_at >= ? AND created_at < ?`,
  );
  const due = numbers(
    `SELECT count(*), total(state <> 'pending'), total(state = 'reached')
     FROM follow_ups INDEXED BY follow_ups_due_group
     WHERE ${IN_GROUP} AND due_at >= ? AND due_at < ? AND state <> 'optedOut'`,
  );
  const scored = numbers(
    `SELECT ${dimensionSums} FROM follow_ups INDEXED BY follow_ups_done_group
     WHERE ${IN_GROUP} AND state = 'reached' AND done_at >= ? AND done_at < ?`,
  );
  const range = (g: Group, start: number, end: number): Range => [g.technicianId, g.serviceType, start, end];
  return {
    orders(g: Group, start: number, end: number): OrderSums {
      const [
        received = 0,
        diagnosed = 0,
        diagnosedMs = 0,
        readied = 0,
        readyMs = 0,
        onTime = 0,
        reworks = 0,
        ...outcomes
      ] = orders.get(...range(g, start, end)) ?? [];
      return { received, outcomes, diagnosed, diagnosedMs, readied, readyMs, onTime, reworks };
    },
    followUps(g: Group, start: number, end: number): FollowUpSums {
      const [dueN = 0, done = 0, reached = 0] = due.get(...range(g, start, end)) ?? [];
      const s = scored.get(...range(g, start, end)) ?? [];
      const scores = SATISFACTION_DIMENSIONS.map((_, i) => ({
        n: s[i * 3] ?? 0,
        sum: s[i * 3 + 1] ?? 0,
        good: s[i * 3 + 2] ?? 0,
      }));
      return { due: dueN, done, reached, scores };
    },
  };
}
