import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { ARTIFACTS, rpc, startDesk, type Desk } from './fixture';
import { setUpShop } from './seed';
import { startSmsDouble, type SmsDouble } from '../unit/smsDouble';
import { startSmtpDouble, type SmtpDouble } from '../unit/smtpDouble';

/**
 * Issue 15, 设置 → 消息通道: a manager sets up the shop's Alibaba Cloud SMS account and its mailbox in
 * the real renderer, the secrets come back only as 已设置, and test sends reach local doubles (the SMS
 * double checks the signature; the mailbox is a real smtp-server on 127.0.0.1).
 */
const ADMIN = { username: 'admin', displayName: '王店长', password: 'channels-admin-2026' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
const MANAGER = { username: 'zhaojl', displayName: '赵经理', password: 'manager-pass-2026' };
const KEY_ID = 'LTAI5tE2eShop';
const SMS_SECRET = 'e2eSecret/城东+=';
const MAIL_USER = 'desk@chengdong.example';
const MAIL_PASSWORD = 'e2e-mailbox-密码';

let desk: Desk;
let sms: SmsDouble;
let smtp: SmtpDouble;
let manager: Page;

async function openCard(page: Page): Promise<void> {
  await page.goto(`${desk.server.origin}/#/settings/channels`);
  await page.getByTestId('channels-sms-form').waitFor();
  await page.getByTestId('settings-channels').scrollIntoViewIfNeeded();
}

/** The card alone, readable at full size (the settings page is long). */
async function cardShot(name: string): Promise<void> {
  await manager.getByTestId('settings-channels').screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

const stateOf = (page: Page, testId: string) => page.getByTestId(`${testId}-state`).textContent();

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  await rpc(page, 'users.create', { ...MANAGER, role: 'manager' });
  await rpc(page, 'settings.update', { security: { idleLockMinutes: 0 } });
  sms = await startSmsDouble({ accessKeyId: KEY_ID, accessKeySecret: SMS_SECRET, now: desk.clock.now });
  smtp = await startSmtpDouble({ user: MAIL_USER, password: MAIL_PASSWORD, secure: false });
  manager = await desk.signedIn(MANAGER);
});
afterAll(async () => {
  await sms?.close();
  await smtp?.close();
  await desk?.close();
});

