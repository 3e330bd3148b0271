import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runOutbox } from '../../src/main/services/messages';
import { rpc, startDesk, type Desk } from './fixture';
import { customerWithDevice, setUpShop } from './seed';
import { errorReply, startSmsDouble, type SmsDouble } from '../unit/smsDouble';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'message-admin-2026' };
const MANAGER = { username: 'laozhang', displayName: '张店长', password: 'manager-pass-2026' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'chengong', displayName: '陈工', password: 'tech-pass-2026' };

const SMS_KEY_ID = 'LTAI5tDeskE2E';
const SMS_SECRET = 'e2e-sms-secret-6Yq2';

/** Every message goes out through the real Alibaba Cloud SMS provider to a double that checks each
 * request's signature and parameters as Alibaba documents them (tests/unit/smsDouble.ts). */
let sms: SmsDouble;

/** The well-formed SendSms requests that carried `orderNo` (the double records every request). */
function smsFor(orderNo: string) {
  return sms.requests.filter(
    (r) => r.problems.length === 0 && (r.params.TemplateParam ?? '').includes(orderNo),
  );
}

let desk: Desk;
let customerId = '';
let deviceId = '';

/** An order of 周杰's iPhone moved by the API as far as `path` goes. */
async function orderAt(page: Page, path: ('diagnosing' | 'inRepair' | 'qc')[]) {
  const order = await rpc(page, 'workOrders.create', {
    customerId,
    deviceId,
    reportedFault: '屏幕摔裂',
    estimate: 45_000,
  });
  for (const to of path) await rpc(page, 'workOrders.transition', { id: order.id, to });
  return order;
}

beforeAll(async () => {
  // Mid-morning of the suite's day: outside the SMS quiet hours (21:00–08:00).
  desk = await startDesk({ hour: 10 });
  sms = await startSmsDouble({ accessKeyId: SMS_KEY_ID, accessKeySecret: SMS_SECRET, now: desk.clock.now });
  const page = await desk.open();
  await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  await rpc(page, 'users.create', { ...MANAGER, role: 'manager' });
  await rpc(page, 'channels.update', {
    sms: {
      enabled: true,
      accessKeyId: SMS_KEY_ID,
      signName: '城东维修',
      endpoint: sms.url,
      templateCodes: { readyForPickup: 'SMS_154950909', quoteWaiting: 'SMS_154950910' },
      accessKeySecret: { action: 'replace', value: SMS_SECRET },
    },
  });
  await rpc(page, 'settings.update', {
    security: { idleLockMinutes: 0 },
    shop: { name: '城东维修中心', branchCode: 'BJ01', phone: '010-88886666' },
  });
  const seeded = await customerWithDevice(
    page,
    { name: '周杰', level: '普通', phones: [{ phone: '13912345678', label: '手机' }] },
    { category: '手机', brand: 'Apple', model: 'iPhone 13', serialNo: 'F2LX1234ABCD' },
  );
  customerId = seeded.customerId;
  deviceId = seeded.deviceId;
  await page.context().close();
});

afterAll(async () => {
  await sms?.close();
  await desk?.close();
});

