import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupRun, BackupTrigger } from '@shared/schemas/backup';
import { isArchiveName } from './names';

function triggerOf(name: string): BackupTrigger {
  if (/-auto(-\d+)?\.tar\.(zst|gz)$/.test(name)) return 'daily';
  if (/-quit(-\d+)?\.tar\.(zst|gz)$/.test(name)) return 'quit';
  if (/-safety(-\d+)?\.tar\.(zst|gz)$/.test(name)) return 'safety';
  return 'manual';
}

/** Backups a damaged shop can restore from: good runs in the history plus archives in the folders. */
export function listCandidates(history: BackupRun[], folders: (string | null)[]): BackupRun[] {
  const byFile = new Map<string, BackupRun>();
  for (const run of history) if (run.ok && run.exists && run.file) byFile.set(run.file, run);
  for (const folder of folders) {
    if (!folder) continue;
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const file = join(folder, name);
      if (!isArchiveName(name) || byFile.has(file)) continue;
      try {
        const stat = statSync(file);
        if (!stat.isFile()) continue;
        byFile.set(file, {
          id: file,
          at: Math.round(stat.mtimeMs),
          trigger: triggerOf(name),
          ok: true,
          file,
          bytes: stat.size,
          durationMs: 0,
          error: null,
          failure: null,
          exists: true,
          username: null,
          proof: null,
        });
      } catch {
        continue;
      }
    }
  }
  return [...byFile.values()].sort((a, b) => b.at - a.at);
}