describe('设置 → 消息通道', () => {
  it('is not there for a clerk', async () => {
    const clerk = await desk.signedIn(CLERK);
    await clerk.goto(`${desk.server.origin}/#/settings`);
    await clerk.getByTestId('settings-follow-up-form').waitFor();
    expect(await clerk.getByTestId('settings-channels').count()).toBe(0);
    await clerk.close();
  });

  it('refuses turning SMS on without its secret, and saves nothing', async () => {
    await openCard(manager);
    expect(await stateOf(manager, 'channels-sms-secret')).toBe('未设置');
    await manager.getByTestId('channels-sms-enabled').click();
    await manager.getByTestId('channels-sms-accessKeyId').fill(KEY_ID);
    await manager.getByTestId('channels-sms-signName').fill('城东维修');
    await manager.getByTestId('channels-sms-save').click();
    const form = manager.getByTestId('channels-sms-form');
    await expect
      .poll(() => form.locator('.ant-form-item-explain-error').first().textContent())
      .toBe('开启此通道时必须填写');
    expect((await rpc(manager, 'channels.get', {})).sms).toMatchObject({ enabled: false, accessKeyId: '' });
  });

  it('saves the SMS account; after a reload the secret shows only as 已设置', async () => {
    await manager.getByTestId('channels-sms-secret').fill(SMS_SECRET);
    await manager.getByTestId('channels-sms-endpoint').fill(sms.url);
    await manager.getByTestId('channels-sms-template-readyForPickup').fill('SMS_154950909');
    await manager.getByTestId('channels-sms-template-received').fill('SMS_154950001');
    await manager.getByTestId('channels-sms-save').click();
    await expect.poll(() => stateOf(manager, 'channels-sms-secret')).toBe('已设置');
    expect(await manager.getByTestId('channels-sms-secret').inputValue()).toBe('');

    await manager.reload();
    await openCard(manager);
    expect(await stateOf(manager, 'channels-sms-secret')).toBe('已设置');
    expect(await manager.getByTestId('channels-sms-secret').inputValue()).toBe('');
    expect(await manager.getByTestId('channels-sms-accessKeyId').inputValue()).toBe(KEY_ID);
    expect(await manager.getByTestId('channels-sms-template-readyForPickup').inputValue()).toBe(
      'SMS_154950909',
    );
    // Nothing the page can read holds the secret.
    expect(await manager.content()).not.toContain(SMS_SECRET);
    expect(JSON.stringify(await rpc(manager, 'channels.get', {}))).not.toContain(SMS_SECRET);
  });

  it('sends a test SMS to the double, signed as documented', async () => {
    await manager.getByTestId('channels-sms-test-to').fill('12345');
    await manager.getByTestId('channels-sms-test').click();
    await manager.locator('.ant-message-error').getByText('收件人').waitFor();
    expect(sms.requests).toHaveLength(0);

    await manager.getByTestId('channels-sms-test-to').fill('138 0013 8000');
    // The first event with a code is chosen; the manager picks 取机通知's template.
    await manager.getByTestId('channels-sms-test-event').click();
    await manager.locator('.ant-select-item-option[title="取机通知"]').click();
    await manager.getByTestId('channels-sms-test').click();
    const result = manager.getByTestId('channels-sms-test-result');
    await expect.poll(() => result.textContent()).toContain('测试消息已发出');
    expect(sms.requests).toHaveLength(1);
    expect(sms.requests[0]?.problems).toEqual([]);
    expect(sms.requests[0]?.params).toMatchObject({
      PhoneNumbers: '13800138000',
      SignName: '城东维修',
      TemplateCode: 'SMS_154950909',
    });
    expect(JSON.parse(sms.requests[0]?.params.TemplateParam ?? '{}')).toMatchObject({ 店名: '城东维修中心' });
    await desk.stillShot(manager, 'channels-01-sms-saved-and-tested');
    await cardShot('channels-01-card-sms');
  });

  it('shows the provider’s refusal in its words', async () => {
    sms.script({
      status: 200,
      body: { RequestId: 'E2E', Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: '该账号下找不到对应模板' },
    });
    await manager.getByTestId('channels-sms-test').click();
    const result = manager.getByTestId('channels-sms-test-result');
    await expect
      .poll(() => result.textContent())
      .toBe('发送失败：该账号下找不到对应模板（isv.SMS_TEMPLATE_ILLEGAL）');
  });

  it('sets up the mailbox and a test mail arrives with its Chinese intact', async () => {
    await manager.getByTestId('channels-email-form').scrollIntoViewIfNeeded();
    await manager.getByTestId('channels-email-enabled').click();
    await manager.getByTestId('channels-email-host').fill('127.0.0.1');
    await manager.getByTestId('channels-email-port').fill(String(smtp.port));
    await manager.getByTestId('channels-email-security').click();
    await manager.locator('.ant-select-item-option[title="不加密"]').click();
    await manager.getByTestId('channels-email-username').fill(MAIL_USER);
    await manager.getByTestId('channels-email-password').fill(MAIL_PASSWORD);
    await manager.getByTestId('channels-email-fromAddress').fill(MAIL_USER);
    await manager.getByTestId('channels-email-fromName').fill('城东维修中心');
    await manager.getByTestId('channels-email-save').click();
    await expect.poll(() => stateOf(manager, 'channels-email-password')).toBe('已设置');

    await manager.getByTestId('channels-email-test-to').fill('owner@example.com');
    await manager.getByTestId('channels-email-test').click();
    await expect
      .poll(() => manager.getByTestId('channels-email-test-result').textContent())
      .toContain('测试消息已发出');
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]?.user).toBe(MAIL_USER);
    expect(smtp.mails[0]?.parsed.subject).toBe('测试邮件 · 城东维修中心');
    await desk.stillShot(manager, 'channels-02-email-saved-and-tested');
    await cardShot('channels-02-card-email');
  });

  it('left no warnings in the browser console', () => {
    expect(desk.consoleProblems).toEqual([]);
  });
});