describe('messages to the customer', () => {
  it('the manager writes the templates: a live preview on a real order, the SMS count, an unknown variable refused', async () => {
    const setup = await desk.signedIn(ADMIN);
    const first = await orderAt(setup, ['diagnosing']);
    await setup.context().close();

    const page = await desk.signedIn(MANAGER);
    await page.getByTestId('nav-messageTemplates').click();
    await page.getByTestId('message-templates-page').waitFor();
    // The preview reads the newest order (or one typed in).
    await page.getByTestId('messages-preview-order').fill(first.orderNo);
    await expect
      .poll(() => page.getByTestId('messages-preview-source').textContent())
      .toContain(first.orderNo);
    const preview = page.getByTestId('template-readyForPickup-preview');
    await expect
      .poll(() => preview.textContent())
      .toBe(`周杰您好，您的Apple iPhone 13已修好，请凭取机凭条到城东维修中心取机。工单${first.orderNo}`);
    // 62 characters: one SMS.
    const length = page.getByTestId('template-readyForPickup-length');
    expect(await length.textContent()).toBe('62 字 · 1 条短信');

    // A longer text: three SMS; a mistyped variable: refused on the spot and by the server.
    const text = page.getByTestId('template-readyForPickup-text');
    await text.fill(`{客户名}您好，${'您的设备已经修好了'.repeat(15)}`);
    await expect.poll(() => length.textContent()).toBe('143 字 · 3 条短信');
    await page.getByTestId('template-readyForPickup').getByText('自动发送').click();
    await page.getByTestId('messages-save').click();
    await page.getByTestId('template-readyForPickup').locator('.ant-form-item-explain-error').waitFor();
    expect(
      await page.getByTestId('template-readyForPickup').locator('.ant-form-item-explain-error').textContent(),
    ).toBe('{客户名} 不是可用的变量');
    await desk.stillShot(page, 'messages-01-template-refused');
    expect((await rpc(page, 'messages.settings', {})).templates.readyForPickup.mode).toBe('off');

    // The variable from its tag; the quote asks the clerk.
    await text.fill('');
    await page.getByTestId('template-readyForPickup-var-customer').click();
    await text.press('End');
    await text.pressSequentially('您好，您的{设备}（工单{工单号}）已可取机。{店名}');
    await page.getByTestId('template-quoteWaiting').getByText('询问前台').click();
    await expect
      .poll(() => preview.textContent())
      .toBe(`周杰您好，您的Apple iPhone 13（工单${first.orderNo}）已可取机。城东维修中心`);
    await page.getByTestId('messages-save').click();
    await expect
      .poll(async () => (await rpc(page, 'messages.settings', {})).templates.readyForPickup)
      .toEqual({ mode: 'auto', text: '{客户}您好，您的{设备}（工单{工单号}）已可取机。{店名}' });
    expect((await rpc(page, 'messages.settings', {})).templates.quoteWaiting.mode).toBe('ask');
    await page.getByTestId('template-readyForPickup').scrollIntoViewIfNeeded();
    await desk.stillShot(page, 'messages-02-templates');
    await page.context().close();
  });

  it('an order becomes 待取机 at the counter: its SMS is queued, sent to the double, and listed in the outbox', async () => {
    const setup = await desk.signedIn(ADMIN);
    const order = await orderAt(setup, ['diagnosing', 'inRepair', 'qc']);
    await setup.context().close();

    const clerk = await desk.signedIn(CLERK);
    await clerk.goto(`${desk.server.origin}/#/work-orders/${order.id}`);
    await clerk.getByTestId('wo-move-ready').click();
    await clerk.locator('[data-testid="wo-detail"][data-status="ready"]').waitFor();
    await expect
      .poll(() => clerk.getByTestId('wo-timeline').textContent())
      .toContain('取机通知 · 短信 · 排队中');
    expect(smsFor(order.orderNo)).toHaveLength(0);

    // The worker's pass (the app runs it every 20 s; the test runs it on the desk's clock).
    expect(await runOutbox(desk.core.deps)).toMatchObject({ sent: 1 });
    const [request] = smsFor(order.orderNo);
    expect(smsFor(order.orderNo)).toHaveLength(1);
    expect(request?.params).toMatchObject({
      Action: 'SendSms',
      PhoneNumbers: '13912345678',
      SignName: '城东维修',
      TemplateCode: 'SMS_154950909',
    });
    expect(JSON.parse(request?.params.TemplateParam ?? '{}')).toMatchObject({
      客户: '周杰',
      工单号: order.orderNo,
    });
    const [queued] = await rpc(clerk, 'messages.forOrder', { workOrderId: order.id });
    expect(queued?.text).toBe(`周杰您好，您的Apple iPhone 13（工单${order.orderNo}）已可取机。城东维修中心`);
    await clerk.reload();
    await expect
      .poll(() => clerk.getByTestId('wo-timeline').textContent())
      .toContain('取机通知 · 短信 · 已发送');
    await clerk.context().close();

    const manager = await desk.signedIn(MANAGER);
    await manager.getByTestId('nav-outbox').click();
    const row = manager.getByTestId(`outbox-row-${order.orderNo}`);
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('sent');
    expect(await row.textContent()).toContain('13912345678');
    await desk.stillShot(manager, 'messages-03-outbox-sent');
    await manager.context().close();
  });

  it('a refused SMS shows the provider reason in the outbox, and the manager sends it again', async () => {
    const setup = await desk.signedIn(ADMIN);
    const order = await orderAt(setup, ['diagnosing', 'inRepair', 'qc']);
    await rpc(setup, 'workOrders.transition', { id: order.id, to: 'ready' });
    await setup.context().close();
    sms.script(errorReply('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号'));
    expect(await runOutbox(desk.core.deps)).toMatchObject({ failed: 1 });

    const manager = await desk.signedIn(MANAGER);
    await manager.getByTestId('nav-outbox').click();
    await manager.getByTestId('outbox-state').click();
    await manager.locator('.ant-select-item-option').filter({ hasText: '发送失败' }).click();
    const row = manager.getByTestId(`outbox-row-${order.orderNo}`);
    await row.waitFor();
    expect(await manager.locator('tr[data-testid^="outbox-row-"]').count()).toBe(1);
    expect(await row.getByTestId('outbox-reason').textContent()).toBe(
      '服务商拒绝：非法手机号（isv.MOBILE_NUMBER_ILLEGAL）',
    );
    await desk.stillShot(manager, 'messages-04-outbox-failed');
    await row.getByTestId('outbox-retry').click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await runOutbox(desk.core.deps)).toMatchObject({ sent: 1 });
    const sentKeys = smsFor(order.orderNo).map((r) => r.params.OutId);
    expect(sentKeys).toHaveLength(2);
    expect(new Set(sentKeys).size).toBe(1);
    await manager.context().close();
  });

  it('a quote set to ask the clerk: the prompt after the move sends it or copies it for WeChat', async () => {
    const setup = await desk.signedIn(ADMIN);
    const order = await orderAt(setup, ['diagnosing']);
    await setup.context().close();

    const clerk = await desk.signedIn(CLERK);
    await clerk
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: desk.server.origin });
    await clerk.goto(`${desk.server.origin}/#/work-orders/${order.id}`);
    await clerk.getByTestId('wo-move-quoted').click();
    const prompt = clerk.getByTestId('message-prompt-text');
    await prompt.waitFor();
    expect(await prompt.textContent()).toBe(
      `周杰您好，Apple iPhone 13（工单${order.orderNo}）报价¥450.00，请致电010-88886666确认。`,
    );
    const text = await prompt.textContent();
    await desk.stillShot(clerk, 'messages-05-prompt');
    await clerk.getByTestId('message-prompt-copy').click();
    await expect.poll(() => clerk.getByTestId('message-prompt').count()).toBe(0);
    expect(await clerk.evaluate('navigator.clipboard.readText()')).toBe(text);
    const messages = await rpc(clerk, 'messages.forOrder', { workOrderId: order.id });
    expect(messages.map((m) => [m.event, m.channel, m.state, m.sentBy])).toEqual([
      ['quoteWaiting', 'wechat', 'sent', '小李'],
    ]);
    await expect
      .poll(() => clerk.getByTestId('wo-timeline').textContent())
      .toContain('报价待确认 · 微信（手动复制） · 已发送');
    await clerk.context().close();
  });
});
