import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, fieldError, type FieldInput } from '@shared/errors';
import type { Customer, CustomerType } from '@shared/schemas/customers';
import { customerPhones, customers, type CustomerRecord } from '../../db/schema';
import type { Queryable } from '../context';
import { nameInitials } from '../pinyin';
import { readCounter } from '../settings';

export interface PhoneEntry {
  phone: string;
  label: string;
}

export interface PhoneMatch {
  id: string;
  code: string;
  name: string;
  phone: string;
}

export function parseTags(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}

export function initialsFor(name: string, type: CustomerType): string {
  return nameInitials(name, type === 'company' ? 'company' : 'person');
}

export function toCustomer(c: CustomerRecord, phones: PhoneEntry[]): Customer {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    type: c.type,
    level: c.level,
    phones,
    email: c.email,
    address: c.address,
    company: c.company,
    tags: parseTags(c.tags),
    notes: c.notes,
    noContact: c.noContact,
    archivedAt: c.archivedAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}

/** "KH000123 张三 13800138000": how a customer is named in a conflict message. */
function customerLabel(c: { code: string; name: string }, phone: string): string {
  return [c.code, c.name, phone].filter(Boolean).join(' ');
}

export function phonesOf(q: Queryable, customerId: string): PhoneEntry[] {
  return q
    .select({ phone: customerPhones.phone, label: customerPhones.label })
    .from(customerPhones)
    .where(eq(customerPhones.customerId, customerId))
    .orderBy(asc(customerPhones.position))
    .all();
}

/** The row as stored, merged or not; NOT_FOUND when there is none. */
export function customerRecord(q: Queryable, id: string): CustomerRecord {
  const c = q.select().from(customers).where(eq(customers.id, id)).get();
  if (!c) throw new AppError('customerNotFound', {}, 'customer not found');
  return c;
}

/**
 * A customer the clerk can work with. A merged one is gone for every purpose but its history:
 * NOT_FOUND, with the customer it was merged into as the match, so a stale link can follow it.
 */
export function activeCustomer(q: Queryable, id: string): CustomerRecord {
  const c = customerRecord(q, id);
  if (c.mergedIntoId) {
    const into = q.select().from(customers).where(eq(customers.id, c.mergedIntoId)).get();
    throw new AppError('customerMerged', {}, 'customer was merged into another', {
      matches: into
        ? [{ id: into.id, label: customerLabel(into, phonesOf(q, into.id)[0]?.phone ?? '') }]
        : [],
    });
  }
  return c;
}

export function loadCustomer(q: Queryable, id: string): Customer {
  const c = activeCustomer(q, id);
  return toCustomer(c, phonesOf(q, c.id));
}

/** Customers (not merged ones, archived ones too) holding any of these numbers, other than `exceptId`. */
export function phoneMatches(q: Queryable, phones: string[], exceptId?: string): PhoneMatch[] {
  if (phones.length === 0) return [];
  return q
    .select({ id: customers.id, code: customers.code, name: customers.name, phone: customerPhones.phone })
    .from(customerPhones)
    .innerJoin(customers, eq(customers.id, customerPhones.customerId))
    .where(
      and(
        inArray(customerPhones.phone, phones),
        isNull(customers.mergedIntoId),
        exceptId ? ne(customers.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(customers.code), asc(customerPhones.position))
    .all();
}

/**
 * The same number twice in one form is a typing slip (VALIDATION); a number another customer
 * already has is a CONFLICT unless the clerk saw the warning and chose to go on.
 */
export function assertPhonesFree(
  q: Queryable,
  phones: PhoneEntry[],
  allowDuplicate: boolean,
  exceptId?: string,
): void {
  const repeated: FieldInput[] = [];
  phones.forEach((p, i) => {
    if (phones.findIndex((o) => o.phone === p.phone) !== i)
      repeated.push({ path: `phones.${i}.phone`, message: 'repeated' });
  });
  if (repeated.length)
    throw new AppError('phoneRepeated', {}, 'the same phone number twice', { fields: repeated });
  if (allowDuplicate) return;
  const matches = phoneMatches(
    q,
    phones.map((p) => p.phone),
    exceptId,
  );
  if (matches.length === 0) return;
  const taken = new Set(matches.map((m) => m.phone));
  throw new AppError('phoneTaken', {}, 'phone number already belongs to another customer', {
    matches: matches.map((m) => ({ id: m.id, label: customerLabel(m, m.phone) })),
    fields: phones.flatMap((p, i) =>
      taken.has(p.phone) ? [{ path: `phones.${i}.phone`, message: 'duplicate' }] : [],
    ),
  });
}

/** Levels come from the shop's settings; a customer keeps a level the shop has since removed. */
export function assertLevel(q: Queryable, level: string, previous: string | null): void {
  if (level === previous) return;
  if (!readCounter(q).customerLevels.includes(level)) {
    throw fieldError('level', 'unknownCustomerLevel', { level }, 'not one of the shop’s customer levels');
  }
}

/** Replace a customer's numbers; position 0 is the primary one. */
export function writePhones(q: Queryable, customerId: string, phones: PhoneEntry[]): void {
  q.delete(customerPhones).where(eq(customerPhones.customerId, customerId)).run();
  appendPhones(q, customerId, phones, 0);
}

export function appendPhones(q: Queryable, customerId: string, phones: PhoneEntry[], from: number): void {
  phones.forEach((p, i) => {
    q.insert(customerPhones)
      .values({
        id: uuidv7(),
        customerId,
        phone: p.phone,
        phoneReversed: [...p.phone].reverse().join(''),
        label: p.label,
        position: from + i,
      })
      .run();
  });
}
