import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, Menu, shell, type MenuItemConstructorOptions, type Session } from 'electron';
import { preloadPath, rendererIndexPath } from './paths';
import { isAllowedNavigation, isSafeExternalUrl, windowOptions } from './security';

/** The page the app shows: the dev server in development, the built file in a package. */
export interface AppPage {
  /** The URL navigation and IPC checks compare against. */
  url: string;
  /** Set when the page is a local file (loaded with loadFile). */
  file: string | null;
}

export function appPage(): AppPage {
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  if (!app.isPackaged && devUrl) return { url: devUrl, file: null };
  const file = rendererIndexPath();
  return { url: pathToFileURL(file).href, file };
}

function openExternally(url: string): void {
  if (!isSafeExternalUrl(url)) return;
  shell
    .openExternal(url)
    .catch((error: unknown) => console.error('[after-sales] openExternal failed', error));
}

/** The app asks for no browser permissions (camera, notifications, …); refuse them all. */
function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * A minimal menu. macOS needs the app and edit menus for ⌘Q and copy/paste to work; Windows and
 * Linux get no menu bar. Development adds reload and devtools.
 */
export function installMenu(): void {
  const template: MenuItemConstructorOptions[] = [];
  if (process.platform === 'darwin')
    template.push({ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' });
  if (!app.isPackaged) template.push({ role: 'viewMenu' });
  Menu.setApplicationMenu(template.length ? Menu.buildFromTemplate(template) : null);
}

export function createMainWindow(page: AppPage): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath()));
  const contents = win.webContents;
  denyPermissions(contents.session);

  // The page never leaves itself; a plain https link opens in the system browser instead.
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, page.url)) return;
    event.preventDefault();
    openExternally(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, page.url)) event.preventDefault();
  });
  // No second app windows from window.open or target=_blank; vetted https links go to the browser.
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });

  win.once('ready-to-show', () => win.show());

  const loading = page.file ? win.loadFile(page.file) : win.loadURL(page.url);
  loading.catch((error: unknown) => console.error('[after-sales] could not load the app page', error));
  return win;
}
