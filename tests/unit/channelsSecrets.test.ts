import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { extract } from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_KEY_FILE } from '../../src/main/services/channels/secrets';
import { addData, startBackupApp } from './backupHelpers';
import { setUpShop, tempDir, type Client } from './harness';
import { startSmsDouble, type SmsDouble } from './smsDouble';
import { startSmtpDouble, type SmtpDouble } from './smtpDouble';

/**
 * Item 3's rule, checked by scanning: the SMS AccessKey secret and the mailbox password appear in
 * no rpc output, not in the full export, not in a backup (manifest or any member), not in the logs,
 * and not in clear anywhere in the data folder but nowhere at all outside the key's own sealing.
 */
const SMS_SECRET = 'AkS3cretValue0fTheShop城东';
const MAIL_PASSWORD = 'MailboxPassw0rd东门';
const SECRETS = [SMS_SECRET, MAIL_PASSWORD];

let app: ReturnType<typeof startBackupApp>;
let admin: Client;
let sms: SmsDouble;
let smtp: SmtpDouble;
const outputs: unknown[] = [];

async function call(method: Parameters<Client['raw']>[0], input: unknown): Promise<unknown> {
  const result = await admin.raw(method, input);
  outputs.push(result);
  return result;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** Which secrets a file holds as UTF-8 bytes anywhere in it. */
function secretsIn(path: string): string[] {
  const bytes = readFileSync(path);
  return SECRETS.filter((secret) => bytes.includes(Buffer.from(secret, 'utf8')));
}

beforeEach(async () => {
  outputs.length = 0;
  app = startBackupApp();
  admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  await admin.ok('backup.updateSettings', {
    folder: app.backupDir,
    dailyAt: '18:00',
    onQuit: false,
    keepDaily: 7,
    keepWeekly: 4,
    warnAfterDays: 2,
  });
  await addData(admin, 'A', 2);
  sms = await startSmsDouble({ accessKeyId: 'LTAI5tScan', accessKeySecret: SMS_SECRET, now: app.clock.now });
  smtp = await startSmtpDouble({ user: 'desk@shop.example', password: MAIL_PASSWORD, secure: false });
  await call('channels.update', {
    sms: {
      enabled: true,
      accessKeyId: 'LTAI5tScan',
      signName: '城东维修',
      endpoint: sms.url,
      templateCodes: { readyForPickup: 'SMS_154950909' },
      accessKeySecret: { action: 'replace', value: SMS_SECRET },
    },
    email: {
      enabled: true,
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      username: 'desk@shop.example',
      fromAddress: 'desk@shop.example',
      fromName: '城东维修中心',
      password: { action: 'replace', value: MAIL_PASSWORD },
    },
  });
});
afterEach(async () => {
  await sms.close();
  await smtp.close();
  app.cleanup();
});

describe('secrets never leave in clear', () => {
  it('are in no rpc output of the channel methods (answers and refusals), the settings or the audit log', async () => {
    await call('channels.get', {});
    await call('channels.update', {
      sms: {
        enabled: true,
        accessKeyId: 'LTAI5tScan',
        signName: '城东维修',
        endpoint: sms.url,
        templateCodes: { readyForPickup: 'SMS_154950909' },
        accessKeySecret: { action: 'keep' },
      },
    });
    // Refusals echo nothing of what was typed.
    await call('channels.update', {
      email: {
        enabled: true,
        host: '',
        port: 25,
        security: 'none',
        username: '',
        fromAddress: '',
        fromName: '',
        password: { action: 'replace', value: MAIL_PASSWORD },
      },
    });
    await call('channels.test', { channel: 'sms', to: '13800138000' });
    await call('channels.test', { channel: 'email', to: 'owner@example.com' });
    sms.script({
      status: 400,
      body: { Code: 'SignatureDoesNotMatch', Message: `bad ${SMS_SECRET.slice(0, 3)}` },
    });
    await call('channels.test', { channel: 'sms', to: '13800138000' });
    await call('settings.get', {});
    await call('audit.list', {});
    // The sends really used the secrets: the double accepted the signature, the mailbox the password.
    expect(sms.requests[0]?.problems).toEqual([]);
    expect(smtp.mails).toHaveLength(1);
    expect(outputs).toHaveLength(9);
    const text = JSON.stringify(outputs);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain('file:v1:');
    expect(JSON.stringify(app.logs)).not.toMatch(/AkS3cret|Passw0rd/);
  });

  it('is not in the full export, in any sheet', async () => {
    const folder = tempDir();
    try {
      const result = await admin.ok('backup.exportAll', { lang: 'zh-CN', folder: folder.dir });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(result.file);
      const cells: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))),
      );
      expect(cells.length).toBeGreaterThan(50);
      // The audit sheet holds the channel saves, without their secrets.
      expect(cells.some((cell) => cell.includes('城东维修'))).toBe(true);
      const all = cells.join('\n');
      for (const secret of SECRETS) expect(all).not.toContain(secret);
      expect(all).not.toContain('file:v1:');
    } finally {
      folder.cleanup();
    }
  });

  it('is neither in the backup manifest nor in clear in any member; the key file is not in the archive', async () => {
    const run = await admin.ok('backup.now', {});
    const unpacked = mkdtempSync(join(tmpdir(), 'desk-scan-'));
    try {
      await extract({ file: run.file ?? '', cwd: unpacked });
      const members = filesUnder(unpacked).map((path) => path.slice(unpacked.length + 1));
      expect(members).toContain('manifest.json');
      expect(members).toContain('after-sales.db');
      expect(members.some((m) => m.endsWith(SECRET_KEY_FILE))).toBe(false);
      const manifest = readFileSync(join(unpacked, 'manifest.json'), 'utf8');
      for (const secret of SECRETS) expect(manifest).not.toContain(secret);
      for (const member of filesUnder(unpacked)) expect(secretsIn(member), member).toEqual([]);
      // The sealed text is what the database carries.
      expect(readFileSync(join(unpacked, 'after-sales.db')).includes(Buffer.from('file:v1:'))).toBe(true);
    } finally {
      rmSync(unpacked, { recursive: true, force: true });
    }
  });

  it('is nowhere in clear in the data folder (database, WAL, history, exports)', async () => {
    await admin.ok('backup.now', {});
    app.core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const files = filesUnder(app.core.dataDir);
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) expect(secretsIn(file), file).toEqual([]);
  });
});

