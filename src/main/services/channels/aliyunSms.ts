import { createHmac, randomUUID } from 'node:crypto';
import type { MessageProvider, OutgoingMessage, SendResult } from './provider';
import { mainlandMobile } from './mobile';

/**
 * Alibaba Cloud SMS (dysmsapi, API version 2017-05-25, operation SendSms) over its RPC-style API,
 * signed with signature version 1.0 (HMAC-SHA1) exactly as "Signature mechanism" for RPC APIs
 * documents it (help.aliyun.com/document_detail/145075.html, also alibabacloud.com doc-detail 28139):
 *   1. every parameter except Signature, sorted by name, each name and value percent-encoded
 *      (UTF-8; A–Z a–z 0–9 - _ . ~ kept; everything else %XY in upper case; a space is %20, never +),
 *      joined as name=value with & → the canonicalized query string;
 *   2. StringToSign = "GET" + "&" + percentEncode("/") + "&" + percentEncode(canonicalized query);
 *   3. Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)), sent percent-encoded.
 * Request and reply fields are those of the SendSms reference (help.aliyun.com/document_detail/55284.html).
 */

export const SMS_API_VERSION = '2017-05-25';
export const DEFAULT_SMS_ENDPOINT = 'dysmsapi.aliyuncs.com';
/** The reference asks for at least 1 s; a slow shop line gets more. */
const DEFAULT_TIMEOUT_MS = 10_000;

export interface AliyunSmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** A host name (https) or a full address; see smsEndpoint. */
  endpoint: string;
  /** Approved template code per event; an event without one cannot be sent. */
  templateCodes: Readonly<Record<string, string>>;
}

export interface AliyunSmsOptions {
  /** The server's clock (Timestamp must be within minutes of Alibaba's). */
  now: () => number;
  timeoutMs?: number;
}

/** RFC 3986 percent-encoding as the signature document defines it (encodeURIComponent keeps !'()*). */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');
}

export function signRpc(params: Readonly<Record<string, string>>, accessKeySecret: string): string {
  const stringToSign = `GET&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}

export type EndpointCheck = { ok: true; url: string } | { ok: false; problem: 'notAddress' | 'plainHttp' };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Where requests go: a bare host (dysmsapi.aliyuncs.com, a regional one) means https; plain http is
 * taken only to this PC, for a local test double — the request names the AccessKey ID and is signed.
 */
export function smsEndpoint(text: string): EndpointCheck {
  const trimmed = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'notAddress' };
  }
  if (url.username || url.password || url.search || url.hash || !['/', ''].includes(url.pathname))
    return { ok: false, problem: 'notAddress' };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return { ok: false, problem: 'plainHttp' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'notAddress' };
  return { ok: true, url: `${url.protocol}//${url.host}/` };
}

/** Codes the SendSms and gateway references name for load, limits and passing faults: try again later. */
const RETRYABLE_CODES = new Set([
  'isv.BUSINESS_LIMIT_CONTROL',
  'isv.DAY_LIMIT_CONTROL',
  'Throttling',
  'Throttling.User',
  'Throttling.Api',
  'ServiceUnavailable',
  'InternalError',
  'isp.SYSTEM_ERROR',
  'isp.GATEWAY_ERROR',
  // A fresh nonce goes with every attempt.
  'SignatureNonceUsed',
]);

interface SmsReply {
  Code?: unknown;
  Message?: unknown;
  BizId?: unknown;
}

function readReply(text: string): SmsReply | null {
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null ? (json as SmsReply) : null;
  } catch {
    return null;
  }
}

/** What the reply means for the outbox: sent, worth another try, or refused for good. */
export function mapSmsReply(status: number, body: string): SendResult {
  const reply = readReply(body);
  const code = typeof reply?.Code === 'string' ? reply.Code : null;
  const message = typeof reply?.Message === 'string' ? reply.Message : null;
  if (status === 200 && code === 'OK' && typeof reply?.BizId === 'string' && reply.BizId !== '')
    return { ok: true, providerMessageId: reply.BizId };
  const said = code ? `${message ?? code}（${code}）` : `HTTP ${status}`;
  if (status >= 500 || (code !== null && RETRYABLE_CODES.has(code)))
    return { ok: false, retryable: true, reason: said };
  if (!code) return { ok: false, retryable: false, reason: `短信平台的回复无法识别（HTTP ${status}）` };
  return { ok: false, retryable: false, reason: said };
}

function networkFailure(error: unknown): SendResult {
  const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  return {
    ok: false,
    retryable: true,
    reason: timedOut ? '短信平台无应答（超时）' : `无法连接短信平台${cause ? `：${cause}` : ''}`,
  };
}

export function createAliyunSmsProvider(config: AliyunSmsConfig, options: AliyunSmsOptions): MessageProvider {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    channel: 'sms',
    async send(message: OutgoingMessage): Promise<SendResult> {
      const phone = mainlandMobile(message.to);
      if (!phone) return { ok: false, retryable: false, reason: `不是有效的中国大陆手机号：${message.to}` };
      const templateCode = config.templateCodes[message.event] ?? '';
      if (!templateCode)
        return { ok: false, retryable: false, reason: `消息事件“${message.event}”没有设置短信模板 CODE` };
      const endpoint = smsEndpoint(config.endpoint);
      if (!endpoint.ok)
        return { ok: false, retryable: false, reason: `短信接入地址无效：${config.endpoint}` };
      const params: Record<string, string> = {
        AccessKeyId: config.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        OutId: message.idempotencyKey,
        PhoneNumbers: phone,
        SignName: config.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: templateCode,
        // yyyy-MM-ddTHH:mm:ssZ in UTC, as the common parameters ask.
        Timestamp: new Date(options.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: SMS_API_VERSION,
      };
      if (Object.keys(message.params).length > 0) params.TemplateParam = JSON.stringify(message.params);
      let url: string;
      try {
        const signature = signRpc(params, config.accessKeySecret);
        url = `${endpoint.url}?Signature=${percentEncode(signature)}&${canonicalQuery(params)}`;
      } catch (error) {
        // Text that cannot be encoded (a lone surrogate) will not encode on a retry either.
        return { ok: false, retryable: false, reason: `短信内容无法编码：${String(error)}` };
      }
      try {
        // A redirect would carry the signed request elsewhere: not followed, it counts as a failed send.
        const response = await fetch(url, {
          method: 'GET',
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        return mapSmsReply(response.status, await response.text());
      } catch (error) {
        return networkFailure(error);
      }
    },
  };
}
