import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { Platform } from '../services/context';

/** Native pickers for the backup folder and for a backup file to restore. */
export function electronPlatform(window: () => BrowserWindow | null): Platform {
  return {
    async pick(kind) {
      const options: OpenDialogOptions =
        kind === 'folder'
          ? {
              title: '选择备份文件夹 / Choose the backup folder',
              properties: ['openDirectory', 'createDirectory'],
            }
          : {
              title: '选择备份文件 / Choose a backup file',
              properties: ['openFile'],
              filters: [{ name: '售后服务台备份 / After-Sales Desk backup', extensions: ['gz'] }],
            };
      const parent = window();
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
