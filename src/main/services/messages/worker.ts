import { and, eq, isNull, lte, ne, or } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { MessageEvent } from '@shared/schemas/messageKinds';
import type { OutboxReason } from '@shared/schemas/messageKinds';
import { customers, outboxMessages, workOrders, type OutboxMessageRecord } from '../../db/schema';
import type { SendResult } from '../channels/provider';
import type { Deps } from '../context';
import { enqueueMessages } from './enqueue';
import { scheduleAppointmentReminders } from '../appointments/reminders';
import { quietUntil } from './quietHours';
import { readMessageSettings } from './settings';
import { messageOnTimeline } from './timeline';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The first retry waits a minute, each next one twice as long, never more than six hours. */
export const BACKOFF_BASE_MS = MINUTE;
export const BACKOFF_CAP_MS = 6 * 60 * MINUTE;
/** Rows sent per tick: a long outage drains over a few ticks instead of one long burst. */
const BATCH = 50;

export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_CAP_MS);
}

/**
 * Each core (each start of the app) claims rows under its own lease: a row left `sending` under
 * another lease was claimed by a process that stopped mid-send.
 */
const leases = new WeakMap<Deps, string>();
function leaseOf(deps: Deps): string {
  let lease = leases.get(deps);
  if (!lease) leases.set(deps, (lease = uuidv7()));
  return lease;
}

export interface OutboxTick {
  reconciled: number;
  reminders: number;
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
  /** Held back by quiet hours until their end. */
  deferred: number;
}

/**
 * A row another process left `sending` may have reached the provider (the app stopped between
 * handing it over and recording the answer). Sending it again could text the customer twice, so
 * it is marked failed `interrupted` for the manager to check and retry by hand.
 */
function reconcile(deps: Deps, now: number): number {
  return deps.db.transaction((tx) => {
    const stale = tx
      .update(outboxMessages)
      .set({ state: 'failed', reason: 'interrupted', lease: null, nextAttemptAt: null, updatedAt: now })
      .where(
        and(
          eq(outboxMessages.state, 'sending'),
          or(isNull(outboxMessages.lease), ne(outboxMessages.lease, leaseOf(deps))),
        ),
      )
      .returning()
      .all();
    for (const row of stale) {
      messageOnTimeline(tx, row, { state: 'failed', at: now, actor: null, reason: 'interrupted' });
    }
    return stale.length;
  });
}

/** Orders waiting 待取机 longer than the reminder's days get their reminder (once per ready). */
function scheduleReminders(deps: Deps, now: number): number {
  return deps.db.transaction((tx) => {
    const settings = readMessageSettings(tx);
    if (settings.templates.pickupReminder.mode === 'off') return 0;
    const due = tx
      .select({ id: workOrders.id, customerId: workOrders.customerId, readyAt: workOrders.readyAt })
      .from(workOrders)
      .where(
        and(eq(workOrders.status, 'ready'), lte(workOrders.readyAt, now - settings.pickupReminderDays * DAY)),
      )
      .all();
    let queued = 0;
    for (const order of due) {
      queued += enqueueMessages(tx, {
        event: 'pickupReminder' satisfies MessageEvent,
        customerId: order.customerId,
        workOrderId: order.id,
        occurrence: `${order.id}:${order.readyAt}`,
        at: now,
        actor: null,
      }).length;
    }
    return queued;
  });
}

type Outcome = 'sent' | 'retrying' | 'failed' | 'skipped' | 'deferred' | 'taken';

/** Close a row without sending: failed or skipped with its reason, on the timeline. */
function close(
  deps: Deps,
  row: OutboxMessageRecord,
  state: 'failed' | 'skipped',
  reason: OutboxReason,
): void {
  const at = deps.now();
  deps.db.transaction((tx) => {
    const done = tx
      .update(outboxMessages)
      .set({ state, reason, nextAttemptAt: null, updatedAt: at })
      .where(and(eq(outboxMessages.id, row.id), eq(outboxMessages.state, 'queued')))
      .returning()
      .get();
    if (done) messageOnTimeline(tx, done, { state, at, actor: null, reason });
  });
}

