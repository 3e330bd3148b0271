/**
 * What an import row does to the customer it matched: the fields it gives replace the customer's
 * (a blank cell keeps the field: clearing one is the form's job), its phones are added to the
 * customer's (never removed: a number the shop has may be newer than the file), and its 建档时间
 * replaces the customer's when given. The change list words every value as the file would.
 */
import { eq } from 'drizzle-orm';
import type { ParsedInputOf } from '@shared/contract';
import { LABELS } from '@shared/labels';
import type { z } from 'zod';
import { createCustomerInput, updateCustomerInput, type CustomerType } from '@shared/schemas/customers';
import type { ImportRowChange } from '@shared/schemas/excel';
import { customers, type CustomerRecord } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Queryable, Tx } from '../context';
import { customerRecord, parseTags, phonesOf } from '../customers/records';
import { actorOf } from '../users';
import type { CustomerColumnKey } from './columns';
import { dateTimeText, issueCode, type ErrorList, type MappedSheet } from './importSheet';

/** One row of the file, read and checked as a new customer would be. */
export interface ReadCustomer {
  row: number;
  input: z.output<typeof createCustomerInput>;
  /** Columns with a value in this row (a blank cell is not a value: an update keeps the field). */
  given: Set<CustomerColumnKey>;
  createdAt: number | undefined;
  code: string;
}

export interface CustomerUpdate {
  id: string;
  change: ImportRowChange;
  /** The form's update, when a field other than the creation time changes. */
  input: ParsedInputOf<'customers.update'> | null;
  /** The new creation time, when it changes. */
  createdAt: number | undefined;
}

const TEXT_FIELDS = ['name', 'level', 'email', 'address', 'company', 'notes'] as const;

export function customerUpdate(
  q: Queryable,
  sheet: MappedSheet<CustomerColumnKey>,
  errors: ErrorList,
  read: ReadCustomer,
  before: CustomerRecord,
): CustomerUpdate | null {
  const { input, given } = read;
  const phonesBefore = phonesOf(q, before.id);
  const known = new Set(phonesBefore.map((p) => p.phone));
  const phones = [...phonesBefore, ...input.phones.filter((p) => !known.has(p.phone))];
  const tagsBefore = parseTags(before.tags);
  const next = {
    id: before.id,
    version: before.version,
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, given.has(f) ? input[f] : before[f]])),
    type: given.has('type') ? input.type : before.type,
    tags: given.has('tags') ? input.tags : tagsBefore,
    phones,
    allowDuplicatePhone: false,
  };
  const parsed = updateCustomerInput.safeParse(next, { reportInput: true });
  if (!parsed.success) {
    // Only the phones can fail here (every other value passed the form's rules): too many together.
    for (const issue of parsed.error.issues) {
      errors.add(
        read.row,
        sheet.header('phones'),
        issueCode(issue, 'phone'),
        phones.map((p) => p.phone).join(' / '),
      );
    }
    return null;
  }

  const typeWord = (t: CustomerType) => LABELS.customerTypes[sheet.lang][t];
  const fields: ImportRowChange['fields'] = [];
  const compare = (key: CustomerColumnKey, old: string, now: string) => {
    if (old !== now) fields.push({ column: sheet.header(key), before: old, after: now });
  };
  const data = parsed.data;
  compare('name', before.name, data.name);
  compare('phones', phonesBefore.map((p) => p.phone).join(' / '), phones.map((p) => p.phone).join(' / '));
  compare('type', typeWord(before.type), typeWord(data.type));
  for (const f of ['level', 'email', 'address', 'company'] as const) compare(f, before[f], data[f]);
  compare('tags', tagsBefore.join(' / '), data.tags.join(' / '));
  compare('notes', before.notes, data.notes);
  const formChanges = fields.length > 0;
  const createdAt =
    read.createdAt !== undefined && read.createdAt !== before.createdAt ? read.createdAt : undefined;
  if (createdAt !== undefined) compare('createdAt', dateTimeText(before.createdAt), dateTimeText(createdAt));

  return {
    id: before.id,
    change: {
      row: read.row,
      code: before.code,
      name: before.name,
      action: fields.length > 0 ? 'update' : 'unchanged',
      fields,
    },
    input: formChanges ? data : null,
    createdAt,
  };
}

/** Set when a customer first came, with its audit row (an import bringing the shop's own records). */
export function setCreatedAt(ctx: CallContext, tx: Tx, id: string, createdAt: number): void {
  const before = customerRecord(tx, id);
  if (before.createdAt === createdAt) return;
  const at = ctx.deps.now();
  tx.update(customers).set({ createdAt, updatedAt: at }).where(eq(customers.id, id)).run();
  writeAudit(tx, {
    at,
    actor: actorOf(ctx.user),
    action: 'update',
    entity: 'customer',
    entityId: id,
    before: { createdAt: before.createdAt },
    after: { createdAt },
  });
}
