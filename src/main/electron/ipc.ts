import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { rpcError, type Envelope, type RpcError } from '@shared/errors';
import type { Core } from '../core';
import type { Connection } from '../services/context';
import { isTrustedSender } from './security';

/** The one IPC channel; the preload's window.api.invoke is its only caller. */
const RPC_CHANNEL = 'rpc';
/** Main → window: the host's change feed (the preload's window.api.onNotice). */
export const NOTICE_CHANNEL = 'notice';

function fail(error: RpcError): Envelope<never> {
  return { ok: false, error };
}

/** The sender frame can be gone (navigated or closed) by the time the call arrives. */
export function senderUrl(event: IpcMainInvokeEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

/**
 * Route `rpc` calls into the core's dispatch. Each window (webContents) is one connection with its
 * own session, like one browser tab in browser mode, and hears the change feed once it has called.
 * Returns a function that unregisters the channel.
 */
export function registerRpc(core: Core, appUrl: string): () => void {
  const connections = new Map<number, Connection>();
  const windows = new Map<number, WebContents>();
  const stopNotices = core.notices.subscribe((notice) => {
    for (const contents of windows.values())
      if (!contents.isDestroyed()) contents.send(NOTICE_CHANNEL, notice);
  });

  function connectionFor(sender: WebContents): Connection {
    const existing = connections.get(sender.id);
    if (existing) return existing;
    windows.set(sender.id, sender);
    const conn: Connection = {
      sessionId: null,
      setSessionId(id) {
        conn.sessionId = id;
      },
    };
    connections.set(sender.id, conn);
    const id = sender.id;
    // A closed window signs its user out; the id may be reused by a later window.
    sender.once('destroyed', () => {
      if (conn.sessionId) core.deps.sessions.end(conn.sessionId);
      connections.delete(id);
      windows.delete(id);
    });
    return conn;
  }

  const stopRpc = handleRpcChannel(appUrl, async (sender, method, input) => {
    try {
      return await core.dispatch(method, input, connectionFor(sender));
    } catch (error) {
      // dispatch promises never to throw; keep the envelope contract even if it does.
      core.deps.log.error(`rpc ${method} failed`, error);
      return fail(rpcError('internal', {}, 'internal error'));
    }
  });
  return () => {
    stopNotices();
    stopRpc();
  };
}

/**
 * The `rpc` channel with its checks: only the app's own page may call, and the method must be a
 * string. `route` answers the rest: the core's dispatch on the host, the host link on a terminal.
 */
export function handleRpcChannel(
  appUrl: string,
  route: (sender: WebContents, method: string, input: unknown) => Promise<Envelope<unknown>>,
): () => void {
  ipcMain.handle(RPC_CHANNEL, async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(senderUrl(event), appUrl))
      return fail(rpcError('untrustedSender', {}, 'untrusted sender'));
    if (typeof method !== 'string')
      return fail(rpcError('unknownMethod', { method: String(method) }, 'method must be a string'));
    return route(event.sender, method, input);
  });
  return () => ipcMain.removeHandler(RPC_CHANNEL);
}
