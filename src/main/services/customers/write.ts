import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { Customer } from '@shared/schemas/customers';
import { customers, type CustomerRecord } from '../../db/schema';
import { changedFields, writeAudit } from '../audit';
import type { CallContext, Tx } from '../context';
import { nextSequence } from '../sequences';
import { actorOf } from '../users';
import { assertVersion, withoutVersion } from '../versions';
import { optOutFollowUps } from '../followUps/optOut';
import { openOrdersOf } from './history';
import {
  activeCustomer,
  assertLevel,
  assertPhonesFree,
  initialsFor,
  loadCustomer,
  phonesOf,
  toCustomer,
  writePhones,
} from './records';

/** KH + 6 digits from the `customer` sequence; skips a number something else already took. */
function nextCustomerCode(tx: Tx): string {
  for (;;) {
    const code = `KH${String(nextSequence(tx, 'customer')).padStart(6, '0')}`;
    if (!tx.select({ id: customers.id }).from(customers).where(eq(customers.code, code)).get()) return code;
  }
}

/** `createdAt`: when the customer first came, for one brought from the shop's records (an import). */
export function createCustomer(
  ctx: CallContext,
  input: ParsedInputOf<'customers.create'>,
  createdAt?: number,
): Customer {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    assertLevel(tx, input.level, null);
    assertPhonesFree(tx, input.phones, input.allowDuplicatePhone);
    const at = now();
    const record: CustomerRecord = {
      id: uuidv7(),
      code: nextCustomerCode(tx),
      name: input.name,
      initials: initialsFor(input.name, input.type),
      type: input.type,
      level: input.level,
      email: input.email,
      address: input.address,
      company: input.company,
      tags: JSON.stringify(input.tags),
      notes: input.notes,
      mergedIntoId: null,
      noContact: input.noContact,
      archivedAt: null,
      createdAt: createdAt ?? at,
      updatedAt: at,
      version: 1,
    };
    tx.insert(customers).values(record).run();
    writePhones(tx, record.id, input.phones);
    const view = toCustomer(record, input.phones);
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'create',
      entity: 'customer',
      entityId: record.id,
      after: { ...withoutVersion(view), duplicatePhoneAllowed: input.allowDuplicatePhone || undefined },
    });
    return view;
  });
}

/** The fields an edit can change, for the audit diff (timestamps aside). */
function editable(c: Customer) {
  const { id: _id, code: _code, archivedAt: _a, createdAt: _c, updatedAt: _u, version: _v, ...rest } = c;
  return rest;
}

export function updateCustomer(ctx: CallContext, input: ParsedInputOf<'customers.update'>): Customer {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const before = activeCustomer(tx, input.id);
    assertVersion(tx, 'customer', before, input.version);
    assertLevel(tx, input.level, before.level);
    assertPhonesFree(tx, input.phones, input.allowDuplicatePhone, before.id);
    const oldPhones = phonesOf(tx, before.id);
    const next: CustomerRecord = {
      ...before,
      name: input.name,
      initials: initialsFor(input.name, input.type),
      type: input.type,
      level: input.level,
      email: input.email,
      address: input.address,
      company: input.company,
      tags: JSON.stringify(input.tags),
      notes: input.notes,
      noContact: input.noContact ?? before.noContact,
    };
    const beforeView = toCustomer(before, oldPhones);
    const diff = changedFields(editable(beforeView), editable(toCustomer(next, input.phones)));
    if (!diff) return beforeView;
    next.updatedAt = now();
    tx.update(customers).set(next).where(eq(customers.id, before.id)).run();
    if ('phones' in diff.after) writePhones(tx, before.id, input.phones);
    writeAudit(tx, {
      at: next.updatedAt,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'customer',
      entityId: before.id,
      before: diff.before,
      after: diff.after,
    });
    if (next.noContact && !before.noContact) optOutFollowUps(tx, ctx, before.id, next.updatedAt);
    // Read back: the trigger has bumped the version.
    return loadCustomer(tx, before.id);
  });
}

/** Archive instead of delete; refused while the customer still has open work orders. */
export function archiveCustomer(ctx: CallContext, id: string): Customer {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const c = activeCustomer(tx, id);
    if (c.archivedAt !== null) return toCustomer(c, phonesOf(tx, c.id));
    const open = openOrdersOf(tx, { customerId: c.id });
    if (open.length > 0) {
      throw new AppError(
        'customerHasOpenOrders',
        { count: open.length },
        `customer has ${open.length} open work order(s); finish them first`,
        { matches: open },
      );
    }
    const at = now();
    tx.update(customers).set({ archivedAt: at, updatedAt: at }).where(eq(customers.id, c.id)).run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'customer',
      entityId: c.id,
      before: { archivedAt: null },
      after: { archivedAt: at },
    });
    return loadCustomer(tx, c.id);
  });
}

export function restoreCustomer(ctx: CallContext, id: string): Customer {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const c = activeCustomer(tx, id);
    if (c.archivedAt === null) return toCustomer(c, phonesOf(tx, c.id));
    const at = now();
    tx.update(customers).set({ archivedAt: null, updatedAt: at }).where(eq(customers.id, c.id)).run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'restore',
      entity: 'customer',
      entityId: c.id,
      before: { archivedAt: c.archivedAt },
      after: { archivedAt: null },
    });
    return loadCustomer(tx, c.id);
  });
}
