import { join } from 'node:path';
import { app } from 'electron';

/**
 * Development runs keep their own profile, so a dev build (maybe with an unreleased migration)
 * never touches the shop database of an installed copy on the same machine. Call before 'ready'
 * and before the single-instance lock, which is tied to the userData folder.
 */
export function useSeparateDevProfile(): void {
  if (!app.isPackaged) app.setPath('userData', `${app.getPath('userData')}-dev`);
}

/** Where the database lives and where the migrations shipped with this build are. */
export function corePaths(): { dataDir: string; migrationsDir: string } {
  return {
    dataDir: app.getPath('userData'),
    // Packaged: electron-builder copies drizzle/ to resources/drizzle (extraResources), outside the asar.
    migrationsDir: app.isPackaged
      ? join(process.resourcesPath, 'drizzle')
      : join(app.getAppPath(), 'drizzle'),
  };
}

/** app.getAppPath() is the project root in development and the app.asar in a package. */
export function preloadPath(): string {
  return join(app.getAppPath(), 'out', 'preload', 'index.cjs');
}

export function rendererIndexPath(): string {
  return join(app.getAppPath(), 'out', 'renderer', 'index.html');
}
