import type { IncomingHttpHeaders } from 'node:http';
import { parseSetCookie } from 'set-cookie-parser';

/**
 * The host's cookies (its `desk_session` above all) for each renderer window, as a browser keeps them
 * for each profile: one window's sign-in never signs another window in. All cookies come from the one
 * paired host, with Path=/, so a name → value map per window is the whole jar.
 */
export class CookieJars {
  readonly #jars = new Map<string, Map<string, string>>();

  /** The `cookie` header for a window's next call, or null when it holds none. */
  header(connection: string): string | null {
    const jar = this.#jars.get(connection);
    if (!jar || jar.size === 0) return null;
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Take in an answer's `set-cookie` lines: a value to keep, or an expired / empty one to drop. */
  store(connection: string, headers: IncomingHttpHeaders): void {
    const lines = headers['set-cookie'];
    if (!lines || lines.length === 0) return;
    const jar = this.#jars.get(connection) ?? new Map<string, string>();
    // Kept as sent (still percent-encoded): it goes back to the host exactly as the host wrote it.
    for (const cookie of parseSetCookie(lines, { decodeValues: false })) {
      // The host ends a cookie with Max-Age=0 and an empty value; `Expires` would weigh the host's date
      // against this PC's clock, and the host's clock decides, so it is not read.
      if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0)) jar.delete(cookie.name);
      else jar.set(cookie.name, cookie.value);
    }
    if (jar.size > 0) this.#jars.set(connection, jar);
    else this.#jars.delete(connection);
  }

  forget(connection: string): void {
    this.#jars.delete(connection);
  }
}
