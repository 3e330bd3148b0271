/** The cookies of a request. One whose value is not valid percent-encoding is ignored, not fatal. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    try {
      cookies.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
    } catch {
      // Another site's or a hand-made cookie on 127.0.0.1 (`x=%E0%A4%A`) must not break our calls.
    }
  }
  return cookies;
}

export interface CookieOptions {
  /** Sent over HTTPS only (the LAN listener). */
  secure?: boolean;
  /** Kept across browser restarts for this many seconds (else it ends with the browser session). */
  maxAge?: number;
}

/** HttpOnly + SameSite=Strict: page scripts cannot read it and other sites cannot send it. */
export function cookie(name: string, value: string | null, options: CookieOptions = {}): string {
  const base = `${name}=${value ? encodeURIComponent(value) : ''}; HttpOnly; SameSite=Strict; Path=/`;
  const secure = options.secure ? `${base}; Secure` : base;
  if (!value) return `${secure}; Max-Age=0`;
  return options.maxAge === undefined ? secure : `${secure}; Max-Age=${options.maxAge}`;
}
