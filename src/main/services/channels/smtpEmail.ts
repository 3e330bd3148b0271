import { createTransport } from 'nodemailer';
import { z } from 'zod';
import type { SmtpSecurity } from '@shared/schemas/channels';
import type { MessageProvider, OutgoingMessage, SendResult } from './provider';

/** The shop's mailbox over SMTP, through nodemailer (UTF-8 headers and body, STARTTLS, TLS, AUTH). */
export interface SmtpConfig {
  host: string;
  port: number;
  security: SmtpSecurity;
  /** '' for a relay that takes mail without signing in. */
  username: string;
  password: string;
  fromAddress: string;
  fromName: string;
}

export interface SmtpOptions {
  /** Extra certificate authorities to trust (a test's own server); the system's are trusted anyway. */
  trust?: string[];
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const emailAddress = z.email();

/** Failures of the line or the server's moment (nodemailer's codes): another try may go through. */
const PASSING = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET', 'ECONNREFUSED']);

interface MailError {
  code?: unknown;
  /** The socket's own code under nodemailer's (a TLS certificate refusal, ECONNREFUSED…). */
  originalCode?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
}

/**
 * An SMTP reply code decides first (4xx: try later; 5xx: refused for good, e.g. 535 bad password,
 * 550 no such mailbox); without one, a network failure is retryable and a bad setting (an untrusted
 * certificate, TLS refused) is not.
 */
export function mapMailError(error: unknown): SendResult {
  const e: MailError = typeof error === 'object' && error !== null ? (error as MailError) : {};
  const code = typeof e.code === 'string' ? e.code : '';
  const reply = typeof e.responseCode === 'number' ? e.responseCode : null;
  const said =
    typeof e.response === 'string' && e.response
      ? e.response
      : typeof e.message === 'string'
        ? e.message
        : String(error);
  const reason = code ? `${said}（${code}）` : said;
  if (reply !== null) return { ok: false, retryable: reply >= 400 && reply < 500, reason };
  // A certificate this PC does not trust stays untrusted on the next try: a setting to fix.
  const original = typeof e.originalCode === 'string' ? e.originalCode : '';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|^ERR_TLS/.test(original))
    return { ok: false, retryable: false, reason: `${said}（${original}）` };
  return { ok: false, retryable: PASSING.has(code), reason };
}

export function createSmtpEmailProvider(config: SmtpConfig, options: SmtpOptions = {}): MessageProvider {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    auth: config.username ? { user: config.username, pass: config.password } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    tls: options.trust ? { ca: options.trust } : undefined,
    // Nothing of the conversation (the AUTH line included) goes to any log.
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    channel: 'email',
    async send(message: OutgoingMessage): Promise<SendResult> {
      if (!emailAddress.safeParse(message.to.trim()).success)
        return { ok: false, retryable: false, reason: `不是有效的邮箱地址：${message.to}` };
      try {
        const info = await transport.sendMail({
          from: { name: config.fromName, address: config.fromAddress },
          to: message.to.trim(),
          subject: message.subject ?? '',
          text: message.text,
          // Stable across retries: a receiving server that has seen it may drop the copy.
          messageId: `<${message.idempotencyKey}@after-sales-desk>`,
        });
        return { ok: true, providerMessageId: info.messageId };
      } catch (error) {
        return mapMailError(error);
      } finally {
        transport.close();
      }
    },
  };
}
