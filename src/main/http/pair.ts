import type { IncomingMessage, ServerResponse } from 'node:http';
import { rpcError, type Envelope, type RpcError } from '@shared/errors';
import { pairInput, type PairResult } from '@shared/schemas/lan';
import type { Core } from '../core';
import type { PairingCodes } from '../lan/pairing';
import { fieldIssues } from '../rpc/dispatch';
import { illFormedText } from '../rpc/wellFormed';
import { pairTerminal } from '../services/terminals';
import { cookie } from './cookies';
import { readJson, sendJson } from './respond';
import { LAN_WIRE } from '@shared/lanWire';

/** A browser keeps its key in a cookie for about ten years: the admin revokes it, it does not expire. */
const KEY_COOKIE_SECONDS = 10 * 365 * 86_400;
/** A code and a name fit many times over. */
const PAIR_BODY_BYTES = 16 * 1024;

function refuse(res: ServerResponse, error: RpcError): void {
  sendJson(res, 200, { ok: false, error } satisfies Envelope<never>);
}

/**
 * `POST /pair` on the LAN listener: `{code, name}` → a new terminal and its key. The body passes the
 * same checks as a call (size, UTF-8, JSON, well-formed text, the schema); then the code is tried
 * (five wrong tries void it). A browser gets the key as an HttpOnly cookie only; the desktop
 * terminal (`x-desk-client: desktop`) gets it in the body too.
 */
export async function servePair(
  core: Pick<Core, 'deps'>,
  req: IncomingMessage,
  res: ServerResponse,
  host: { pairing: PairingCodes; fingerprint: string },
): Promise<void> {
  const body = await readJson(req, res, PAIR_BODY_BYTES);
  if (!body) return;
  const malformed = illFormedText(body.input);
  const parsed = pairInput.safeParse(body.input ?? {});
  if (malformed.length > 0 || !parsed.success) {
    const fields = malformed.length > 0 ? malformed : parsed.success ? [] : fieldIssues(parsed.error);
    return refuse(res, { ...rpcError('invalidInput', {}, 'invalid input'), details: { fields } });
  }
  const { backup } = core.deps;
  if (backup?.damaged()) return refuse(res, rpcError('databaseDamaged', {}, 'the database is damaged'));
  if (backup?.blocks('terminals.pair'))
    return refuse(res, rpcError('restoreInProgress', {}, 'data is being restored or reset'));

  const attempt = host.pairing.attempt(parsed.data.code);
  if (!attempt.ok) {
    return refuse(
      res,
      'triesLeft' in attempt
        ? rpcError('pairingCodeWrong', { triesLeft: attempt.triesLeft }, 'wrong pairing code')
        : rpcError('pairingCodeVoid', {}, 'no pairing code is open'),
    );
  }
  const { terminal, key } = pairTerminal(core.deps, parsed.data.name);
  const desktop = req.headers[LAN_WIRE.clientHeader] === LAN_WIRE.desktopClient;
  const data: PairResult = { terminal, fingerprint: host.fingerprint, ...(desktop ? { key } : {}) };
  sendJson(res, 200, { ok: true, data } satisfies Envelope<PairResult>, {
    'set-cookie': cookie(LAN_WIRE.terminalCookie, key, { secure: true, maxAge: KEY_COOKIE_SECONDS }),
  });
}
