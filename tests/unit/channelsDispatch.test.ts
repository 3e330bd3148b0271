import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract';
import { MESSAGE_EVENTS } from '../../src/main/services/channels/provider';
import { SECRET_KEY_FILE } from '../../src/main/services/channels/secrets';
import { setUpShop, signedInAs, snapshot, startApp, type Client, type TestApp } from './harness';
import { startSmsDouble, type SmsDouble } from './smsDouble';
import { startSmtpDouble, type SmtpDouble } from './smtpDouble';

const KEY_ID = 'LTAI5tShopKey0001';
const SMS_SECRET = 'Sms5ecret-Zz9+/=城东';
const MAIL_PASSWORD = 'Mailbox-pa55-东';
const KEEP = { action: 'keep' } as const;

let app: TestApp;
let admin: Client;
let sms: SmsDouble;

beforeEach(async () => {
  app = startApp();
  admin = await setUpShop(app);
  sms = await startSmsDouble({ accessKeyId: KEY_ID, accessKeySecret: SMS_SECRET, now: app.clock.now });
});
afterEach(async () => {
  await sms.close();
  app.cleanup();
});

function smsInput(over: Partial<NonNullable<InputOf<'channels.update'>['sms']>> = {}) {
  return {
    enabled: true,
    accessKeyId: KEY_ID,
    signName: '城东维修',
    endpoint: sms.url,
    templateCodes: { readyForPickup: 'SMS_154950909', received: '' },
    accessKeySecret: { action: 'replace', value: SMS_SECRET },
    ...over,
  } satisfies InputOf<'channels.update'>['sms'];
}

function emailInput(port: number, over: Partial<NonNullable<InputOf<'channels.update'>['email']>> = {}) {
  return {
    enabled: true,
    host: '127.0.0.1',
    port,
    security: 'none',
    username: 'desk@chengdong.example',
    fromAddress: 'desk@chengdong.example',
    fromName: '城东维修中心',
    password: { action: 'replace', value: MAIL_PASSWORD },
    ...over,
  } satisfies InputOf<'channels.update'>['email'];
}

describe('channels.* permissions', () => {
  it('lets managers and admins in, and nobody else', async () => {
    const manager = await signedInAs(app, admin, 'manager');
    expect((await manager.call('channels.get', {})).ok).toBe(true);
    for (const role of ['clerk', 'technician'] as const) {
      const user = await signedInAs(app, admin, role);
      for (const [method, input] of [
        ['channels.get', {}],
        ['channels.update', { sms: smsInput() }],
        ['channels.test', { channel: 'sms', to: '13800138000' }],
      ] as const) {
        expect(await user.raw(method, input), `${role} ${method}`).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN', reason: 'forbidden' },
        });
      }
    }
  });
});

