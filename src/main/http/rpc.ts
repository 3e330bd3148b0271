import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TerminalRef } from '@shared/schemas/lan';
import type { Core } from '../core';
import type { Connection } from '../services/context';
import { bodyLimitOf } from './bodyLimit';
import { cookie } from './cookies';
import { readJson, sendJson } from './respond';
import { LAN_WIRE } from '@shared/lanWire';

/** The method a `POST /rpc/:method` path names, if it is one (the contract checks it exists). */
export function rpcMethodOf(pathname: string): string | null {
  return /^\/rpc\/([A-Za-z.]+)$/.exec(pathname)?.[1] ?? null;
}

/**
 * `POST /rpc/:method` on either listener: the body through the same checks, then the one dispatch.
 * The session travels in an HttpOnly cookie (Secure on HTTPS); a LAN call carries its terminal.
 */
export async function serveRpc(
  core: Pick<Core, 'dispatch'>,
  req: IncomingMessage,
  res: ServerResponse,
  call: { method: string; cookies: Map<string, string>; secure: boolean; terminal: TerminalRef | null },
): Promise<Connection | null> {
  const setCookies: string[] = [];
  const conn: Connection = {
    sessionId: call.cookies.get(LAN_WIRE.sessionCookie) ?? null,
    setSessionId(id) {
      this.sessionId = id;
      setCookies.push(cookie(LAN_WIRE.sessionCookie, id, { secure: call.secure }));
    },
    terminal: call.terminal,
  };
  const body = await readJson(req, res, bodyLimitOf(call.method));
  if (!body) return null;
  const envelope = await core.dispatch(call.method, body.input, conn);
  sendJson(res, 200, envelope, setCookies.length ? { 'set-cookie': setCookies } : {});
  return conn;
}
