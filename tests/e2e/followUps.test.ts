import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { modalOpen, rpc, startDesk, type Desk } from './fixture';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'followup-admin-2026' };
const CLERK = { username: 'xiaozhao', displayName: '小赵', password: 'clerk-pass-2026' };
const TECH = { username: 'chengong', displayName: '陈工', password: 'tech-pass-2026' };

let desk: Desk;
let clerk: Page;
/** 周杰's order: not reached on the due day, tried again the next. */
const retried = { id: '', orderNo: '' };
/** 李娜's order: reached, low quality score, problem not solved → a complaint in the same step. */
const unhappy = { id: '', orderNo: '' };
/** The day both follow-ups fall due (delivery day + 3, the default for repairs). */
let dueDay = dayjs(0);

/** The text of a test id, trimmed. */
async function textOf(scope: Page, testId: string): Promise<string> {
  return ((await scope.getByTestId(testId).first().textContent()) ?? '').trim();
}

/** A tab's count as the server gave it. */
async function tabCount(page: Page, tab: string): Promise<number> {
  return Number(await page.getByTestId(`fu-tab-${tab}`).getAttribute('data-count'));
}

/** Move the shop's one clock (server and browser) and read the queue again. */
async function setClock(day: dayjs.Dayjs, hour: number): Promise<void> {
  await desk.clock.set(day.hour(hour).valueOf());
  await clerk.reload();
  await clerk.getByTestId('follow-ups').waitFor();
}

async function deliveredOrder(
  page: Page,
  customer: { name: string; phone: string },
  fault: string,
): Promise<{ id: string; orderNo: string }> {
  const { customerId, deviceId } = await customerWithDevice(
    page,
    { name: customer.name, level: '普通', phones: [{ phone: customer.phone, label: '手机' }] },
    { category: '手机', brand: '华为', model: 'Mate 60' },
  );
  const order = await rpc(page, 'workOrders.create', { customerId, deviceId, reportedFault: fault });
  await rpc(page, 'workOrders.transition', { id: order.id, to: 'diagnosing' });
  await rpc(page, 'workOrders.update', {
    id: order.id,
    version: (await rpc(page, 'workOrders.get', { id: order.id })).version,
    diagnosis: '屏幕排线松动',
    resolution: '更换屏幕总成',
  });
  for (const to of ['inRepair', 'qc', 'ready', 'delivered'] as const)
    await rpc(page, 'workOrders.transition', { id: order.id, to });
  return { id: order.id, orderNo: order.orderNo };
}

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  // The test moves the clock by days; the idle screen lock is tested elsewhere.
  await rpc(page, 'settings.update', { security: { idleLockMinutes: 0 } });
  Object.assign(retried, await deliveredOrder(page, { name: '周杰', phone: '13912345678' }, '屏幕花屏'));
  Object.assign(unhappy, await deliveredOrder(page, { name: '李娜', phone: '13698765432' }, '触摸失灵'));
  const queue = await rpc(page, 'followUps.list', { tab: 'pending' });
  expect(queue.rows.map((r) => r.orderNo)).toEqual([retried.orderNo, unhappy.orderNo]);
  dueDay = dayjs(queue.rows[0]?.dueAt ?? 0);
  clerk = await desk.signedIn(CLERK);
});
afterAll(() => desk?.close());

