import { v7 as uuidv7 } from 'uuid';
import type { Sqlite } from '../../src/main/db/open';
import { UNREPAIRABLE_REASONS } from '../../src/shared/workOrderStatus';
import { rng } from './seedBranch';

export interface SeededAfterSales {
  outcomes: number;
  followUps: number;
  complaints: number;
}

const H = 3_600_000;
const DAY = 24 * H;

/** A score 1–5 leaning to 4–5, as shops' follow-up sheets show (about 80 % satisfied). */
function scoreOf(r: () => number): number {
  const x = r();
  return x < 0.04 ? 1 : x < 0.08 ? 2 : x < 0.2 ? 3 : x < 0.55 ? 4 : 5;
}

/**
 * The after-sales side of a seeded branch, straight through SQL like seedBranch: each closed
 * order's outcome (of orders returned: 82 % repaired, 11 % unrepairable, 7 % declined; cancelled
 * stay cancelled), the first response (diagnosis 1–30 h after intake, before ready), a follow-up
 * for every delivered order 3 days after delivery (past ones: 88 % called — of those 72 % reached
 * with four scores, 22 % unreachable, 6 % wrong number — 4 % opted out, the rest still pending), and
 * complaints on 1.5 % of delivered orders (deadlines 24 h / 72 h; most closed, some late, a few
 * open).
 */
export function seedAfterSales(sqlite: Sqlite, opts: { userId: string; now: number }): SeededAfterSales {
  const r = rng(20261203);
  const orders = sqlite
    .prepare(
      `SELECT id, customer_id AS customerId, status, created_at AS createdAt, ready_at AS readyAt,
        delivered_at AS deliveredAt FROM work_orders ORDER BY created_at`,
    )
    .all() as {
    id: string;
    customerId: string;
    status: string;
    createdAt: number;
    readyAt: number | null;
    deliveredAt: number | null;
  }[];
  const setOutcome = sqlite.prepare(
    `UPDATE work_orders SET outcome = ?, unrepairable_reason = ?, diagnosed_at = ? WHERE id = ?`,
  );
  const insertFollowUp = sqlite.prepare(
    `INSERT INTO follow_ups (id, work_order_id, customer_id, due_at, state, attempts, attitude, quality, timeliness,
       price, done_at, done_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertComplaint = sqlite.prepare(
    `INSERT INTO complaints (id, complaint_no, customer_id, work_order_id, channel, category, severity, description,
       status, first_response_due, resolution_due, first_responded_at, resolved_at, closed_at, created_by,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const seeded = { outcomes: 0, followUps: 0, complaints: 0 };
  sqlite.transaction(() => {
    for (const o of orders) {
      const returned = o.readyAt !== null || o.deliveredAt !== null;
      let outcome: string | null = null;
      let reason: string | null = null;
      if (o.status === 'cancelled' || o.status === 'declined' || o.status === 'unrepairable')
        outcome = o.status;
      else if (returned) {
        const x = r();
        outcome = x < 0.82 ? 'repaired' : x < 0.93 ? 'unrepairable' : 'declined';
      }
      if (outcome === 'unrepairable')
        reason = UNREPAIRABLE_REASONS[Math.floor(r() * UNREPAIRABLE_REASONS.length)] ?? 'other';
      const diagnosed =
        o.status === 'received' || (o.status === 'cancelled' && r() < 0.5)
          ? null
          : Math.min(o.createdAt + H + Math.floor(r() * 29 * H), (o.readyAt ?? opts.now) - 1);
      setOutcome.run(outcome, reason, diagnosed, o.id);
      if (outcome) seeded.outcomes += 1;

      if (o.deliveredAt === null) continue;
      const due = o.deliveredAt + 3 * DAY;
      const x = r();
      let state = 'pending';
      let doneAt: number | null = null;
      let scores: (number | null)[] = [null, null, null, null];
      if (x < 0.04) state = 'optedOut';
      else if (due < opts.now && x < 0.92) {
        const y = r();
        state = y < 0.72 ? 'reached' : y < 0.94 ? 'unreachable' : 'wrongNumber';
        doneAt = Math.min(due + Math.floor(r() * 2 * DAY), opts.now - 1);
        if (state === 'reached') scores = [scoreOf(r), scoreOf(r), scoreOf(r), r() < 0.9 ? scoreOf(r) : null];
      }
      insertFollowUp.run(
        uuidv7(),
        o.id,
        o.customerId,
        due,
        state,
        state === 'pending' || state === 'optedOut' ? 0 : 1,
        ...scores,
        doneAt,
        doneAt === null ? null : opts.userId,
        o.deliveredAt,
      );
      seeded.followUps += 1;

      if (r() >= 0.015) continue;
      const created = Math.min(o.deliveredAt + Math.floor((1 + r() * 9) * DAY), opts.now - H);
      const z = r();
      const status =
        created < opts.now - 10 * DAY
          ? z < 0.93
            ? 'closed'
            : 'withdrawn'
          : z < 0.3
            ? 'received'
            : z < 0.7
              ? 'inProgress'
              : 'closed';
      const responded = status === 'received' ? null : created + Math.floor(r() * 30 * H);
      const resolved = status === 'closed' ? (responded ?? created) + Math.floor(r() * 90 * H) : null;
      seeded.complaints += 1;
      insertComplaint.run(
        uuidv7(),
        `TS-BJ01-${seeded.complaints}`,
        o.customerId,
        o.id,
        ['counter', 'phone', 'online', 'followUp'][Math.floor(r() * 4)],
        ['quality', 'attitude', 'timeliness', 'price', 'other'][Math.floor(r() * 5)],
        r() < 0.8 ? 'minor' : r() < 0.8 ? 'major' : 'critical',
        '修好没几天又出现同样的问题',
        status,
        created + 24 * H,
        created + 72 * H,
        responded,
        resolved,
        resolved,
        opts.userId,
        created,
        resolved ?? responded ?? created,
      );
    }
  })();
  return seeded;
}
