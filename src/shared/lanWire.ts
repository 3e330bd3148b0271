/**
 * The names both ends of the LAN agree on: the host's listeners (src/main/http/) and the desktop
 * terminal's link (src/main/terminal/).
 */
export const LAN_WIRE = {
  /** The signed-in session, one per window or tab (HttpOnly; Secure on HTTPS). */
  sessionCookie: 'desk_session',
  /** A paired browser's terminal key (HttpOnly, Secure, SameSite=Strict). */
  terminalCookie: 'desk_terminal',
  /** The desktop terminal sends its key in this header instead of the cookie. */
  keyHeader: 'x-desk-terminal',
  /** `desktop`: the desktop terminal, which gets its key in the pairing answer's body. */
  clientHeader: 'x-desk-client',
  desktopClient: 'desktop',
} as const;
