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

/** HttpOnly + SameSite=Strict: page scripts cannot read it and other sites cannot send it. */
export function cookie(name: string, value: string | null): string {
  const base = `${name}=${value ? encodeURIComponent(value) : ''}; HttpOnly; SameSite=Strict; Path=/`;
  return value ? base : `${base}; Max-Age=0`;
}
