import type { OpenedDatabase } from '../../db/open';
import type { Deps } from '../context';

/** What the manager needs from the core: the open database and a way to replace it. */
export interface BackupHost {
  deps: Deps;
  dataDir: string;
  migrationsDir: string;
  appVersion: string;
  /** The open database; null while the file is damaged (recovery mode). */
  current(): OpenedDatabase | null;
  closeCurrent(): void;
  install(next: OpenedDatabase): void;
  /** Pages copied per step of the online backup (smaller steps let writes interleave). */
  stepPages?: number;
  /** Named points of a restore (tests kill the process there); nothing in the app. */
  checkpoint?: (point: string) => void;
}
