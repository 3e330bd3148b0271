/**
 * Undo a whole history import (admin), until the next day close: it removes exactly the rows the
 * import added — its orders with their timeline, lines, settlements and payments, then the devices
 * and customers it created — and refuses when anything has been added to them since (a new order
 * for an imported customer, a follow-up, a payment…), so nothing else is ever lost.
 */
import { AppError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { HistoryImportRecord } from '@shared/schemas/history';
import type { Db } from '../../db/open';
import { writeAudit } from '../audit';
import type { CallContext } from '../context';
import { actorOf } from '../users';
import type { Added } from './write';

type Sqlite = Db['$client'];
type Entity = 'customer' | 'device' | 'workOrder';

function refuse(problem: 'undone' | 'dayClosed' | 'changed', message: string): AppError {
  return new AppError('historyUndoRefused', { problem }, message, { fields: [{ path: 'id' }] });
}

/** Every table with a column naming one of these entities, except those listed as its own. */
function referencing(sqlite: Sqlite, column: string): string[] {
  const tables = sqlite
    .prepare<[], string>(
      // Search indexes (FTS5 virtual tables and their shadows) follow the rows by triggers.
      `SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
       AND name NOT IN (SELECT name || suffix FROM sqlite_master, (SELECT '_data' AS suffix UNION ALL SELECT '_idx'
         UNION ALL SELECT '_content' UNION ALL SELECT '_docsize' UNION ALL SELECT '_config')
         WHERE sql LIKE 'CREATE VIRTUAL%')`,
    )
    .pluck()
    .all();
  // Search tables (work_order_search…) follow their rows by triggers, on delete too.
  return tables.filter(
    (t) =>
      !t.endsWith('_search') &&
      sqlite
        .prepare<[string], string>('SELECT name FROM pragma_table_info(?)')
        .pluck()
        .all(t)
        .includes(column),
  );
}

const IN_IMPORT = `SELECT entity_id FROM history_import_items WHERE import_id = @id AND entity = @entity`;

/** Rows of `table` whose `column` names one of the import's entities of a kind, beyond `except`. */
function countOn(
  sqlite: Sqlite,
  importId: string,
  table: string,
  column: string,
  entity: Entity,
  except = '',
): number {
  return (
    sqlite
      .prepare<{ id: string; entity: Entity }, number>(
        `SELECT count(*) FROM "${table}" WHERE "${column}" IN (${IN_IMPORT})${except}`,
      )
      .pluck()
      .get({ id: importId, entity }) ?? 0
  );
}

/**
 * What has been added to the import's records since: null when every row pointing at its orders,
 * devices and customers is one the import wrote itself.
 */
function changedSince(sqlite: Sqlite, importId: string, added: Added): string | null {
  const notImported = (entity: Entity) =>
    ` AND id NOT IN (SELECT entity_id FROM history_import_items WHERE import_id = @id AND entity = '${entity}')`;
  const checks: [table: string, column: string, entity: Entity, expected: number, except?: string][] = [];
  for (const table of referencing(sqlite, 'work_order_id')) {
    // Kept by triggers: one facts row per settlement.
    const expected = added[table === 'settlement_facts' ? 'settlements' : table] ?? 0;
    checks.push([table, 'work_order_id', 'workOrder', expected]);
  }
  checks.push(['work_orders', 'rework_of_id', 'workOrder', 0, notImported('workOrder')]);
  for (const table of referencing(sqlite, 'device_id')) {
    checks.push([table, 'device_id', 'device', 0, table === 'work_orders' ? notImported('workOrder') : '']);
  }
  for (const table of referencing(sqlite, 'customer_id')) {
    const except =
      table === 'work_orders' ? notImported('workOrder') : table === 'devices' ? notImported('device') : '';
    checks.push([
      table,
      'customer_id',
      'customer',
      table === 'customer_phones' ? (added.customer_phones ?? 0) : 0,
      except,
    ]);
  }
  for (const [table, column, entity, expected, except] of checks) {
    if (table === 'history_import_items') continue;
    const n = countOn(sqlite, importId, table, column, entity, except ?? '');
    if (n !== expected) return `${table}.${column}: ${n} rows, the import added ${expected}`;
  }
  const payments = sqlite
    .prepare<{ id: string; entity: Entity }, number>(
      `SELECT count(*) FROM payments WHERE settlement_id IN
         (SELECT id FROM settlements WHERE work_order_id IN (${IN_IMPORT}))`,
    )
    .pluck()
    .get({ id: importId, entity: 'workOrder' });
  if (payments !== (added.payments ?? 0))
    return `payments: ${payments} rows, the import added ${added.payments ?? 0}`;
  return null;
}

const DELETE_ORDER: [table: string, where: string][] = [
  ['payments', `settlement_id IN (SELECT id FROM settlements WHERE work_order_id IN (@orders))`],
  ['settlement_facts', `work_order_id IN (@orders)`],
  ['settlement_lines', `settlement_id IN (SELECT id FROM settlements WHERE work_order_id IN (@orders))`],
  ['settlements', `work_order_id IN (@orders)`],
  ['work_order_charges', `work_order_id IN (@orders)`],
  ['work_order_events', `work_order_id IN (@orders)`],
  ['work_orders', `id IN (@orders)`],
  ['devices', `id IN (@devices)`],
  ['customer_phones', `customer_id IN (@customers)`],
  ['customers', `id IN (@customers)`],
];

export function undoImport(
  ctx: CallContext,
  input: ParsedInputOf<'history.undo'>,
): HistoryImportRecord['id'] {
  const { db, now } = ctx.deps;
  const sqlite = db.$client;
  return db.transaction((tx) => {
    const record = sqlite
      .prepare<
        [string],
        { id: string; at: number; added: string; undoneAt: number | null; fileName: string }
      >(
        'SELECT id, at, added, undone_at AS undoneAt, file_name AS fileName FROM history_imports WHERE id = ?',
      )
      .get(input.id);
    if (!record)
      throw new AppError('historyImportNotFound', {}, 'no such import', { fields: [{ path: 'id' }] });
    if (record.undoneAt !== null) throw refuse('undone', 'this import was undone already');
    // Ids are UUIDv7, in the order they were made: a close recorded after the import has a greater id.
    const closedSince = sqlite
      .prepare<[string], number>("SELECT count(*) FROM day_close_events WHERE action = 'close' AND id > ?")
      .pluck()
      .get(record.id);
    if (closedSince)
      throw refuse('dayClosed', 'a day was closed since this import; it can no longer be undone');
    const added = JSON.parse(record.added) as Added;
    const changed = changedSince(sqlite, record.id, added);
    if (changed) throw refuse('changed', `records were added to the imported ones since: ${changed}`);

    const of = (entity: Entity) =>
      `SELECT entity_id FROM history_import_items WHERE import_id = @id AND entity = '${entity}'`;
    sqlite.prepare('UPDATE history_imports SET undoing = 1 WHERE id = ?').run(record.id);
    const removed: Record<string, number> = {};
    for (const [table, where] of DELETE_ORDER) {
      const sql = where
        .replace('@orders', of('workOrder'))
        .replace('@devices', of('device'))
        .replace('@customers', of('customer'));
      removed[table] = sqlite.prepare(`DELETE FROM "${table}" WHERE ${sql}`).run({ id: record.id }).changes;
    }
    const at = now();
    sqlite
      .prepare('UPDATE history_imports SET undoing = 0, undone_at = ?, undone_by = ? WHERE id = ?')
      .run(at, ctx.user?.id ?? null, record.id);
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'delete',
      entity: 'historyImport',
      entityId: record.id,
      before: { fileName: record.fileName, added },
      after: { removed },
    });
    return record.id;
  });
}
