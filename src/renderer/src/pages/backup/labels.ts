import type { TFunction } from 'i18next';
import type { BackupTrigger } from '@shared/schemas/backup';
import { backupZhCN } from '../../i18n/backup.zh-CN';

type KnownTable = keyof typeof backupZhCN.tables;

function isKnownTable(name: string): name is KnownTable {
  return Object.hasOwn(backupZhCN.tables, name);
}

/** A database table as the shop calls it (work_orders → 工单); an unknown table keeps its name. */
export function tableLabel(name: string, t: TFunction): string {
  return isKnownTable(name) ? t(`backup.tables.${name}`) : name;
}

/** Always listed, even when empty: what a manager looks for first. */
const CORE_TABLES = new Set(['customers', 'devices', 'work_orders', 'settlements', 'parts']);

/**
 * The tables a manager recognises, in the order the restore screen lists them: the core ones
 * always, the others when they hold rows. The migration journal, search indexes and other
 * internals stay out of sight.
 */
export function knownTableCounts(
  counts: Record<string, number>,
  t: TFunction,
): { table: string; label: string; count: number }[] {
  return Object.keys(backupZhCN.tables)
    .filter((table) => Object.hasOwn(counts, table) && (CORE_TABLES.has(table) || (counts[table] ?? 0) > 0))
    .map((table) => ({ table, label: tableLabel(table, t), count: counts[table] ?? 0 }));
}

export function triggerLabel(trigger: BackupTrigger, t: TFunction): string {
  return t(`backupTriggers.${trigger}`);
}
