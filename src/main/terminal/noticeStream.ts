import type { IncomingMessage } from 'node:http';
import { createParser } from 'eventsource-parser';
import { changeNotice, type ChangeNotice } from '@shared/schemas/lan';
import { failureOf, openRequest, type HostFailure } from './hostRequest';
import type { PinnedAgent } from './pinnedAgent';

export interface Backoff {
  /** The wait before the first reconnect; doubled after each failure up to `maxMs`. */
  firstMs: number;
  maxMs: number;
}

/** Where the stream stands: open (the host answered 200), or why not. */
export type StreamState =
  { kind: 'open' } | { kind: 'failed'; failure: HostFailure } | { kind: 'refused'; status: number };

export interface NoticeStreamOptions {
  agent: PinnedAgent;
  base: URL;
  headers: Record<string, string>;
  /** Silence (no notice, no comment) after which the stream is taken for dead and opened anew. */
  idleMs: number;
  backoff: Backoff;
  onNotice(notice: ChangeNotice): void;
  onState(state: StreamState): void;
}

/** One notice from one `data:`; anything that is not a ChangeNotice is dropped. */
function noticeOf(data: string): ChangeNotice | null {
  try {
    const parsed = changeNotice.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Keeps `GET /events` open: each server-sent event's data is one ChangeNotice. When the host goes
 * away (refused, reset, silent past `idleMs`), it waits and opens the stream again, the wait doubling
 * up to `backoff.maxMs`; an open stream resets the wait. Returns the function that stops it.
 */
export function openNoticeStream(options: NoticeStreamOptions): () => void {
  let stopped = false;
  let wait = options.backoff.firstMs;
  let timer: NodeJS.Timeout | null = null;
  let current: { destroy(): void } | null = null;

  const retry = (state: StreamState): void => {
    current = null;
    if (stopped) return;
    options.onState(state);
    timer = setTimeout(connect, wait);
    wait = Math.min(wait * 2, options.backoff.maxMs);
  };

  const follow = (response: IncomingMessage): void => {
    if (response.statusCode !== 200) {
      response.resume();
      // A refusal (a revoked key) will not change soon: ask again at the slowest pace.
      wait = options.backoff.maxMs;
      retry({ kind: 'refused', status: response.statusCode ?? 0 });
      return;
    }
    wait = options.backoff.firstMs;
    options.onState({ kind: 'open' });
    const parser = createParser({
      onEvent: (event) => {
        const notice = noticeOf(event.data);
        if (notice && !stopped) options.onNotice(notice);
      },
    });
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => parser.feed(chunk));
    let ended = false;
    const end = (detail: string): void => {
      if (ended) return;
      ended = true;
      retry({ kind: 'failed', failure: { kind: 'unreachable', detail } });
    };
    response.once('end', () => end('the host closed the notice stream'));
    response.once('error', (error) => end(String(error)));
    response.once('close', () => end('the notice stream closed'));
  };

  const connect = (): void => {
    timer = null;
    if (stopped) return;
    const opened = openRequest(options.agent, options.base, {
      method: 'GET',
      path: '/events',
      headers: { ...options.headers, accept: 'text/event-stream' },
      // On a streaming answer the socket's idle timeout is the "host went silent" limit.
      timeoutMs: options.idleMs,
    });
    current = opened.req;
    opened.response.then(follow, (error: unknown) => retry({ kind: 'failed', failure: failureOf(error) }));
  };

  connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    current?.destroy();
    current = null;
  };
}
