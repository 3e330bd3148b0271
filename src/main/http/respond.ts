import type { IncomingMessage, ServerResponse } from 'node:http';
import { rpcError, type Envelope } from '@shared/errors';
import { readBody } from './body';

export type Headers = Record<string, string | string[]>;

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Headers = {},
) {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, envelope: unknown, headers: Headers = {}) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(envelope), {
    'cache-control': 'no-store',
    ...headers,
  });
}

function refusal(problem: 'tooLarge' | 'notUtf8' | 'notJson', message: string): Envelope<never> {
  return { ok: false, error: rpcError('badRequest', { problem }, message) };
}

/**
 * A request's JSON body (an empty body is `{}`), or null once a refusal has been sent: too large a
 * body 413, broken UTF-8 or broken JSON 400, each as an envelope the renderer can word.
 */
export async function readJson(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): Promise<{ input: unknown } | null> {
  const body = await readBody(req, limit);
  if (body.kind === 'tooLarge') {
    sendJson(res, 413, refusal('tooLarge', 'request too large'));
    return null;
  }
  if (body.kind === 'notUtf8') {
    sendJson(res, 400, refusal('notUtf8', 'body is not UTF-8'));
    return null;
  }
  try {
    return { input: body.text.trim() === '' ? {} : (JSON.parse(body.text) as unknown) };
  } catch {
    sendJson(res, 400, refusal('notJson', 'body is not JSON'));
    return null;
  }
}
