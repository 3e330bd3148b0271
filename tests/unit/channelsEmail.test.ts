import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/main/services/channels/provider';
import {
  createSmtpEmailProvider,
  mapMailError,
  type SmtpConfig,
} from '../../src/main/services/channels/smtpEmail';
import { startSmtpDouble, type SmtpDouble } from './smtpDouble';

const USER = 'service@chengdong.example';
const PASSWORD = 'mailbox-密码-1';
const SUBJECT = '您的设备已修好，可以取机 · 城东维修中心';
const TEXT =
  '张先生您好：\n您送修的 iPhone 13（工单 BJ01-20261123-0007）已修好，费用 ¥280.00。\n营业时间 9:00–21:00，请凭取机凭条取机。';

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  idempotencyKey: '0193a8f0-7c5e-7000-8000-00000000beef',
  event: 'readyForPickup',
  to: 'zhang.san@example.com',
  subject: SUBJECT,
  text: TEXT,
  params: {},
  ...over,
});

let double: SmtpDouble | null = null;
afterEach(async () => {
  await double?.close();
  double = null;
});

function config(port: number, over: Partial<SmtpConfig> = {}): SmtpConfig {
  return {
    host: '127.0.0.1',
    port,
    security: 'starttls',
    username: USER,
    password: PASSWORD,
    fromAddress: USER,
    fromName: '城东维修中心',
    ...over,
  };
}

describe('e-mail over SMTP (nodemailer) to a real smtp-server on 127.0.0.1', () => {
  it('delivers over STARTTLS with the account, Chinese subject and body intact in UTF-8', async () => {
    double = await startSmtpDouble({ user: USER, password: PASSWORD, secure: false });
    const mail = createSmtpEmailProvider(config(double.port), { trust: [double.cert] });
    const result = await mail.send(message());
    expect(result).toEqual({
      ok: true,
      providerMessageId: '<0193a8f0-7c5e-7000-8000-00000000beef@after-sales-desk>',
    });
    expect(double.mails).toHaveLength(1);
    const [received] = double.mails;
    expect(received?.user).toBe(USER);
    expect(received?.secure).toBe(true);
    expect(received?.parsed.subject).toBe(SUBJECT);
    expect(received?.parsed.text?.trimEnd()).toBe(TEXT);
    expect(received?.parsed.from?.value).toEqual([{ address: USER, name: '城东维修中心' }]);
    expect(received?.parsed.messageId).toBe('<0193a8f0-7c5e-7000-8000-00000000beef@after-sales-desk>');
    // The wire itself: 7-bit headers (RFC 2047 words) and a UTF-8 text part.
    expect(received?.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(received?.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(received?.raw).not.toContain(PASSWORD);
  });

  it('delivers over TLS from the first byte (port 465 style)', async () => {
    double = await startSmtpDouble({ user: USER, password: PASSWORD, secure: true });
    const mail = createSmtpEmailProvider(config(double.port, { security: 'tls' }), { trust: [double.cert] });
    expect(await mail.send(message())).toMatchObject({ ok: true });
    expect(double.mails[0]?.secure).toBe(true);
    expect(double.mails[0]?.parsed.subject).toBe(SUBJECT);
  });

  it('delivers in plain text when the shop chose no encryption', async () => {
    double = await startSmtpDouble({ user: USER, password: PASSWORD, secure: false });
    const mail = createSmtpEmailProvider(config(double.port, { security: 'none' }));
    expect(await mail.send(message())).toMatchObject({ ok: true });
    expect(double.mails[0]?.secure).toBe(false);
    expect(double.mails[0]?.parsed.text?.trimEnd()).toBe(TEXT);
  });

  it('does not retry a wrong password (535) and says what the server said', async () => {
    double = await startSmtpDouble({ user: USER, password: PASSWORD, secure: false });
    const mail = createSmtpEmailProvider(config(double.port, { password: 'wrong' }), {
      trust: [double.cert],
    });
    const result = await mail.send(message());
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(!result.ok && result.reason).toContain('535');
    expect(!result.ok && result.reason).toContain('EAUTH');
    expect(double.mails).toHaveLength(0);
  });

  it('retries a busy mailbox (450) but not one that does not exist (550)', async () => {
    double = await startSmtpDouble({ user: USER, password: PASSWORD, secure: false });
    const mail = createSmtpEmailProvider(config(double.port), { trust: [double.cert] });
    double.refuseNextRecipient(450, 'Mailbox busy, try later');
    expect(await mail.send(message())).toMatchObject({ ok: false, retryable: true });
    double.refuseNextRecipient(550, 'No such user here');
    const gone = await mail.send(message());
    expect(gone).toMatchObject({ ok: false, retryable: false });
    expect(!gone.ok && gone.reason).toContain('No such user here');
    expect(double.mails).toHaveLength(0);
  });

  it('does not send through a server whose certificate it does not trust', async () => {
    double = await startSmtpDouble({ user: USER, password: PASSWORD, secure: true });
    const mail = createSmtpEmailProvider(config(double.port, { security: 'tls' }), { timeoutMs: 3_000 });
    const result = await mail.send(message());
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(!result.ok && result.reason).toContain('self-signed certificate');
    expect(double.mails).toHaveLength(0);
  });

  it('retries when no server answers, and refuses a bad address without connecting', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const mail = createSmtpEmailProvider(config(port));
    const offline = await mail.send(message());
    expect(offline).toMatchObject({ ok: false, retryable: true });
    expect(!offline.ok && offline.reason).toContain('ECONNREFUSED');
    expect(await mail.send(message({ to: 'not-an-address' }))).toEqual({
      ok: false,
      retryable: false,
      reason: '不是有效的邮箱地址：not-an-address',
    });
  });

  it('maps SMTP reply codes before error codes', () => {
    expect(mapMailError({ code: 'EENVELOPE', responseCode: 452, response: '452 too many' })).toMatchObject({
      retryable: true,
    });
    expect(mapMailError({ code: 'EMESSAGE', responseCode: 554, response: '554 rejected' })).toMatchObject({
      retryable: false,
    });
    expect(mapMailError({ code: 'ETIMEDOUT', message: 'Timeout' })).toMatchObject({ retryable: true });
    expect(mapMailError({ code: 'ETLS', message: 'bad TLS' })).toMatchObject({ retryable: false });
  });
});
