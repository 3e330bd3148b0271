import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from './audit';
import { epochMs, id } from './common';

/** The LAN port the host listens on by default (HTTPS). */
export const DEFAULT_LAN_PORT = 8443;

export const terminalName = z.string().trim().min(1).max(40);

/** Host mode as the admin sets it (设置 → 局域网共享); off by default. */
export const lanSettings = z
  .object({
    enabled: z.boolean(),
    /** The LAN address to listen on; `0.0.0.0` is every address of this PC. */
    address: z.union([z.ipv4(), z.literal('0.0.0.0')]),
    port: z.int().min(1024).max(65535),
  })
  .strict();
export type LanSettings = z.infer<typeof lanSettings>;

/** An address a terminal can open, with its pairing QR payload built from it. */
export const hostAddress = z.object({ address: z.string(), url: z.string() });

export const pairingCode = z.object({
  /** Six digits, shown on the host; one at a time, valid ten minutes, five wrong tries void it. */
  code: z.string().regex(/^\d{6}$/),
  expiresAt: epochMs,
  triesLeft: z.int().nonnegative(),
});
export type PairingCode = z.infer<typeof pairingCode>;

export const lanStatus = z.object({
  settings: lanSettings,
  /** Listening right now (false while off, or when the port could not be opened). */
  running: z.boolean(),
  /** Why the listener is not running although it is enabled (e.g. the port is taken). */
  listenError: z.string().nullable(),
  /** SHA-256 of the host certificate, `AB:CD:…`: what terminals pin. */
  fingerprint: z.string(),
  addresses: z.array(hostAddress),
  pairing: pairingCode.nullable(),
});
export type LanStatus = z.infer<typeof lanStatus>;

export const terminalRow = z.object({
  id,
  name: z.string(),
  /** The address it last called from. */
  address: z.string().nullable(),
  pairedAt: epochMs,
  lastSeenAt: epochMs.nullable(),
  /** Who is signed in there now (display name), if anyone. */
  signedInAs: z.string().nullable(),
  revokedAt: epochMs.nullable(),
});
export type TerminalRow = z.infer<typeof terminalRow>;

export const renameTerminalInput = z.object({ id, name: terminalName }).strict();

/** What `POST /pair` takes on the host's HTTPS address; the key comes back as a cookie or in the body. */
export const pairInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/),
    name: terminalName,
  })
  .strict();
export const pairResult = z.object({
  terminal: z.object({ id, name: z.string() }),
  /** The terminal key: kept by the desktop terminal; a browser gets it as an HttpOnly cookie instead. */
  key: z.string().optional(),
  fingerprint: z.string(),
});
export type PairResult = z.infer<typeof pairResult>;

/** Which terminal a call came from; absent on the host's own screen. */
export const terminalRef = z.object({ id, name: z.string() });
export type TerminalRef = z.infer<typeof terminalRef>;

/**
 * What the host pushes to every screen after a write: one per audit row the write made (entity, id,
 * action), or `signedOut` when a restore replaced the data under everyone.
 */
export const changeNotice = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('change'),
    entity: z.enum(AUDIT_ENTITIES),
    id: z.string().nullable(),
    action: z.enum(AUDIT_ACTIONS),
  }),
  z.object({ kind: z.literal('signedOut'), reason: z.enum(['restored', 'revoked']) }),
]);
export type ChangeNotice = z.infer<typeof changeNotice>;

/**
 * The host's address as a person types it on a desktop terminal (`192.168.1.20`, `192.168.1.20:8443`
 * or `https://…`), as the base URL `https://address:port`; no port means the default LAN port. Plain
 * http, credentials or a path are refused: the host answers terminals over HTTPS only.
 */
export const hostUrl = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .transform((text, ctx) => {
    const url = URL.parse(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    const plain = url && url.pathname.replace(/\/+$/, '') === '' && !url.search && !url.hash;
    if (!url || url.protocol !== 'https:' || url.username || url.password || !plain || !url.hostname) {
      ctx.addIssue({ code: 'custom', message: 'an https address of the host, e.g. 192.168.1.20:8443' });
      return z.NEVER;
    }
    return `https://${url.hostname}:${url.port || DEFAULT_LAN_PORT}`;
  });

/** SHA-256 of a certificate as the host shows it: 32 bytes in hex, colons or spaces allowed. */
export const certificateFingerprint = z
  .string()
  .trim()
  .regex(/^(?:[0-9a-fA-F]{2}[:\s]?){31}[0-9a-fA-F]{2}$/);

/** The desktop app's first run, "connect to the shop's host": address, pairing code, this PC's name. */
export const connectHostInput = z
  .object({
    url: hostUrl,
    code: pairInput.shape.code,
    name: terminalName,
    /** From the host's screen or QR code; when given, a host showing another certificate is refused. */
    fingerprint: certificateFingerprint.optional(),
  })
  .strict();
export type ConnectHostInput = z.input<typeof connectHostInput>;
export type ConnectHost = z.output<typeof connectHostInput>;
