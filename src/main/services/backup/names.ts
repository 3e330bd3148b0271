import type { BackupTrigger } from '@shared/schemas/backup';

const PREFIX = '售后服务台-备份';
const SUFFIX: Record<BackupTrigger, string> = {
  manual: '',
  daily: '-auto',
  quit: '-quit',
  safety: '-safety',
};

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Local time as YYYYMMDD-HHmmss, as the shop reads it in a file list. */
export function stamp(ms: number): string {
  const t = new Date(ms);
  return (
    `${t.getFullYear()}${pad(t.getMonth() + 1)}${pad(t.getDate())}-` +
    `${pad(t.getHours())}${pad(t.getMinutes())}${pad(t.getSeconds())}`
  );
}

/** Branch codes are short codes, but keep the name safe on every file system anyway. */
function safeBranch(branch: string | null): string {
  return (branch ?? 'shop').replace(/[^\p{L}\p{N}_]/gu, '_') || 'shop';
}

/** `售后服务台-备份-<branch>-<YYYYMMDD-HHmmss>[-auto|-quit|-safety][-n].tar.zst` */
export function archiveName(branch: string | null, at: number, trigger: BackupTrigger, n = 1): string {
  const again = n > 1 ? `-${n}` : '';
  return `${PREFIX}-${safeBranch(branch)}-${stamp(at)}${SUFFIX[trigger]}${again}.tar.zst`;
}

/** The folder a restore moves the replaced data into: the archive's name without `.tar.zst`. */
export function safetyCopyName(branch: string | null, at: number, n = 1): string {
  return archiveName(branch, at, 'safety', n).replace(/\.tar\.zst$/, '');
}

export interface AutomaticArchive {
  file: string;
  /** When it was taken (local time from the name, to the second). */
  at: number;
}

/**
 * The automatic archives (daily or on quit) of this branch among a folder's file names.
 * Manual and safety backups, other branches' archives and foreign files never match.
 */
export function automaticArchives(branch: string | null, names: string[]): AutomaticArchive[] {
  const head = `${PREFIX}-${safeBranch(branch)}-`;
  const shape = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(auto|quit)(-\d+)?\.tar\.(zst|gz)$/;
  const found: AutomaticArchive[] = [];
  for (const name of names) {
    if (!name.startsWith(head)) continue;
    const m = shape.exec(name.slice(head.length));
    if (!m) continue;
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    found.push({ file: name, at: new Date(y, mo - 1, d, h, mi, s).getTime() });
  }
  return found;
}

/** Every archive of any kind this app may have written (zstd, or gzip before issue 18), for the recovery screen. */
export function isArchiveName(name: string): boolean {
  return name.startsWith(`${PREFIX}-`) && (name.endsWith('.tar.zst') || name.endsWith('.tar.gz'));
}