describe('回访: the clerk works the follow-up queue', () => {
  it('shows nothing for today until the due day, then both delivered orders under 今日', async () => {
    await clerk.getByTestId('nav-followUps').click();
    await clerk.getByTestId('follow-ups').waitFor();
    await expect.poll(() => tabCount(clerk, 'pending')).toBe(2);
    expect(await tabCount(clerk, 'today')).toBe(0);

    await setClock(dueDay, 10);
    await expect.poll(() => tabCount(clerk, 'today')).toBe(2);
    expect(await textOf(clerk, 'fu-server-date')).toContain(dueDay.format('YYYY-MM-DD'));
    const row = clerk.getByTestId(`fu-row-${retried.orderNo}`);
    await expect.poll(() => row.textContent()).toContain('周杰');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('13912345678');
    expect(text).toContain('华为 Mate 60');
    expect(text).toContain('更换屏幕总成');
    expect(await textOf(clerk, `fu-due-${retried.orderNo}`)).toBe(dueDay.format('YYYY-MM-DD'));
    await desk.stillShot(clerk, 'followups-today');
  });

  it('records a call that did not reach: the follow-up moves to the next day', async () => {
    await clerk.getByTestId(`fu-record-${retried.orderNo}`).click();
    await modalOpen(clerk, 'follow-up-call-form');
    await clerk.getByTestId('follow-up-result-notReached').click();
    await clerk.getByTestId('follow-up-note').fill('无人接听');
    await desk.shot(clerk, 'followups-not-reached-dialog');
    await clerk.getByTestId('follow-up-call-submit').click();
    const next = dueDay.add(1, 'day').format('YYYY-MM-DD');
    await expect.poll(() => textOf(clerk, 'fu-saved')).toBe(`未接通，${next} 再次回访`);
    await expect.poll(() => tabCount(clerk, 'today')).toBe(1);
    expect(await clerk.getByTestId(`fu-row-${retried.orderNo}`).count()).toBe(0);

    await clerk.getByTestId('fu-tab-pending').click();
    await expect.poll(() => textOf(clerk, `fu-due-${retried.orderNo}`)).toBe(next);
    expect(await textOf(clerk, `fu-attempts-${retried.orderNo}`)).toBe('1 次');
  });

  it('records a reached customer with a low score and 问题未解决, opening a complaint in one step', async () => {
    await clerk.getByTestId('fu-tab-today').click();
    await clerk.getByTestId(`fu-record-${unhappy.orderNo}`).click();
    await modalOpen(clerk, 'follow-up-call-form');
    // Without the scores the form refuses, and nothing is sent.
    await clerk.getByTestId('follow-up-call-submit').click();
    await expect.poll(() => clerk.getByText('请打分（1–5 分）').count()).toBe(4);

    const scores = { attitude: 4, quality: 1, timeliness: 3, price: 3 };
    for (const [dimension, stars] of Object.entries(scores)) {
      await clerk
        .getByTestId(`follow-up-score-${dimension}`)
        .locator('li')
        .nth(stars - 1)
        .locator('div[role="radio"]')
        .click();
    }
    await clerk.getByTestId('follow-up-comment').fill('换屏后三天又花屏');
    await clerk.getByTestId('follow-up-unsolved').check();
    await clerk.getByTestId('follow-up-open-complaint').click();
    await clerk.getByTestId('follow-up-severity').click();
    await clerk.locator('.ant-select-item-option', { hasText: '较重' }).click();
    await clerk.getByTestId('follow-up-description').fill('客户反映换屏后三天又出现花屏，要求处理');
    await desk.shot(clerk, 'followups-complaint-dialog');
    await clerk.getByTestId('follow-up-call-submit').click();

    await expect.poll(() => textOf(clerk, 'fu-saved')).toMatch(/^回访已记录，已开投诉 TS-BJ01-\d{8}-0001$/);
    const complaintNo = (await textOf(clerk, 'fu-saved')).replace('回访已记录，已开投诉 ', '');
    const stored = desk.core.database.sqlite
      .prepare('SELECT complaint_no, channel, severity, category, description FROM complaints')
      .all();
    expect(stored).toEqual([
      {
        complaint_no: complaintNo,
        channel: 'followUp',
        severity: 'major',
        category: 'quality',
        description: '客户反映换屏后三天又出现花屏，要求处理',
      },
    ]);
    await expect.poll(() => tabCount(clerk, 'today')).toBe(0);
    await clerk.getByTestId('fu-tab-done').click();
    await expect.poll(() => textOf(clerk, `fu-complaint-${unhappy.orderNo}`)).toBe(`投诉 ${complaintNo}`);
    const done = (await clerk.getByTestId(`fu-row-${unhappy.orderNo}`).textContent()) ?? '';
    expect(done).toContain('态度 4 · 质量 1 · 及时 3 · 价格 3');
    await desk.stillShot(clerk, 'followups-done');
  });

  it('shows the retried one under 今日 the next day, and the calls on the order’s timeline', async () => {
    await setClock(dueDay.add(1, 'day'), 9);
    await expect.poll(() => tabCount(clerk, 'today')).toBe(1);
    await expect.poll(() => textOf(clerk, `fu-attempts-${retried.orderNo}`)).toBe('1 次');
    await desk.stillShot(clerk, 'followups-next-day');
    // The same queue in English.
    await clerk.getByTestId('lang-en-US').click();
    await expect.poll(() => clerk.getByTestId('fu-tab-today').textContent()).toContain('Today');
    expect(await clerk.getByTestId(`fu-record-${retried.orderNo}`).textContent()).toBe('Record call');
    await desk.stillShot(clerk, 'followups-next-day-en');
    await clerk.getByTestId('lang-zh-CN').click();
    await expect.poll(() => clerk.getByTestId('fu-tab-today').textContent()).toContain('今日');

    await clerk.getByTestId(`fu-order-${retried.orderNo}`).click();
    await clerk.getByTestId('wo-timeline').waitFor();
    const entries = clerk.locator('[data-testid="wo-event"][data-kind="followUp"]');
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.nth(0).textContent()).toContain('回访：未接通');
    expect(await entries.nth(0).textContent()).toContain(
      `下次回访 ${dueDay.add(1, 'day').format('YYYY-MM-DD')}`,
    );
    expect(await entries.nth(1).textContent()).toContain(`生成回访任务，${dueDay.format('YYYY-MM-DD')} 回访`);
    await entries.nth(0).scrollIntoViewIfNeeded();
    await desk.shot(clerk, 'followups-timeline');
  });

  it('closes the pending follow-up when the customer asks not to be contacted (拒绝回访/不联系)', async () => {
    await clerk.goBack();
    await clerk.getByTestId('follow-ups').waitFor();
    await clerk.getByTestId(`fu-row-${retried.orderNo}`).getByText('周杰').click();
    await clerk.getByTestId('customer-detail').waitFor();
    expect(await clerk.getByTestId('customer-no-contact-tag').count()).toBe(0);
    await clerk.getByTestId('customer-edit').click();
    await modalOpen(clerk, 'customer-form');
    await clerk.getByTestId('customer-no-contact').check();
    await clerk.getByTestId('customer-submit').click();
    await expect.poll(() => textOf(clerk, 'customer-no-contact-tag')).toBe('拒绝回访');
    await desk.stillShot(clerk, 'followups-customer-no-contact');

    await clerk.getByTestId('nav-followUps').click();
    await expect.poll(() => tabCount(clerk, 'pending')).toBe(0);
    expect(await tabCount(clerk, 'done')).toBe(2);
    await clerk.getByTestId('fu-tab-done').click();
    await expect
      .poll(async () => (await clerk.getByTestId(`fu-row-${retried.orderNo}`).textContent()) ?? '')
      .toContain('客户拒绝回访');
  });

  it('offers the 售后 follow-up settings', async () => {
    const admin = await desk.signedIn(ADMIN);
    await admin.goto(`${desk.server.origin}/#/settings/afterSales`);
    await admin.getByTestId('settings-follow-up-form').waitFor();
    expect(await admin.getByTestId('settings-follow-up-days-repair').inputValue()).toBe('3');
    await admin.getByTestId('settings-follow-up-days-repair').fill('5');
    await admin.getByTestId('settings-follow-up-max-attempts').fill('11');
    await admin.getByTestId('settings-follow-up-submit').click();
    // 11 tries is over the limit: refused on the field, nothing saved.
    await expect.poll(() => admin.getByText('请输入 1 到 10 之间的整数').count()).toBe(1);
    await admin.getByTestId('settings-follow-up-max-attempts').fill('4');
    // The warranty-expiry call list looks at most a year ahead: 400 days is refused, not cut.
    expect(await admin.getByTestId('settings-warranty-reminder-days').inputValue()).toBe('30');
    await admin.getByTestId('settings-warranty-reminder-days').fill('400');
    await admin.getByTestId('settings-follow-up-submit').click();
    await expect.poll(() => admin.getByText('请输入 1 到 365 之间的整数').count()).toBe(1);
    expect((await rpc(admin, 'settings.get', {})).afterSales.followUpMaxAttempts).toBe(3);
    await admin.getByTestId('settings-warranty-reminder-days').fill('45');
    await admin.getByTestId('settings-follow-up-submit').click();
    await expect
      .poll(async () => (await rpc(admin, 'settings.get', {})).afterSales)
      .toMatchObject({ followUpMaxAttempts: 4, followUpDays: { repair: 5 }, warrantyReminderDays: 45 });
    await admin.getByTestId('settings-after-sales').scrollIntoViewIfNeeded();
    await desk.stillShot(admin, 'followups-settings');
  });

  it('left no warnings or errors in the browser console', () => {
    expect(desk.consoleProblems).toEqual([]);
  });
});
