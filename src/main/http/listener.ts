import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from '../services/context';
import { EventStreams } from './events';
import { send } from './respond';

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * What both listeners (loopback HTTP, LAN HTTPS) do around their own routes: a failed request is
 * logged and answered 500, the open event streams are kept, and closing frees the port at once.
 */
export class Listener {
  readonly streams = new EventStreams();
  private closing = false;

  constructor(
    private readonly log: Logger,
    private readonly handle: Handle,
  ) {}

  readonly onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    // A browser keeps its connections open and calls (or reopens /events) over them after close():
    // those would hold the port for minutes. Not an envelope: the screen shows the host away.
    if (this.closing) return send(res, 503, 'text/plain', 'stopping', { connection: 'close' });
    this.handle(req, res).catch((error: unknown) => {
      this.log.error('http request failed', error);
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
    });
  };

  close(server: Server): Promise<void> {
    this.closing = true;
    this.streams.closeAll();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Kept-alive connections must not hold the port; the streams just ended turn idle a moment later.
    server.closeIdleConnections();
    setImmediate(() => server.closeIdleConnections());
    return closed;
  }
}
