// The Electron app: one instance, one database (or, as a LAN terminal, the shop host's), one locked-down window.
import { dirname } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { createCore, type Core } from './core';
import { DatabaseTooNewError } from './db/open';
import { electronPlatform } from './electron/dialogs';
import { registerRpc } from './electron/ipc';
import { readStartup, saveMode } from './electron/mode';
import { safeStorageSecretBox } from './electron/secrets';
import { corePaths, rendererIndexPath, useSeparateDevProfile } from './electron/paths';
import { registerShell } from './electron/shellIpc';
import { registerTerminalRpc, relayNotices } from './electron/terminalIpc';
import { startLanHost, type LanHost } from './lan/host';
import { HostLink } from './terminal/forwarder';
import { removeMode, type TerminalMode } from './terminal/modeFile';
import { isAllowedNavigation, WINDOW_TITLE } from './electron/security';
import { appPage, createMainWindow, installMenu } from './electron/window';

/** How long quitting may wait for the backup on quit. */
const QUIT_BACKUP_LIMIT_MS = 120_000;

// Every renderer is sandboxed, whatever options a future window forgets to set.
app.enableSandbox();
useSeparateDevProfile();
if (process.platform === 'win32') app.setAppUserModelId('com.aftersales.desk');

// A second copy would open a second writer on the same SQLite file: hand over to the first one instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const page = appPage();
  let core: Core | null = null;
  // Terminal mode: no database here; calls and notices go through the link to the shop's host.
  let stopTerminal: (() => void) | null = null;
  let lan: LanHost | null = null;
  let firstRun = false;
  let started = false;
  let mainWindow: BrowserWindow | null = null;

  const fatal = (headline: string, error: unknown): void => {
    console.error(`[after-sales] ${headline}`, error);
    // DatabaseTooNewError already says, in Chinese and English, what to do.
    const detail = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox(
      WINDOW_TITLE,
      error instanceof DatabaseTooNewError ? detail : `${headline}\n\n${detail}`,
    );
    app.quit();
  };

  const openWindow = (): void => {
    mainWindow = createMainWindow(page);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  const startHost = (): boolean => {
    try {
      // A damaged database does not throw: the core starts in recovery mode and the window
      // shows the guided restore.
      const paths = corePaths();
      core = createCore({
        ...paths,
        secretBox: safeStorageSecretBox(paths.dataDir),
        appVersion: app.getVersion(),
        platform: electronPlatform(() => mainWindow),
      });
    } catch (error) {
      fatal('无法打开数据库，程序将退出。/ The database could not be opened; the app will quit.', error);
      return false;
    }
    registerRpc(core, page.url);
    // Host mode on the shop's LAN, if this PC's settings turned it on; it never blocks the window.
    startLanHost(core, dirname(rendererIndexPath()))
      .then((host) => (lan = host))
      .catch((error: unknown) => console.error('[after-sales] the LAN host could not start', error));
    return true;
  };

  const startTerminal = (mode: TerminalMode): void => {
    const next = new HostLink(mode);
    const stopRpc = registerTerminalRpc(next, page.url);
    const stopNotices = relayNotices(next);
    stopTerminal = () => {
      stopNotices();
      stopRpc();
      next.close();
    };
  };

  const start = (): void => {
    const { dataDir } = corePaths();
    const startup = readStartup(dataDir);
    installMenu();
    firstRun = startup.kind === 'firstRun';
    registerShell(page.url, {
      firstRun: () => firstRun,
      chooseHost: async () => {
        saveMode(dataDir, { mode: 'host' });
        firstRun = false;
        if (startHost()) setImmediate(() => mainWindow?.reload());
      },
      connect: async (input) => {
        const paired = await HostLink.pair(input);
        if (!paired.ok) return paired;
        const { url, fingerprint, certPem, terminal, key } = paired.data;
        const mode: TerminalMode = { mode: 'terminal', url, fingerprint, certPem, terminal, key };
        saveMode(dataDir, mode);
        firstRun = false;
        startTerminal(mode);
        // After the answer has gone back: the page starts again, now talking to the host.
        setImmediate(() => mainWindow?.reload());
        return { ok: true, data: {} };
      },
      pairAgain: async () => {
        // Only a terminal pairs again; a host keeps its data and its choice.
        if (!stopTerminal) return;
        stopTerminal();
        stopTerminal = null;
        removeMode(dataDir);
        firstRun = true;
        setImmediate(() => mainWindow?.reload());
      },
    });
    if (startup.kind === 'terminal') startTerminal(startup.mode);
    else if (startup.kind === 'host' && !startHost()) return;
    started = true;
    openWindow();
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Backstop for every webContents, including any window created later (e.g. for printing):
  // no navigation away from the app page, no new windows, no <webview>.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (!isAllowedNavigation(event.url, page.url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  // Quit on every platform, macOS included: a counter app with no window should not keep the
  // database open in the background, and the next launch simply opens a fresh window.
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (started && !mainWindow) openWindow();
  });

  // The automatic backup on quit: hold the quit once, give the backup a time limit, then quit.
  let quitBackupDone = false;
  app.on('before-quit', (event) => {
    if (quitBackupDone || !core) return;
    event.preventDefault();
    quitBackupDone = true;
    const limit = new Promise<void>((resolve) => setTimeout(resolve, QUIT_BACKUP_LIMIT_MS));
    void Promise.race([core.backupOnQuit(), limit])
      .then(() => lan?.close())
      .finally(() => app.quit());
  });

  app.on('will-quit', () => {
    try {
      core?.close();
    } catch (error) {
      console.error('[after-sales] closing the database failed', error);
    }
    core = null;
    stopTerminal?.();
    stopTerminal = null;
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fatal('程序无法启动。/ The app could not start.', error));
}