describe('channels.get / channels.update', () => {
  it('starts empty: every event listed, nothing set, secrets kept by a key file in browser mode', async () => {
    const view = await admin.ok('channels.get', {});
    expect(view.sms).toMatchObject({
      enabled: false,
      endpoint: 'dysmsapi.aliyuncs.com',
      accessKeySecret: 'notSet',
    });
    expect(Object.keys(view.sms.templateCodes)).toEqual([...MESSAGE_EVENTS]);
    expect(view.email).toMatchObject({ enabled: false, password: 'notSet' });
    expect(view.secretsKeptBy).toBe('keyFile');
    expect(existsSync(join(app.core.dataDir, SECRET_KEY_FILE))).toBe(false);
  });

  it('seals the secret with an owner-only key file and shows only that it is set', async () => {
    const saved = await admin.ok('channels.update', { sms: smsInput() });
    expect(saved.sms.accessKeySecret).toBe('set');
    expect(JSON.stringify(saved)).not.toContain(SMS_SECRET);
    const keyFile = join(app.core.dataDir, SECRET_KEY_FILE);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(keyFile).size).toBe(32);
    const rows = app.core.database.sqlite
      .prepare("SELECT key, value FROM settings WHERE key LIKE 'channel%'")
      .all() as { key: string; value: string }[];
    expect(rows.map((r) => r.key).sort()).toEqual(['channelSecrets', 'channels']);
    expect(rows.find((r) => r.key === 'channelSecrets')?.value).toMatch(/"sms":"file:v1:[A-Za-z0-9+/=]+"/);
    expect(JSON.stringify(rows)).not.toContain(SMS_SECRET);

    // A new window reads it back as set; keeping it on the next save signs with the same secret.
    const again = await app.connect();
    await again.ok('auth.signIn', { username: 'admin', password: 'counter-admin-1' });
    expect((await again.ok('channels.get', {})).sms.accessKeySecret).toBe('set');
    await again.ok('channels.update', { sms: smsInput({ signName: '城东维修中心', accessKeySecret: KEEP }) });
    const sent = await again.ok('channels.test', { channel: 'sms', to: '138 0013 8000' });
    expect(sent).toEqual({ ok: true, providerMessageId: '9006197469364981^0', retryable: false, reason: '' });
    expect(sms.requests[0]?.problems).toEqual([]);
    expect(sms.requests[0]?.params).toMatchObject({ SignName: '城东维修中心', PhoneNumbers: '13800138000' });

    const cleared = await admin.ok('channels.update', {
      sms: smsInput({ enabled: false, accessKeySecret: { action: 'clear' } }),
    });
    expect(cleared.sms.accessKeySecret).toBe('notSet');
    expect(app.core.deps.messageProviders?.('sms')).toBeNull();
  });

  it('audits what changed and that a secret was replaced, never the secret', async () => {
    await admin.ok('channels.update', { sms: smsInput(), email: emailInput(2525) });
    const rows = app.core.database.sqlite
      .prepare(
        "SELECT entity_id AS id, before, after FROM audit_log WHERE entity = 'settings' AND entity_id LIKE 'channels.%'",
      )
      .all() as { id: string; before: string; after: string }[];
    expect(rows.map((r) => r.id).sort()).toEqual(['channels.email', 'channels.sms']);
    expect(JSON.parse(rows.find((r) => r.id === 'channels.sms')?.after ?? '{}')).toMatchObject({
      signName: '城东维修',
      secret: 'replaced',
    });
    expect(JSON.stringify(rows)).not.toContain(SMS_SECRET);
    expect(JSON.stringify(rows)).not.toContain(MAIL_PASSWORD);
  });

  // Inputs are made when the test runs (the double's address is known then).
  const refusals: [string, () => InputOf<'channels.update'>, Record<string, unknown>][] = [
    [
      'SMS on without its key id',
      () => ({ sms: smsInput({ accessKeyId: '' }) }),
      { reason: 'channelSettingRequired', path: 'sms.accessKeyId' },
    ],
    [
      'SMS on without a secret',
      () => ({ sms: smsInput({ accessKeySecret: KEEP }) }),
      { reason: 'channelSettingRequired', path: 'sms.accessKeySecret' },
    ],
    [
      'SMS on without a sign name',
      () => ({ sms: smsInput({ signName: '  ' }) }),
      { reason: 'channelSettingRequired', path: 'sms.signName' },
    ],
    [
      'a template code that is not one',
      () => ({ sms: smsInput({ templateCodes: { received: 'TPL-1' } }) }),
      { reason: 'invalidInput', path: 'sms.templateCodes.received' },
    ],
    [
      'a template for an event that does not exist',
      () => ({ sms: smsInput({ templateCodes: { birthday: 'SMS_1' } }) }),
      { reason: 'unknownMessageEvent', path: 'sms.templateCodes.birthday', params: { event: 'birthday' } },
    ],
    [
      'plain http to another machine',
      () => ({ sms: smsInput({ endpoint: 'http://dysmsapi.aliyuncs.com' }) }),
      { reason: 'smsEndpointRefused', path: 'sms.endpoint', params: { problem: 'plainHttp' } },
    ],
    [
      'an endpoint with a path',
      () => ({ sms: smsInput({ endpoint: 'https://dysmsapi.aliyuncs.com/api' }) }),
      { reason: 'smsEndpointRefused', path: 'sms.endpoint', params: { problem: 'notAddress' } },
    ],
    [
      'a key id with spaces',
      () => ({ sms: smsInput({ accessKeyId: 'LTAI 5t' }) }),
      { reason: 'invalidInput', path: 'sms.accessKeyId' },
    ],
    [
      'a mailbox password without its account',
      () => ({ email: emailInput(25, { username: '' }) }),
      { reason: 'smtpPasswordWithoutAccount', path: 'email.password' },
    ],
    [
      'e-mail on without a server',
      () => ({ email: emailInput(25, { host: '' }) }),
      { reason: 'channelSettingRequired', path: 'email.host' },
    ],
    [
      'e-mail on without a sender',
      () => ({ email: emailInput(25, { fromAddress: '' }) }),
      { reason: 'channelSettingRequired', path: 'email.fromAddress' },
    ],
    [
      'e-mail on with an account and no password',
      () => ({ email: emailInput(25, { password: KEEP }) }),
      { reason: 'channelSettingRequired', path: 'email.password' },
    ],
    [
      'a sender that is not an address',
      () => ({ email: emailInput(25, { fromAddress: '城东维修' }) }),
      { reason: 'invalidInput', path: 'email.fromAddress' },
    ],
    ['port 0', () => ({ email: emailInput(0) }), { reason: 'invalidInput', path: 'email.port' }],
    [
      'an empty replacement secret',
      () => ({ email: emailInput(25, { password: { action: 'replace', value: '' } }) }),
      { reason: 'invalidInput', path: 'email.password.value' },
    ],
  ];

  for (const [what, input, expected] of refusals) {
    it(`refuses ${what}, names the field and changes nothing (no key file either)`, async () => {
      const before = snapshot(app.core);
      const result = await admin.call('channels.update', input());
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const field = result.error.details?.fields?.[0];
      const { path, ...refusal } = expected;
      expect(field).toMatchObject({ path, ...refusal });
      expect(result.error.code).toBe('VALIDATION');
      expect(snapshot(app.core)).toBe(before);
      expect(existsSync(join(app.core.dataDir, SECRET_KEY_FILE))).toBe(false);
    });
  }
});

