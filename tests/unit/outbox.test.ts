import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract';
import { DEFAULT_TEMPLATES } from '@shared/messageTemplates';
import type { MessageEvent, MessageMode } from '@shared/schemas/messageKinds';
import { messageSettings, type MessageSettings } from '@shared/schemas/messages';
import { runOutbox } from '../../src/main/services/messages';
import { insertCustomer, insertDevice } from './counterFixtures';
import { setUpShop, signedInAs, snapshot, startApp, type Client, type TestApp } from './harness';
import { lookupOf, ProviderDouble } from './outboxDouble';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let app: TestApp;
let admin: Client;
let manager: Client;
let clerk: Client;
let sms: ProviderDouble;
let customerId: string;
let deviceId: string;

/** Noon, server local time, whatever the zone of the machine: outside quiet hours. */
function localNoon(): number {
  return new Date(2026, 10, 23, 12, 0).getTime();
}

beforeEach(async () => {
  app = startApp();
  app.clock.ms = localNoon();
  admin = await setUpShop(app);
  await admin.ok('settings.update', {
    security: { idleLockMinutes: 0 },
    shop: { name: '城东维修中心', branchCode: 'BJ01', phone: '010-88886666' },
  });
  manager = await signedInAs(app, admin, 'manager');
  clerk = await signedInAs(app, admin, 'clerk');
  customerId = insertCustomer(app, { name: '张三', phone: '13800138000' });
  deviceId = insertDevice(app, customerId, { brand: 'Apple', model: 'iPhone 13' });
  sms = new ProviderDouble('sms');
  app.core.deps.messageProviders = lookupOf(sms);
});
afterEach(() => app.cleanup());

async function setModes(
  modes: Partial<Record<MessageEvent, MessageMode>>,
  extra: Partial<MessageSettings> = {},
) {
  const current = await manager.ok('messages.settings', {});
  const templates = { ...current.templates };
  for (const [event, mode] of Object.entries(modes) as [MessageEvent, MessageMode][]) {
    templates[event] = { ...templates[event], mode };
  }
  return manager.ok('messages.updateSettings', { ...current, ...extra, templates });
}

/** Fixture edits straight in the store (the customer service and its opt-out have their own tests). */
function setCustomer(assignment: string): void {
  app.core.database.sqlite.prepare(`UPDATE customers SET ${assignment} WHERE id = ?`).run(customerId);
}

function rows(): Record<string, unknown>[] {
  return app.core.database.sqlite.prepare('SELECT * FROM outbox_messages ORDER BY rowid').all() as Record<
    string,
    unknown
  >[];
}

function messageEvents(orderId: string): { state: string; channel: string; reason?: string }[] {
  return (
    app.core.database.sqlite
      .prepare(
        "SELECT data FROM work_order_events WHERE work_order_id = ? AND kind = 'message' ORDER BY rowid",
      )
      .all(orderId) as { data: string }[]
  ).map((r) => JSON.parse(r.data) as { state: string; channel: string; reason?: string });
}

async function order(extra: Partial<InputOf<'workOrders.create'>> = {}, who = customerId, device = deviceId) {
  return clerk.ok('workOrders.create', {
    customerId: who,
    deviceId: device,
    reportedFault: '不开机',
    estimate: 35000,
    ...extra,
  });
}

async function toReady(id: string) {
  for (const to of ['diagnosing', 'inRepair', 'qc', 'ready'] as const) {
    await admin.ok('workOrders.transition', { id, to, note: '' });
  }
}

