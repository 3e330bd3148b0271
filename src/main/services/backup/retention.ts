import { localDate } from '@shared/dates';

export interface RetentionRule {
  keepDaily: number;
  keepWeekly: number;
}

/** ISO 8601 week of a local instant, e.g. "2026-W48" (the week belongs to the year of its Thursday). */
export function isoWeek(ms: number): string {
  const t = new Date(ms);
  const day = new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Which automatic archives to delete: keep the newest archive of each of the newest `keepDaily`
 * days that have one, and the newest of each of the newest `keepWeekly` ISO weeks that have one;
 * everything else goes. Pure: the caller lists only automatic archives of its own branch.
 */
export function archivesToDelete<T extends { file: string; at: number }>(
  archives: T[],
  rule: RetentionRule,
): string[] {
  const newestFirst = [...archives].sort((a, b) => b.at - a.at || b.file.localeCompare(a.file));
  const keep = new Set<string>();
  const pick = (bucket: (at: number) => string, limit: number) => {
    const seen = new Set<string>();
    for (const archive of newestFirst) {
      const key = bucket(archive.at);
      if (seen.has(key)) continue;
      if (seen.size >= limit) break;
      seen.add(key);
      keep.add(archive.file);
    }
  };
  pick(localDate, rule.keepDaily);
  pick(isoWeek, rule.keepWeekly);
  return newestFirst.filter((a) => !keep.has(a.file)).map((a) => a.file);
}