describe('restoring a backup', () => {
  it('on this PC keeps the secrets usable', async () => {
    const run = await admin.ok('backup.now', {});
    const inspection = await admin.ok('backup.inspect', { file: run.file ?? '' });
    await admin.ok('backup.restore', {
      file: run.file ?? '',
      expectCreatedAt: inspection.manifest.createdAt,
    });
    const again = app.connect();
    await again.ok('auth.signIn', { username: 'admin', password: 'counter-admin-1' });
    const view = await again.ok('channels.get', {});
    expect([view.sms.accessKeySecret, view.email.password]).toEqual(['set', 'set']);
    expect((await again.ok('channels.test', { channel: 'sms', to: '13800138000' })).ok).toBe(true);
  });

  it('on another PC brings the settings but not the secrets: they must be typed again', async () => {
    const run = await admin.ok('backup.now', {});
    const other = startBackupApp();
    try {
      const otherAdmin = await setUpShop(other);
      const inspection = await otherAdmin.ok('backup.inspect', { file: run.file ?? '' });
      await otherAdmin.ok('backup.restore', {
        file: run.file ?? '',
        expectCreatedAt: inspection.manifest.createdAt,
      });
      const restored = other.connect();
      await restored.ok('auth.signIn', { username: 'admin', password: 'counter-admin-1' });
      const view = await restored.ok('channels.get', {});
      expect(view.sms).toMatchObject({ enabled: true, signName: '城东维修', accessKeySecret: 'unreadable' });
      expect(view.email).toMatchObject({ host: '127.0.0.1', password: 'unreadable' });
      expect(other.core.deps.messageProviders?.('sms')).toBeNull();
      expect(other.core.deps.messageProviders?.('email')).toBeNull();
      expect(
        await restored.call('channels.test', { channel: 'email', to: 'owner@example.com' }),
      ).toMatchObject({
        ok: false,
        error: { reason: 'channelSecretUnreadable', params: { channel: 'email' } },
      });
      expect(smtp.mails).toHaveLength(0);
    } finally {
      other.cleanup();
    }
  });
});