describe('queued with the event, sent by the worker', () => {
  it('an order moved to 待取机 queues its SMS in the same move, and the worker sends it once', async () => {
    await setModes({ readyForPickup: 'auto' });
    const o = await order();
    await toReady(o.id);
    const [row] = rows();
    expect(rows()).toHaveLength(1);
    expect(row).toMatchObject({
      event: 'readyForPickup',
      channel: 'sms',
      recipient: '13800138000',
      state: 'queued',
      attempts: 0,
      text: `张三您好，您的Apple iPhone 13已修好，请凭取机凭条到城东维修中心取机。工单${o.orderNo}`,
    });
    expect(messageEvents(o.id)).toEqual([
      expect.objectContaining({ state: 'queued', channel: 'sms', event: 'readyForPickup' }),
    ]);

    const tick = await runOutbox(app.core.deps);
    expect(tick).toMatchObject({ sent: 1, failed: 0, retrying: 0 });
    expect(sms.sent).toHaveLength(1);
    expect(sms.sent[0]).toMatchObject({
      to: '13800138000',
      idempotencyKey: row?.idempotency_key,
      event: 'readyForPickup',
    });
    expect(sms.sent[0]?.params).toMatchObject({ 客户: '张三', 工单号: o.orderNo, 金额: '¥350.00' });
    expect(rows()[0]).toMatchObject({ state: 'sent', attempts: 1, provider_message_id: 'pm-1', lease: null });
    // A second pass finds nothing to send.
    expect(await runOutbox(app.core.deps)).toMatchObject({ sent: 0 });
    expect(sms.sent).toHaveLength(1);
    const detail = await clerk.ok('workOrders.get', { id: o.id });
    expect(detail.events.filter((e) => e.kind === 'message').map((e) => e.data)).toEqual([
      expect.objectContaining({ state: 'queued' }),
      expect.objectContaining({ state: 'sent' }),
    ]);
  });

  it('each event of the order queues by its mode; off queues nothing', async () => {
    await setModes({ received: 'auto', quoteWaiting: 'auto', waitingParts: 'auto' });
    const o = await order();
    await admin.ok('workOrders.transition', { id: o.id, to: 'diagnosing', note: '' });
    await admin.ok('workOrders.transition', { id: o.id, to: 'quoted', note: '' });
    await admin.ok('workOrders.transition', {
      id: o.id,
      to: 'awaitingParts',
      note: '等屏幕',
      approval: { by: '张三', method: 'phone' },
    });
    await admin.ok('workOrders.transition', { id: o.id, to: 'inRepair', note: '' });
    await admin.ok('workOrders.transition', { id: o.id, to: 'qc', note: '' });
    await admin.ok('workOrders.transition', { id: o.id, to: 'ready', note: '' });
    expect(rows().map((r) => r.event)).toEqual(['received', 'quoteWaiting', 'waitingParts']);
  });

  it('one occurrence never queues twice (the idempotency key is unique)', async () => {
    await setModes({ readyForPickup: 'auto' });
    const o = await order();
    await toReady(o.id);
    const sqlite = app.core.database.sqlite;
    const key = rows()[0]?.idempotency_key;
    expect(() =>
      sqlite
        .prepare(
          "INSERT INTO outbox_messages (id, idempotency_key, customer_id, event, channel, text, state, created_at, updated_at) VALUES ('x', ?, ?, 'readyForPickup', 'sms', 't', 'queued', 1, 1)",
        )
        .run(key, customerId),
    ).toThrow(/UNIQUE/);
  });
});

