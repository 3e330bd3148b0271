import { AppError } from '@shared/errors';

/** A file-system failure while writing a backup, as a refusal the manager can act on. */
export function fsFailure(error: unknown, folder: string): AppError {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('backupFolderMissing', { folder }, `the backup folder does not exist: ${folder}`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('backupFolderReadOnly', { folder }, `the backup folder is not writable: ${folder}`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError(
        'backupDiskFull',
        { folder },
        `the disk is full; the backup could not be written: ${folder}`,
      );
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new AppError('backupFailed', { detail }, `the backup failed: ${detail}`);
    }
  }
}
