/**
 * 示例数据 (glossary: sampleData): the demo shop a newcomer may start with at first run, and its
 * removal in one step. Built through the app's own doors: the history import writes the orders,
 * customers, devices and payments (marked as imported from the sample file), the follow-up service
 * opens and records the calls at their historic times, and the intake opens today's open orders.
 */
import { SATISFACTION_DIMENSIONS, type SatisfactionScores } from '@shared/schemas/followUps';
import { historyImportInput } from '@shared/schemas/history';
import { createWorkOrderInput } from '@shared/schemas/workOrders';
import { AppError } from '@shared/errors';
import type { CallContext, Tx } from '../context';
import { openFollowUpOnDelivery, recordFollowUpCall } from '../followUps';
import { runHistoryImport } from '../history';
import { readCounter, readSampleData, readShop, updateSettings, writeSampleData } from '../settings';
import { actorOf } from '../users';
import { createWorkOrder } from '../workOrders/create';
import { readSlice, sampleHistoryCsv, SAMPLE_FILE_NAME } from './rows';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Follow-up calls are made at ten on their due day (the due time is the day's start). */
const CALL_AT = 10 * HOUR;
/** Follow-ups are made for deliveries in this window before today (older ones predate the habit). */
const FOLLOW_UP_WINDOW = 730 * DAY;
/** Orders left open at the counter today, from the newest records' customers and devices. */
const OPEN_TODAY = 5;

/** A context whose clock reads `at`: the services then record what they do at that time. */
const at = (ctx: CallContext, time: number): CallContext => ({
  ...ctx,
  deps: { ...ctx.deps, now: () => time },
});

/** Scores 5/4/3/2 in the proportions a shop usually hears them. */
function scoresFor(seed: number): SatisfactionScores {
  const score = (k: number) => {
    const v = (seed * 7919 + k * 104_729) % 100;
    return v < 55 ? 5 : v < 88 ? 4 : v < 97 ? 3 : 2;
  };
  return Object.fromEntries(SATISFACTION_DIMENSIONS.map((d, i) => [d, score(i)])) as SatisfactionScores;
}

/** Build the demo shop in a shop just set up (admin signed in). */
export async function loadSampleData(ctx: CallContext): Promise<void> {
  const { db, now } = ctx.deps;
  if (readSampleData(db)) throw new Error('the sample data is loaded already');
  // Loaded only here: 130 kB that no other start needs.
  const { default: slice } = await import('../../../../resources/sample/openrepair-sample.json');
  const { csv, categories } = sampleHistoryCsv(readSlice(slice), now());

  const counter = readCounter(db);
  const added = categories.filter((c) => !counter.deviceCategories.includes(c));
  if (added.length > 0)
    updateSettings(ctx, {
      counter: { ...counter, deviceCategories: [...counter.deviceCategories, ...added] },
    });

  const run = await runHistoryImport(
    ctx,
    historyImportInput.parse({
      file: { fileName: SAMPLE_FILE_NAME, base64: Buffer.from(csv).toString('base64') },
      encoding: 'utf8',
      dryRun: false,
    }),
  );
  if (!run.committed || run.importId === null) {
    const first = run.errors[0];
    throw new Error(
      `the sample file was refused: ${first ? `row ${first.row} ${first.column} ${first.code}` : 'no rows'}`,
    );
  }
  const importId = run.importId;
  db.transaction((tx) => {
    followUps(ctx, tx, importId);
    openToday(ctx, importId);
    writeSampleData(db, { loadedAt: now(), importId, categories: added }, now());
  });
}

/** A follow-up for each recent delivery, called on its due day: most reached with scores. */
function followUps(ctx: CallContext, tx: Tx, importId: string): void {
  const sqlite = ctx.deps.db.$client;
  const today = ctx.deps.now();
  const delivered = sqlite
    .prepare<[string, number], { id: string; deliveredAt: number }>(
      `SELECT w.id, w.delivered_at AS deliveredAt FROM history_import_items i JOIN work_orders w ON w.id = i.entity_id
       WHERE i.import_id = ? AND i.entity = 'workOrder' AND w.delivered_at >= ? ORDER BY w.delivered_at`,
    )
    .all(importId, today - FOLLOW_UP_WINDOW);
  delivered.forEach((order, n) => {
    const f = openFollowUpOnDelivery(tx, at(ctx, order.deliveredAt), order.id, order.deliveredAt);
    // Due later today or after: left for the clerk's list.
    if (!f || f.dueAt + CALL_AT > today) return;
    const call = at(ctx, f.dueAt + CALL_AT + (n % 6) * HOUR);
    if (n % 9 === 4)
      recordFollowUpCall(call, {
        id: f.id,
        result: 'wrongNumber',
        note: '',
        comment: '',
        problemUnsolved: false,
      });
    else if (n % 7 === 3) {
      // Not answered until the tries run out (未接通).
      let open = f.dueAt;
      for (let tries = 0; tries < 3 && open + CALL_AT <= today; tries++) {
        const row = recordFollowUpCall(at(ctx, open + CALL_AT), {
          id: f.id,
          result: 'notReached',
          note: '',
          comment: '',
          problemUnsolved: false,
        });
        if (row.state !== 'pending') break;
        open = row.dueAt;
      }
    } else {
      recordFollowUpCall(call, {
        id: f.id,
        result: 'reached',
        note: '',
        scores: scoresFor(n),
        comment: '',
        problemUnsolved: false,
      });
    }
  });
}

/** A few devices brought back today, taken in at the counter and waiting for a technician. */
function openToday(ctx: CallContext, importId: string): void {
  const sqlite = ctx.deps.db.$client;
  const recent = sqlite
    .prepare<[string, number], { customerId: string; deviceId: string; fault: string }>(
      `SELECT w.customer_id AS customerId, w.device_id AS deviceId, w.reported_fault AS fault
       FROM history_import_items i JOIN work_orders w ON w.id = i.entity_id
       WHERE i.import_id = ? AND i.entity = 'workOrder' AND w.outcome = 'repaired'
       ORDER BY w.created_at DESC LIMIT ?`,
    )
    .all(importId, OPEN_TODAY);
  for (const r of recent) {
    createWorkOrder(
      ctx,
      createWorkOrderInput.parse({
        customerId: r.customerId,
        deviceId: r.deviceId,
        reportedFault: r.fault,
      }),
    );
  }
}

/**
 * Remove the demo shop in one step: the same as 清空数据 (a safety backup first, then a fresh
 * database keeping users, settings and document numbers), without typing the shop name.
 */
export async function removeSampleData(ctx: CallContext): Promise<{ safetyBackup: string }> {
  const { db, backup } = ctx.deps;
  const shop = readShop(db);
  if (!readSampleData(db) || !shop) throw new AppError('noSampleData', {}, 'the shop holds no sample data');
  if (!backup) throw new Error('no backup manager');
  return backup.reset(shop.name, actorOf(ctx.user));
}