describe('retries, backoff and the try limit', () => {
  it('a passing failure waits 1, then 2 minutes, then goes; the row keeps the provider reason meanwhile', async () => {
    await setModes({ readyForPickup: 'auto' });
    const o = await order();
    await toReady(o.id);
    sms.script.push(
      { ok: false, retryable: true, reason: 'timeout' },
      { ok: false, retryable: true, reason: 'throttled' },
    );
    expect(await runOutbox(app.core.deps)).toMatchObject({ retrying: 1 });
    expect(rows()[0]).toMatchObject({
      state: 'queued',
      attempts: 1,
      reason: 'provider',
      provider_reason: 'timeout',
      next_attempt_at: app.clock.ms + MINUTE,
    });
    // Not due yet: nothing goes.
    app.clock.advance(MINUTE - 1);
    expect(await runOutbox(app.core.deps)).toMatchObject({ sent: 0, retrying: 0 });
    app.clock.advance(1);
    expect(await runOutbox(app.core.deps)).toMatchObject({ retrying: 1 });
    expect(rows()[0]).toMatchObject({ attempts: 2, next_attempt_at: app.clock.ms + 2 * MINUTE });
    app.clock.advance(2 * MINUTE);
    expect(await runOutbox(app.core.deps)).toMatchObject({ sent: 1 });
    expect(rows()[0]).toMatchObject({ state: 'sent', attempts: 3, reason: null, provider_reason: null });
    expect(sms.sent.map((m) => m.idempotencyKey)).toEqual(Array(3).fill(rows()[0]?.idempotency_key));
  });

  it('gives up after the set number of tries, and at once on a failure not worth retrying', async () => {
    await setModes({ readyForPickup: 'auto' }, { maxAttempts: 2 });
    const o = await order();
    await toReady(o.id);
    sms.script.push(
      { ok: false, retryable: true, reason: 'offline' },
      { ok: false, retryable: true, reason: 'offline' },
    );
    await runOutbox(app.core.deps);
    app.clock.advance(MINUTE);
    expect(await runOutbox(app.core.deps)).toMatchObject({ failed: 1 });
    expect(rows()[0]).toMatchObject({
      state: 'failed',
      attempts: 2,
      reason: 'provider',
      provider_reason: 'offline',
    });
    expect(messageEvents(o.id).at(-1)).toMatchObject({
      state: 'failed',
      reason: 'provider',
      providerReason: 'offline',
    });

    const o2 = await order();
    await toReady(o2.id);
    sms.script.push({ ok: false, retryable: false, reason: 'isv.MOBILE_NUMBER_ILLEGAL' });
    expect(await runOutbox(app.core.deps)).toMatchObject({ failed: 1 });
    expect(rows()[1]).toMatchObject({
      state: 'failed',
      attempts: 1,
      provider_reason: 'isv.MOBILE_NUMBER_ILLEGAL',
    });
  });

  it('the manager retries a failed message (same key) and cancels a queued one; wrong states are refused and change nothing', async () => {
    await setModes({ readyForPickup: 'auto' });
    const a = await order();
    await toReady(a.id);
    sms.script.push({ ok: false, retryable: false, reason: 'isv.BUSINESS_LIMIT_CONTROL' });
    await runOutbox(app.core.deps);
    const failed = (await manager.ok('messages.list', { state: 'failed' })).rows;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      providerReason: 'isv.BUSINESS_LIMIT_CONTROL',
      reason: 'provider',
      orderNo: a.orderNo,
    });
    const retried = await manager.ok('messages.retry', { id: failed[0]?.id ?? '' });
    expect(retried).toMatchObject({ state: 'queued', attempts: 0, reason: null });
    await runOutbox(app.core.deps);
    expect(sms.sent.map((m) => m.idempotencyKey)).toEqual([retried.idempotencyKey, retried.idempotencyKey]);

    const b = await order();
    await toReady(b.id);
    const queued = (await manager.ok('messages.list', { state: 'queued' })).rows[0];
    expect(await manager.ok('messages.cancel', { id: queued?.id ?? '' })).toMatchObject({
      state: 'cancelled',
    });
    await runOutbox(app.core.deps);
    expect(sms.sent).toHaveLength(2);

    // A sent message cannot be retried, a cancelled one not cancelled again: refused, nothing changed.
    const before = snapshot(app.core);
    const again = await manager.call('messages.retry', { id: retried.id });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', reason: 'outboxMessageState', params: { state: 'sent', action: 'retry' } },
    });
    const twice = await manager.call('messages.cancel', { id: queued?.id ?? '' });
    expect(twice).toMatchObject({
      ok: false,
      error: { reason: 'outboxMessageState', params: { state: 'cancelled', action: 'cancel' } },
    });
    expect(snapshot(app.core)).toBe(before);
  });
});

describe('quiet hours', () => {
  it('an SMS due at 22:30 local waits until 08:00 and goes then; e-mail is not held', async () => {
    await setModes({ readyForPickup: 'auto' }, { channels: { sms: true, email: true } });
    const email = new ProviderDouble('email');
    app.core.deps.messageProviders = lookupOf(sms, email);
    setCustomer("email = 'zhang@example.cn'");
    const o = await order();
    app.clock.ms = new Date(2026, 10, 23, 22, 30).getTime();
    await toReady(o.id);
    expect(await runOutbox(app.core.deps)).toMatchObject({ deferred: 1, sent: 1 });
    expect(email.sent).toHaveLength(1);
    expect(sms.sent).toHaveLength(0);
    const morning = new Date(2026, 10, 24, 8, 0).getTime();
    expect(rows().find((r) => r.channel === 'sms')).toMatchObject({
      state: 'queued',
      attempts: 0,
      next_attempt_at: morning,
    });
    app.clock.ms = morning - 1;
    expect(await runOutbox(app.core.deps)).toMatchObject({ sent: 0 });
    app.clock.ms = morning;
    expect(await runOutbox(app.core.deps)).toMatchObject({ sent: 1 });
    expect(sms.sent).toHaveLength(1);
  });
});