describe('channels.test', () => {
  it('refuses a channel that is not set up, a bad number and a missing template, sending nothing', async () => {
    expect(await admin.call('channels.test', { channel: 'sms', to: '13800138000' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', reason: 'channelNotSetUp', params: { channel: 'sms' } },
    });
    await admin.ok('channels.update', { sms: smsInput() });
    expect(await admin.call('channels.test', { channel: 'sms', to: '010-88886666' })).toMatchObject({
      ok: false,
      error: { reason: 'notAMobileNumber', details: { fields: [{ path: 'to' }] } },
    });
    expect(
      await admin.call('channels.test', { channel: 'sms', to: '13800138000', event: 'received' }),
    ).toMatchObject({
      ok: false,
      error: {
        reason: 'smsTemplateMissing',
        params: { event: 'received' },
        details: { fields: [{ path: 'event' }] },
      },
    });
    expect(await admin.call('channels.test', { channel: 'email', to: 'nobody' })).toMatchObject({
      ok: false,
      error: { reason: 'notAnEmailAddress' },
    });
    expect(sms.requests).toHaveLength(0);
  });

  it('brings the provider’s refusal back as an answer, with its words', async () => {
    await admin.ok('channels.update', { sms: smsInput() });
    sms.script({
      status: 200,
      body: { RequestId: 'X', Code: 'isv.SMS_SIGNATURE_ILLEGAL', Message: '该账号下找不到对应签名' },
    });
    expect(await admin.ok('channels.test', { channel: 'sms', to: '13800138000' })).toEqual({
      ok: false,
      providerMessageId: null,
      retryable: false,
      reason: '该账号下找不到对应签名（isv.SMS_SIGNATURE_ILLEGAL）',
    });
  });

  describe('e-mail', () => {
    let smtp: SmtpDouble;
    beforeEach(async () => {
      smtp = await startSmtpDouble({
        user: 'desk@chengdong.example',
        password: MAIL_PASSWORD,
        secure: false,
      });
    });
    afterEach(() => smtp.close());

    it('sends a test mail through the saved mailbox, signed in with the sealed password', async () => {
      await admin.ok('channels.update', { email: emailInput(smtp.port) });
      const result = await admin.ok('channels.test', { channel: 'email', to: 'owner@example.com' });
      expect(result.ok).toBe(true);
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]?.user).toBe('desk@chengdong.example');
      expect(smtp.mails[0]?.parsed.subject).toBe('测试邮件 · 城东维修中心');
      expect(smtp.mails[0]?.parsed.text).toContain('城东维修中心售后服务台发出的测试消息');
    });
  });
});

describe('a secret this PC cannot open', () => {
  it('reads as unreadable, is refused for sending and for keeping, and can be typed again', async () => {
    await admin.ok('channels.update', { sms: smsInput() });
    // Another PC: the same database, another key.
    writeFileSync(join(app.core.dataDir, SECRET_KEY_FILE), Buffer.alloc(32, 7), { mode: 0o600 });
    expect((await admin.ok('channels.get', {})).sms.accessKeySecret).toBe('unreadable');
    expect(app.core.deps.messageProviders?.('sms')).toBeNull();
    expect(await admin.call('channels.test', { channel: 'sms', to: '13800138000' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', reason: 'channelSecretUnreadable', params: { channel: 'sms' } },
    });
    const before = snapshot(app.core);
    expect(await admin.call('channels.update', { sms: smsInput({ accessKeySecret: KEEP }) })).toMatchObject({
      ok: false,
      error: { reason: 'channelSecretUnreadable', details: { fields: [{ path: 'sms.accessKeySecret' }] } },
    });
    expect(snapshot(app.core)).toBe(before);
    expect((await admin.ok('channels.update', { sms: smsInput() })).sms.accessKeySecret).toBe('set');
    expect((await admin.ok('channels.test', { channel: 'sms', to: '13800138000' })).ok).toBe(true);
  });
});
