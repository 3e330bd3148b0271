// Pure rules for the Electron shell. Only a type comes from 'electron', so unit tests run under plain Node.
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = '售后服务台';

/** The main window: renderer locked down (isolated, sandboxed, no Node), hidden until painted. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: WINDOW_TITLE,
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped on the window must not replace the app page.
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

function parseUrl(value: string | null | undefined): URL | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Host and decoded path of a file: URL. Electron's loadFile and Node's pathToFileURL escape a few
 * characters differently, so the same file is compared by its decoded path. Encoded separators are
 * refused because they could name another file.
 */
function fileKey(url: URL): string | null {
  if (/%(2f|5c|00)/i.test(url.pathname)) return null;
  try {
    return `${url.host}\n${decodeURIComponent(url.pathname)}`;
  } catch {
    return null;
  }
}

/**
 * Whether a frame may be (or navigate to) `targetUrl`: only the app's own page. For a file: app that
 * is the same file (any query or hash, HashRouter lives there); for the dev server the same origin.
 * Every other scheme (javascript:, data:, blob:, about:, other hosts or files) is refused.
 */
export function isAllowedNavigation(targetUrl: string, appUrl: string): boolean {
  const target = parseUrl(targetUrl);
  const app = parseUrl(appUrl);
  if (!target || !app || target.protocol !== app.protocol) return false;
  if (target.username || target.password) return false;
  if (app.protocol === 'file:') {
    const key = fileKey(app);
    return key !== null && key === fileKey(target);
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin;
  return false;
}

/** An IPC call is trusted only when the sending frame shows the app's own page. */
export function isTrustedSender(frameUrl: string | null | undefined, appUrl: string): boolean {
  return typeof frameUrl === 'string' && isAllowedNavigation(frameUrl, appUrl);
}

/** What shell.openExternal may open: plain https links only (no file:, custom schemes, or credentials). */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