describe('who receives nothing', () => {
  it('an opted-out customer: skipped at the event, and skipped at sending if they opted out meanwhile', async () => {
    await setModes({ readyForPickup: 'auto', received: 'auto' });
    const o = await order();
    setCustomer('no_contact = 1');
    await toReady(o.id);
    expect(rows().map((r) => [r.event, r.state, r.reason])).toEqual([
      ['received', 'queued', null],
      ['readyForPickup', 'skipped', 'optedOut'],
    ]);
    expect(await runOutbox(app.core.deps)).toMatchObject({ skipped: 1, sent: 0 });
    expect(rows()[0]).toMatchObject({ state: 'skipped', reason: 'optedOut' });
    expect(sms.sent).toHaveLength(0);
    expect(messageEvents(o.id).map((e) => [e.state, e.reason])).toEqual([
      ['queued', undefined],
      ['skipped', 'optedOut'],
      ['skipped', 'optedOut'],
    ]);
  });

  it('no recipient, no provider: failed with the reason, nothing handed to any provider', async () => {
    await setModes({ readyForPickup: 'auto' }, { channels: { sms: true, email: true } });
    const o = await order();
    await toReady(o.id);
    // No e-mail address: failed at once. SMS: no e-mail provider is needed for it.
    expect(rows().map((r) => [r.channel, r.state, r.reason])).toEqual([
      ['sms', 'queued', null],
      ['email', 'failed', 'noRecipient'],
    ]);
    app.core.deps.messageProviders = undefined;
    expect(await runOutbox(app.core.deps)).toMatchObject({ failed: 1 });
    expect(rows()[0]).toMatchObject({ state: 'failed', reason: 'channelNotConfigured', attempts: 0 });
  });
});

describe('restart', () => {
  it('a row another process left sending is failed as interrupted, never sent again by itself', async () => {
    await setModes({ readyForPickup: 'auto' });
    const o = await order();
    await toReady(o.id);
    app.core.database.sqlite
      .prepare("UPDATE outbox_messages SET state = 'sending', attempts = 1, lease = 'crashed-process'")
      .run();
    expect(await runOutbox(app.core.deps)).toMatchObject({ reconciled: 1, sent: 0 });
    expect(rows()[0]).toMatchObject({ state: 'failed', reason: 'interrupted', lease: null });
    expect(sms.sent).toHaveLength(0);
    expect(messageEvents(o.id).at(-1)).toMatchObject({ state: 'failed', reason: 'interrupted' });
  });
});

describe('the pickup reminder', () => {
  it('goes once, the set days after the order became ready', async () => {
    await setModes({ pickupReminder: 'auto' }, { pickupReminderDays: 3 });
    const o = await order();
    await toReady(o.id);
    app.clock.advance(3 * DAY - 1);
    expect(await runOutbox(app.core.deps)).toMatchObject({ reminders: 0 });
    app.clock.advance(1);
    expect(await runOutbox(app.core.deps)).toMatchObject({ reminders: 1, sent: 1 });
    expect(sms.sent[0]?.text).toContain('已在城东维修中心等候取机3天');
    app.clock.advance(DAY);
    expect(await runOutbox(app.core.deps)).toMatchObject({ reminders: 0, sent: 0 });
  });
});

