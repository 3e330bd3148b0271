import { and, asc, count, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, fieldError } from '@shared/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { Part, Supplier } from '@shared/schemas/stock';
import { parts, suppliers, type PartRecord, type SupplierRecord } from '../../db/schema';
import { changedFields, writeAudit } from '../audit';
import type { CallContext, Queryable } from '../context';
import { actorOf } from '../users';
import { assertVersion } from '../versions';

export function partRecord(q: Queryable, id: string): PartRecord {
  const p = q.select().from(parts).where(eq(parts.id, id)).get();
  if (!p) throw new AppError('partNotFound', {}, 'part not found');
  return p;
}

export function supplierRecord(q: Queryable, id: string, path = 'supplierId'): SupplierRecord {
  const s = q.select().from(suppliers).where(eq(suppliers.id, id)).get();
  if (!s) {
    throw fieldError(path, 'supplierNotFound', {}, 'no such supplier');
  }
  return s;
}

function assertCodeFree(q: Queryable, code: string, selfId: string | null): void {
  const taken = q.select({ id: parts.id }).from(parts).where(eq(parts.code, code)).get();
  if (taken && taken.id !== selfId) {
    throw fieldError('code', 'partCodeTaken', { code }, 'part code already in use');
  }
}

function assertSupplier(q: Queryable, supplierId: string | null, previous: string | null): void {
  if (supplierId === null || supplierId === previous) return;
  const s = supplierRecord(q, supplierId, 'defaultSupplierId');
  if (s.archivedAt !== null) {
    throw fieldError('defaultSupplierId', 'supplierArchived', {}, 'the supplier is archived');
  }
}

function auditView(p: PartRecord) {
  const { createdAt: _c, updatedAt: _u, version: _v, ...rest } = p;
  return rest;
}

/** A part whose code or name contains the term, or whose barcode is the term (a scan). */
export function partSearch(term: string): SQL {
  // instr, not LIKE: a % or _ typed in the box is matched literally.
  return or(
    sql`instr(${parts.code}, ${term.toUpperCase()}) > 0`,
    sql`instr(lower(${parts.name}), ${term.toLowerCase()}) > 0`,
    eq(parts.barcode, term),
  ) as SQL;
}

export function getPart(q: Queryable, id: string): Part {
  return partRecord(q, id);
}

export function listParts(q: Queryable, input: ParsedInputOf<'parts.list'>): OutputOf<'parts.list'> {
  const filters: SQL[] = [];
  if (!input.includeArchived) filters.push(isNull(parts.archivedAt));
  if (input.search) {
    const models = sql`instr(lower(${parts.compatibleModels}), ${input.search.toLowerCase()}) > 0`;
    filters.push(or(partSearch(input.search), models) as SQL);
  }
  const where = filters.length ? and(...filters) : undefined;
  const total = q.select({ n: count() }).from(parts).where(where).get()?.n ?? 0;
  const rows = q
    .select()
    .from(parts)
    .where(where)
    .orderBy(asc(parts.code))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return { total, rows };
}

export function createPart(ctx: CallContext, input: ParsedInputOf<'parts.create'>): Part {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    assertCodeFree(tx, input.code, null);
    assertSupplier(tx, input.defaultSupplierId, null);
    const at = now();
    const record: PartRecord = {
      id: uuidv7(),
      ...input,
      onHand: 0,
      archivedAt: null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    tx.insert(parts).values(record).run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'create',
      entity: 'part',
      entityId: record.id,
      after: auditView(record),
    });
    return record;
  });
}

export function updatePart(ctx: CallContext, input: ParsedInputOf<'parts.update'>): Part {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const before = partRecord(tx, input.id);
    assertVersion(tx, 'part', before, input.version);
    assertCodeFree(tx, input.code, before.id);
    assertSupplier(tx, input.defaultSupplierId, before.defaultSupplierId);
    const { id: _id, version: _version, ...fields } = input;
    const after: PartRecord = { ...before, ...fields };
    const diff = changedFields(auditView(before), auditView(after));
    if (!diff) return before;
    after.updatedAt = now();
    tx.update(parts).set(after).where(eq(parts.id, before.id)).run();
    writeAudit(tx, {
      at: after.updatedAt,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'part',
      entityId: before.id,
      ...diff,
    });
    // Read back: the trigger has bumped the version.
    return partRecord(tx, before.id);
  });
}

/** Parts are archived, never deleted: movements keep pointing at them. */
export function setPartArchived(ctx: CallContext, id: string, archived: boolean): Part {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const before = partRecord(tx, id);
    if ((before.archivedAt !== null) === archived) return before;
    const at = now();
    const after: PartRecord = { ...before, archivedAt: archived ? at : null, updatedAt: at };
    tx.update(parts).set({ archivedAt: after.archivedAt, updatedAt: at }).where(eq(parts.id, id)).run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: archived ? 'delete' : 'restore',
      entity: 'part',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return partRecord(tx, id);
  });
}

export function listSuppliers(q: Queryable, input: ParsedInputOf<'suppliers.list'>): Supplier[] {
  return q
    .select()
    .from(suppliers)
    .where(input.includeArchived ? undefined : isNull(suppliers.archivedAt))
    .orderBy(asc(suppliers.name))
    .all();
}

export function createSupplier(ctx: CallContext, input: ParsedInputOf<'suppliers.create'>): Supplier {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const at = now();
    const record: SupplierRecord = {
      id: uuidv7(),
      ...input,
      archivedAt: null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    tx.insert(suppliers).values(record).run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'create',
      entity: 'supplier',
      entityId: record.id,
      after: { ...input },
    });
    return record;
  });
}

export function updateSupplier(ctx: CallContext, input: ParsedInputOf<'suppliers.update'>): Supplier {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const before = supplierRecord(tx, input.id, 'id');
    assertVersion(tx, 'supplier', before, input.version);
    const { id: _id, version: _version, ...fields } = input;
    const after: SupplierRecord = { ...before, ...fields };
    const diff = changedFields(before, after);
    if (!diff) return before;
    after.updatedAt = now();
    tx.update(suppliers).set(after).where(eq(suppliers.id, before.id)).run();
    writeAudit(tx, {
      at: after.updatedAt,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'supplier',
      entityId: before.id,
      ...diff,
    });
    // Read back: the trigger has bumped the version.
    return supplierRecord(tx, before.id, 'id');
  });
}

export function archiveSupplier(ctx: CallContext, id: string): Supplier {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const before = supplierRecord(tx, id, 'id');
    if (before.archivedAt !== null) return before;
    const at = now();
    tx.update(suppliers).set({ archivedAt: at, updatedAt: at }).where(eq(suppliers.id, id)).run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'delete',
      entity: 'supplier',
      entityId: id,
      before: { archivedAt: null },
      after: { archivedAt: at },
    });
    return supplierRecord(tx, id, 'id');
  });
}
