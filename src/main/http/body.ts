import type { IncomingMessage } from 'node:http';

/**
 * After a 413 the rest of the body is still read and dropped, so the client finishes sending and
 * reads the answer instead of meeting a reset connection; a body that goes on past this is cut off.
 */
const DRAIN_BYTES = 64 * 1024 * 1024;

export type Body = { kind: 'text'; text: string } | { kind: 'tooLarge' } | { kind: 'notUtf8' };

/** Strict UTF-8: a broken byte is refused, not turned into U+FFFD and stored. */
function decodeUtf8(bytes: Buffer): Body {
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { kind: 'notUtf8' };
  }
}

/** The body up to `limit` bytes; past it, `tooLarge` at once while the rest is drained. */
export function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const overflow = () => {
      tooLarge = true;
      chunks.length = 0;
      resolve({ kind: 'tooLarge' });
    };
    if (Number(req.headers['content-length']) > limit) overflow();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > limit + DRAIN_BYTES) req.destroy();
      } else if (size > limit) overflow();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolve(decodeUtf8(Buffer.concat(chunks)));
    });
    req.on('error', reject);
  });
}
