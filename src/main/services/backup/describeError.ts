/** Words for the manager about a file-system failure, in Chinese and English. */
export function describeFsError(error: unknown, folder: string): string {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `找不到备份文件夹：${folder}（移动硬盘是否已连接？） / The backup folder does not exist: ${folder} (is the external drive connected?)`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `备份文件夹不可写入：${folder} / The backup folder is not writable: ${folder}`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足，无法写入备份：${folder} / The disk is full; the backup could not be written: ${folder}`;
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return `备份失败：${detail} / The backup failed: ${detail}`;
    }
  }
}