describe('asking the clerk', () => {
  it('send queues it, skip cancels it, copied records a WeChat message sent by the clerk', async () => {
    await setModes({ received: 'ask' });
    const [a, b, c] = [await order(), await order(), await order()];
    const prompt = async (id: string) => {
      const list = await clerk.ok('messages.forOrder', { workOrderId: id });
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ state: 'ask', channel: 'sms' });
      return list[0]?.id ?? '';
    };
    expect(await clerk.ok('messages.answer', { id: await prompt(a.id), action: 'send' })).toMatchObject({
      state: 'queued',
    });
    expect(await clerk.ok('messages.answer', { id: await prompt(b.id), action: 'skip' })).toMatchObject({
      state: 'cancelled',
    });
    expect(await clerk.ok('messages.answer', { id: await prompt(c.id), action: 'copied' })).toMatchObject({
      state: 'sent',
      channel: 'wechat',
      sentBy: 'clerk 员工',
    });
    await runOutbox(app.core.deps);
    expect(sms.sent.map((m) => m.params.工单号)).toEqual([a.orderNo]);
    // A prompt already answered is refused, and nothing changes.
    const before = snapshot(app.core);
    const [answered] = await clerk.ok('messages.forOrder', { workOrderId: b.id });
    expect(await clerk.call('messages.answer', { id: answered?.id ?? '', action: 'send' })).toMatchObject({
      ok: false,
      error: { reason: 'outboxMessageState', params: { state: 'cancelled', action: 'send' } },
    });
    expect(snapshot(app.core)).toBe(before);
  });

  it('Copy for WeChat renders the template for the order and logs it as sent by the clerk', async () => {
    const o = await order();
    const composed = await clerk.ok('messages.compose', { workOrderId: o.id, event: 'quoteWaiting' });
    expect(composed.text).toBe(
      `张三您好，Apple iPhone 13（工单${o.orderNo}）报价¥350.00，请致电010-88886666确认。`,
    );
    expect(rows()).toHaveLength(0);
    const row = await clerk.ok('messages.copiedForWechat', { workOrderId: o.id, event: 'quoteWaiting' });
    expect(row).toMatchObject({
      channel: 'wechat',
      state: 'sent',
      text: composed.text,
      sentBy: 'clerk 员工',
    });
    expect(messageEvents(o.id)).toEqual([expect.objectContaining({ state: 'sent', channel: 'wechat' })]);
    // An opted-out customer: refused, nothing logged.
    setCustomer('no_contact = 1');
    const before = snapshot(app.core);
    expect(
      await clerk.call('messages.copiedForWechat', { workOrderId: o.id, event: 'quoteWaiting' }),
    ).toMatchObject({
      ok: false,
      error: { reason: 'customerNoContact' },
    });
    expect(snapshot(app.core)).toBe(before);
  });
});

describe('follow-up thanks and complaint updates', () => {
  it('a reached call with nothing unsolved thanks the customer; one with a problem does not', async () => {
    await setModes({ followUpThanks: 'auto' });
    const followUpOf = async () => {
      const o = await order();
      await toReady(o.id);
      await admin.ok('workOrders.transition', { id: o.id, to: 'delivered', note: '' });
      const id = app.core.database.sqlite
        .prepare('SELECT id FROM follow_ups WHERE work_order_id = ?')
        .pluck()
        .get(o.id) as string;
      return { o, id };
    };
    const good = await followUpOf();
    const scores = { attitude: 5, quality: 5, timeliness: 4, price: 4 };
    await clerk.ok('followUps.record', { id: good.id, result: 'reached', scores });
    const bad = await followUpOf();
    await clerk.ok('followUps.record', { id: bad.id, result: 'reached', scores, problemUnsolved: true });
    expect(rows().map((r) => [r.event, r.work_order_id, r.state])).toEqual([
      ['followUpThanks', good.o.id, 'queued'],
    ]);
    expect(rows()[0]?.text).toBe(
      '张三您好，感谢您接听城东维修中心的回访，您的意见我们已记录，期待再次为您服务。',
    );
  });

  it('a complaint tells the customer it was taken and each step, with its number and state', async () => {
    await setModes({ complaintUpdate: 'auto' });
    const o = await order();
    const complaint = await clerk.ok('complaints.create', {
      customerId,
      workOrderId: o.id,
      channel: 'phone',
      category: 'quality',
      severity: 'minor',
      description: '屏幕有划痕',
    });
    await clerk.ok('complaints.move', {
      id: complaint.id,
      version: complaint.version,
      to: 'inProgress',
      note: '已联系',
    });
    const text = (state: string) =>
      `张三您好，您的投诉（${complaint.complaintNo}）当前进度：${state}。如有疑问请致电城东维修中心010-88886666。`;
    expect(rows().map((r) => [r.event, r.complaint_id, r.text])).toEqual([
      ['complaintUpdate', complaint.id, text('已受理')],
      ['complaintUpdate', complaint.id, text('处理中')],
    ]);
    expect(messageEvents(o.id).map((e) => e.state)).toEqual(['queued', 'queued']);
  });
});