async function sendOne(deps: Deps, row: OutboxMessageRecord, now: number): Promise<Outcome> {
  const settings = readMessageSettings(deps.db);
  const customer = deps.db
    .select({ noContact: customers.noContact })
    .from(customers)
    .where(eq(customers.id, row.customerId))
    .get();
  // Opted out since it was queued: nothing goes.
  if (customer?.noContact) return (close(deps, row, 'skipped', 'optedOut'), 'skipped');
  if (row.channel === 'wechat') return (close(deps, row, 'failed', 'channelNotConfigured'), 'failed');
  if (!row.recipient) return (close(deps, row, 'failed', 'noRecipient'), 'failed');
  if (row.channel === 'sms') {
    const until = quietUntil(now, settings.quietHours);
    if (until !== null) {
      deps.db
        .update(outboxMessages)
        .set({ nextAttemptAt: until, updatedAt: now })
        .where(and(eq(outboxMessages.id, row.id), eq(outboxMessages.state, 'queued')))
        .run();
      return 'deferred';
    }
  }
  const provider = deps.messageProviders?.(row.channel) ?? null;
  if (!provider) return (close(deps, row, 'failed', 'channelNotConfigured'), 'failed');

  // Claimed under this process's lease and committed before the provider sees it.
  const claimed = deps.db
    .update(outboxMessages)
    .set({ state: 'sending', lease: leaseOf(deps), attempts: row.attempts + 1, updatedAt: now })
    .where(and(eq(outboxMessages.id, row.id), eq(outboxMessages.state, 'queued')))
    .returning()
    .get();
  if (!claimed) return 'taken';
  let result: SendResult;
  try {
    result = await provider.send({
      idempotencyKey: claimed.idempotencyKey,
      event: claimed.event,
      to: claimed.recipient,
      text: claimed.text,
      subject: claimed.subject,
      params: JSON.parse(claimed.params) as Record<string, string>,
    });
  } catch (error) {
    // The seam says providers never throw; one that does is treated as a passing failure.
    result = { ok: false, retryable: true, reason: error instanceof Error ? error.message : String(error) };
  }
  const at = deps.now();
  return deps.db.transaction((tx): Outcome => {
    const mine = and(eq(outboxMessages.id, claimed.id), eq(outboxMessages.state, 'sending'));
    if (result.ok) {
      const done = tx
        .update(outboxMessages)
        .set({
          state: 'sent',
          sentAt: at,
          providerMessageId: result.providerMessageId,
          reason: null,
          providerReason: null,
          lease: null,
          nextAttemptAt: null,
          updatedAt: at,
        })
        .where(mine)
        .returning()
        .get();
      if (done) messageOnTimeline(tx, done, { state: 'sent', at, actor: null });
      return 'sent';
    }
    if (result.retryable && claimed.attempts < settings.maxAttempts) {
      tx.update(outboxMessages)
        .set({
          state: 'queued',
          reason: 'provider',
          providerReason: result.reason,
          lease: null,
          nextAttemptAt: at + backoffMs(claimed.attempts),
          updatedAt: at,
        })
        .where(mine)
        .run();
      return 'retrying';
    }
    const done = tx
      .update(outboxMessages)
      .set({
        state: 'failed',
        reason: 'provider',
        providerReason: result.reason,
        lease: null,
        nextAttemptAt: null,
        updatedAt: at,
      })
      .where(mine)
      .returning()
      .get();
    if (done) {
      messageOnTimeline(tx, done, {
        state: 'failed',
        at,
        actor: null,
        reason: 'provider',
        providerReason: result.reason,
      });
    }
    return 'failed';
  });
}

/**
 * One pass of the outbox on the server's clock (`deps.now`): reconcile rows a stopped process
 * left sending, queue the pickup and appointment reminders that came due, then send every queued row whose time
 * has come — quiet hours, opt-outs, retries with backoff and the try limit applied. Safe to run
 * beside another pass: a row is claimed by one atomic update before it is handed to a provider.
 */
export async function runOutbox(deps: Deps): Promise<OutboxTick> {
  const now = deps.now();
  const tick: OutboxTick = {
    reconciled: reconcile(deps, now),
    reminders: scheduleReminders(deps, now) + scheduleAppointmentReminders(deps, now),
    sent: 0,
    retrying: 0,
    failed: 0,
    skipped: 0,
    deferred: 0,
  };
  const due = deps.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.state, 'queued'), lte(outboxMessages.nextAttemptAt, now)))
    .orderBy(outboxMessages.nextAttemptAt)
    .limit(BATCH)
    .all();
  for (const row of due) {
    const outcome = await sendOne(deps, row, now);
    if (outcome !== 'taken') tick[outcome] += 1;
  }
  return tick;
}

/** How often the worker looks at the outbox (real time; what is due is decided by deps.now). */
export const OUTBOX_INTERVAL_MS = 20_000;

/** The worker started with the app core: a pass at start (reconciling a crash), then every interval. */
export class OutboxWorker {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly deps: () => Deps | null) {}

  start(): void {
    if (this.timer) return;
    setTimeout(() => void this.tick(), 0).unref();
    this.timer = setInterval(() => void this.tick(), OUTBOX_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass unless one is still running; a failure is logged, never thrown into the timer. */
  async tick(): Promise<void> {
    const deps = this.deps();
    if (!deps || this.running) return;
    this.running = runOutbox(deps).catch((error: unknown) => deps.log.error('outbox pass failed', error));
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }
}
