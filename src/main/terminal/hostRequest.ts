import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request } from 'node:https';
import { FingerprintMismatchError, type PinnedAgent } from './pinnedAgent';

export interface HostCall {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** How long the host may stay silent once the request is sent. */
  timeoutMs: number;
}

export interface HostAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Why a call got no answer: the host cannot be reached, or it is not the host that was paired. */
export type HostFailure = { kind: 'unreachable'; detail: string } | { kind: 'mismatch'; presented: string };

export type HostOutcome = { ok: true; answer: HostAnswer } | { ok: false; failure: HostFailure };

class AnswerTimeoutError extends Error {
  constructor(ms: number) {
    super(`the host did not answer within ${ms} ms`);
    this.name = 'AnswerTimeoutError';
  }
}

export function failureOf(error: unknown): HostFailure {
  if (error instanceof FingerprintMismatchError) return { kind: 'mismatch', presented: error.presented };
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: 'unreachable', detail: typeof code === 'string' ? `${code}: ${detail}` : detail };
}

/** Open a request through the pinned agent; `response` resolves with its head (body unread) or rejects. */
export function openRequest(
  agent: PinnedAgent,
  base: URL,
  call: HostCall,
): { req: ClientRequest; response: Promise<IncomingMessage> } {
  const req = request({
    agent,
    host: base.hostname,
    port: base.port || 443,
    method: call.method,
    path: call.path,
    headers: {
      ...call.headers,
      ...(call.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(call.body)) }),
    },
  });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
    // Counts from the moment the verified socket is the request's: connecting has its own limit.
    req.setTimeout(call.timeoutMs, () => req.destroy(new AnswerTimeoutError(call.timeoutMs)));
  });
  req.end(call.body);
  return { req, response };
}

function readAll(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.once('error', reject);
    response.once('aborted', () => reject(new Error('the host closed the answer early')));
  });
}

function isReset(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}

/**
 * One call to the host; never throws. A kept-alive socket the host closed meanwhile (it restarted, or
 * dropped the idle connection) is reset before any answer: that one call is sent again on a fresh
 * connection, as Node's documentation advises for `request.reusedSocket`. Once an answer has begun,
 * nothing is sent twice.
 */
export async function callHost(agent: PinnedAgent, base: URL, call: HostCall): Promise<HostOutcome> {
  for (let attempt = 0; ; attempt++) {
    const opened = openRequest(agent, base, call);
    let response: IncomingMessage;
    try {
      response = await opened.response;
    } catch (error) {
      if (attempt === 0 && opened.req.reusedSocket && isReset(error)) continue;
      return { ok: false, failure: failureOf(error) };
    }
    try {
      const body = await readAll(response);
      return { ok: true, answer: { status: response.statusCode ?? 0, headers: response.headers, body } };
    } catch (error) {
      return { ok: false, failure: failureOf(error) };
    }
  }
}