describe('bad input at the dispatch boundary', () => {
  it('a template with an unknown variable is refused with its name, and nothing changes', async () => {
    const current = await manager.ok('messages.settings', {});
    const before = snapshot(app.core);
    const result = await manager.call('messages.updateSettings', {
      ...current,
      templates: {
        ...current.templates,
        readyForPickup: { mode: 'auto', text: '{客户名}您好，{工单号}可取机' },
      },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        reason: 'unknownTemplateVariable',
        params: { variable: '{客户名}', event: 'readyForPickup' },
        details: { fields: [expect.objectContaining({ path: 'templates.readyForPickup.text' })] },
      },
    });
    expect(snapshot(app.core)).toBe(before);
  });

  it('out-of-range settings, an empty template and a stranger key are refused; nothing changes', async () => {
    const current = await manager.ok('messages.settings', {});
    const before = snapshot(app.core);
    for (const bad of [
      { ...current, maxAttempts: 0 },
      { ...current, pickupReminderDays: 91 },
      { ...current, quietHours: { enabled: true, start: 1440, end: 480 } },
      { ...current, quietHours: { enabled: true, start: 480, end: 480 } },
      { ...current, templates: { ...current.templates, received: { mode: 'auto', text: '   ' } } },
      { ...current, templates: { ...current.templates, received: { mode: 'sometimes', text: 'x' } } },
      { ...current, extra: true },
    ]) {
      const result = await manager.raw('messages.updateSettings', bad);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: 'invalidInput' } });
    }
    expect(snapshot(app.core)).toBe(before);
  });

  it('a clerk may not open the outbox or the templates; a technician may not answer prompts', async () => {
    const tech = await signedInAs(app, admin, 'technician');
    for (const [who, method, input] of [
      [clerk, 'messages.list', {}],
      [clerk, 'messages.updateSettings', messageSettings.parse({})],
      [tech, 'messages.answer', { id: '01930000-0000-7000-8000-000000000000', action: 'send' }],
    ] as const) {
      expect(await who.raw(method, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('an unknown message is not found', async () => {
    expect(
      await manager.call('messages.retry', { id: '01930000-0000-7000-8000-000000000000' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', reason: 'outboxMessageNotFound' },
    });
  });

  it('the templates saved in English render in English', async () => {
    const current = await manager.ok('messages.settings', {});
    await manager.ok('messages.updateSettings', {
      ...current,
      language: 'en-US',
      templates: {
        ...current.templates,
        readyForPickup: { mode: 'auto', text: DEFAULT_TEMPLATES['en-US'].readyForPickup },
      },
    });
    const o = await order();
    await toReady(o.id);
    expect(rows()[0]?.text).toBe(
      `Hello 张三, your Apple iPhone 13 (order ${o.orderNo}) is ready for pickup at 城东维修中心. Please bring your claim ticket. 010-88886666`,
    );
  });
});

describe('the outbox list', () => {
  it('filters by state, channel and the span of days it was made in; a span that ends first is refused', async () => {
    await setModes({ readyForPickup: 'auto', received: 'ask' });
    const a = await order();
    app.clock.advance(DAY);
    const b = await order();
    await toReady(b.id);
    // The core's own worker (started with the app) sends the queued one.
    await app.core.outbox.tick();
    expect(sms.sent).toHaveLength(1);
    const all = await manager.ok('messages.list', {});
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => [r.orderNo, r.event, r.state])).toEqual([
      [b.orderNo, 'readyForPickup', 'sent'],
      [b.orderNo, 'received', 'ask'],
      [a.orderNo, 'received', 'ask'],
    ]);
    expect((await manager.ok('messages.list', { state: 'ask' })).rows.map((r) => r.orderNo)).toEqual([
      b.orderNo,
      a.orderNo,
    ]);
    expect((await manager.ok('messages.list', { channel: 'email' })).total).toBe(0);
    const dayOfA = { from: localNoon() - 12 * 3600_000, to: localNoon() + 12 * 3600_000 };
    expect((await manager.ok('messages.list', dayOfA)).rows.map((r) => r.orderNo)).toEqual([a.orderNo]);
    expect(await manager.call('messages.list', { from: dayOfA.to, to: dayOfA.from })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', reason: 'endBeforeStart' },
    });
  });
});
