import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeNotice } from '@shared/schemas/lan';
import type { NoticeFeed } from '../lan/notices';

/** A comment this often keeps idle streams alive through proxies and shows a dead host quickly. */
export const PING_MS = 15_000;

/**
 * `GET /events`: the change feed as server-sent events, one `data: <ChangeNotice JSON>` message per
 * notice. The server keeps its open streams so closing it ends them cleanly (an open stream would
 * otherwise hold `server.close()` forever).
 */
export class EventStreams {
  private readonly open = new Set<() => void>();

  serve(feed: NoticeFeed, req: IncomingMessage, res: ServerResponse, terminalId: string | null): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      connection: 'keep-alive',
    });
    // A first comment flushes the headers: the screen knows it listens from here on.
    res.write(': connected\n\n');
    const write = (notice: ChangeNotice) => {
      res.write(`data: ${JSON.stringify(notice)}\n\n`);
      // A revoked terminal hears why, then its stream ends (its key opens no new one).
      if (notice.kind === 'signedOut' && notice.reason === 'revoked') end();
    };
    const unsubscribe = feed.subscribe(write, terminalId);
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
    const end = () => {
      if (!this.open.delete(end)) return;
      unsubscribe();
      clearInterval(ping);
      res.end();
    };
    this.open.add(end);
    req.on('close', end);
    res.on('error', end);
  }

  closeAll(): void {
    for (const end of [...this.open]) end();
  }
}
