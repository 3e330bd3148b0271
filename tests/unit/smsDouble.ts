import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for dysmsapi.aliyuncs.com that checks every SendSms request the way Alibaba Cloud
 * documents it (RPC signature v1.0, "Signature mechanism"; SendSms 2017-05-25 reference) and answers
 * with the documented reply shapes. It never trusts the client's encoding helpers: the signature is
 * recomputed here from the raw query, with its own percent-encoding, sorting and HMAC.
 */

/** Byte by byte: A–Z a–z 0–9 - _ . ~ kept, every other UTF-8 byte as %XY in upper case. */
function docEncode(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export const REQUIRED = [
  'AccessKeyId',
  'Action',
  'Format',
  'OutId',
  'PhoneNumbers',
  'SignName',
  'Signature',
  'SignatureMethod',
  'SignatureNonce',
  'SignatureVersion',
  'TemplateCode',
  'Timestamp',
  'Version',
] as const;
const OPTIONAL = ['TemplateParam', 'SmsUpExtendCode', 'RegionId'];

export interface SmsRequest {
  params: Record<string, string>;
  /** What the double found wrong with the request; empty for a request as documented. */
  problems: string[];
}

/** A reply the double gives instead of OK (the documented error shapes), or a delay before answering. */
export type Scripted =
  | { status: number; body: Record<string, string> | string; headers?: Record<string, string> }
  | { delayMs: number };

export interface SmsDouble {
  url: string;
  requests: SmsRequest[];
  /** Replies for the next well-formed requests, in order; afterwards OK. */
  script(...replies: Scripted[]): void;
  close(): Promise<void>;
}

export interface SmsDoubleOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** The double's clock, to check Timestamp against (±15 minutes, as Alibaba does). */
  now: () => number;
}

export function errorReply(code: string, message: string, status = 200): Scripted {
  return {
    status,
    body: { RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990', Code: code, Message: message },
  };
}

export function checkRequest(rawQuery: string, options: SmsDoubleOptions, nonces: Set<string>): SmsRequest {
  const problems: string[] = [];
  const params: Record<string, string> = {};
  const rawPairs: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    const eq = part.indexOf('=');
    const [rawName, rawValue] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    if (rawValue.includes('+')) problems.push(`${rawName}: + in the query (a space must be %20)`);
    const name = decodeURIComponent(rawName);
    const value = decodeURIComponent(rawValue);
    if (name in params) problems.push(`${name} twice`);
    params[name] = value;
    rawPairs.push([rawName, rawValue]);
  }
  for (const name of REQUIRED) if (!params[name]) problems.push(`${name} missing`);
  for (const name of Object.keys(params))
    if (!(REQUIRED as readonly string[]).includes(name) && !OPTIONAL.includes(name))
      problems.push(`${name} is not a SendSms parameter`);
  const expect = (name: string, value: string) => {
    if (params[name] !== undefined && params[name] !== value)
      problems.push(`${name} is ${params[name]}, not ${value}`);
  };
  expect('Action', 'SendSms');
  expect('Version', '2017-05-25');
  expect('Format', 'JSON');
  expect('SignatureMethod', 'HMAC-SHA1');
  expect('SignatureVersion', '1.0');
  const stamp = params.Timestamp ?? '';
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(stamp))
    problems.push(`Timestamp ${stamp} is not yyyy-MM-ddTHH:mm:ssZ`);
  else if (Math.abs(Date.parse(stamp) - options.now()) > 15 * 60_000) problems.push('Timestamp is stale');
  const nonce = params.SignatureNonce ?? '';
  if (nonces.has(nonce)) problems.push('SignatureNonce used before');
  nonces.add(nonce);
  if (params.TemplateParam !== undefined) {
    try {
      const json: unknown = JSON.parse(params.TemplateParam);
      if (typeof json !== 'object' || json === null || Array.isArray(json))
        problems.push('TemplateParam is not a JSON object');
    } catch {
      problems.push('TemplateParam is not JSON');
    }
  }
  // Every name and value as the document encodes it, byte for byte.
  for (const [rawName, rawValue] of rawPairs) {
    const name = decodeURIComponent(rawName);
    if (rawName !== docEncode(name)) problems.push(`${name}: name not encoded as documented`);
    if (rawValue !== docEncode(decodeURIComponent(rawValue)))
      problems.push(`${name}: value not encoded as documented`);
  }
  return { params, problems };
}

/** The signature Alibaba would compute for these parameters (everything but Signature). */
export function documentedSignature(params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${docEncode(name)}=${docEncode(params[name] ?? '')}`)
    .join('&');
  const stringToSign = `GET&${docEncode('/')}&${docEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
}

export async function startSmsDouble(options: SmsDoubleOptions): Promise<SmsDouble> {
  const requests: SmsRequest[] = [];
  const queue: Scripted[] = [];
  const nonces = new Set<string>();
  let sent = 0;
  const server: Server = createServer((req, res) => {
    const answer = (status: number, body: Record<string, string> | string, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://double');
    if (req.method !== 'GET' || url.pathname !== '/') return answer(404, { Code: 'InvalidAction.NotFound' });
    const request = checkRequest((req.url ?? '').split('?')[1] ?? '', options, nonces);
    requests.push(request);
    const { params, problems } = request;
    // The gateway's own checks come first, with their documented codes.
    if (params.AccessKeyId !== options.accessKeyId)
      return answer(404, {
        RequestId: 'A1',
        HostId: 'dysmsapi.aliyuncs.com',
        Code: 'InvalidAccessKeyId.NotFound',
        Message: 'Specified access key is not found.',
      });
    if (params.Signature !== documentedSignature(params, options.accessKeySecret))
      return answer(400, {
        RequestId: 'A2',
        HostId: 'dysmsapi.aliyuncs.com',
        Code: 'SignatureDoesNotMatch',
        Message: 'Specified signature is not matched with our calculation.',
      });
    if (problems.length > 0)
      return answer(400, { RequestId: 'A3', Code: 'MissingParameter', Message: problems.join('; ') });
    const next = queue.shift();
    if (next && 'delayMs' in next) {
      setTimeout(
        () => answer(200, { RequestId: 'A4', Code: 'OK', Message: 'OK', BizId: `late^${++sent}` }),
        next.delayMs,
      );
      return;
    }
    if (next) return answer(next.status, next.body, next.headers);
    sent += 1;
    answer(200, { Message: 'OK', RequestId: `R${sent}`, Code: 'OK', BizId: `900619746936498${sent}^0` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => queue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
