import { eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { Customer } from '@shared/schemas/customers';
import {
  complaints,
  customerPhones,
  customers,
  devices,
  followUps,
  outboxMessages,
  workOrders,
  type CustomerRecord,
} from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext } from '../context';
import { actorOf } from '../users';
import { withoutVersion } from '../versions';
import {
  appendPhones,
  customerRecord,
  loadCustomer,
  parseTags,
  phonesOf,
  toCustomer,
  type PhoneEntry,
} from './records';

/** What the customer form accepts; a merge never leaves the kept customer unsavable. */
const MAX_PHONES = 5;
const MAX_TAGS = 10;
const MAX_NOTES = 1000;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Fold `mergeId` into `keepId` (a manager's cleanup of a duplicate): the merged customer's numbers
 * (without repeats), devices and work orders move to the kept one, tags and notes are joined and
 * empty contact fields filled in. The merged row stays, archived, with `mergedIntoId` set, so old
 * audit entries and printed forms still resolve. One audit row records what moved.
 */
export function mergeCustomers(ctx: CallContext, input: ParsedInputOf<'customers.merge'>): Customer {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const keep = customerRecord(tx, input.keepId);
    const merge = customerRecord(tx, input.mergeId);
    if (keep.mergedIntoId) {
      throw new AppError(
        'customerMergeRefused',
        { problem: 'keepMerged' },
        'cannot merge into a customer that was itself merged',
        { fields: [{ path: 'keepId' }] },
      );
    }
    if (keep.archivedAt !== null) {
      throw new AppError(
        'customerMergeRefused',
        { problem: 'keepArchived' },
        'cannot merge into an archived customer; restore it first',
        { fields: [{ path: 'keepId' }] },
      );
    }
    if (merge.mergedIntoId) {
      throw new AppError(
        'customerMergeRefused',
        { problem: 'alreadyMerged' },
        'this customer was already merged',
        {
          fields: [{ path: 'mergeId' }],
        },
      );
    }
    const at = now();

    const keepPhones = phonesOf(tx, keep.id);
    const mergePhones = phonesOf(tx, merge.id);
    const fresh = mergePhones.filter((p) => !keepPhones.some((k) => k.phone === p.phone));
    const room = Math.max(0, MAX_PHONES - keepPhones.length);
    const moved: PhoneEntry[] = fresh.slice(0, room);
    const overflowPhones = fresh.slice(room).map((p) => p.phone);

    const keepTags = parseTags(keep.tags);
    const newTags = parseTags(merge.tags).filter((t) => !keepTags.includes(t));
    const tags = [...keepTags, ...newTags].slice(0, MAX_TAGS);
    const overflowTags = newTags.slice(Math.max(0, MAX_TAGS - keepTags.length));

    const mergeLine = [
      `合并自 ${merge.code} ${merge.name}`,
      merge.notes,
      overflowPhones.length ? `其他电话：${overflowPhones.join('、')}` : '',
      overflowTags.length ? `其他标签：${overflowTags.join('、')}` : '',
    ]
      .filter(Boolean)
      .join('；');
    const notes = clip([keep.notes, mergeLine].filter(Boolean).join('\n'), MAX_NOTES);

    const next: CustomerRecord = {
      ...keep,
      email: keep.email || merge.email,
      address: keep.address || merge.address,
      company: keep.company || merge.company,
      tags: JSON.stringify(tags),
      notes,
      updatedAt: at,
    };

    const deviceIds = tx
      .update(devices)
      .set({ customerId: keep.id, updatedAt: at })
      .where(eq(devices.customerId, merge.id))
      .returning({ id: devices.id })
      .all()
      .map((r) => r.id);
    const orderIds = tx
      .update(workOrders)
      .set({ customerId: keep.id, updatedAt: at })
      .where(eq(workOrders.customerId, merge.id))
      .returning({ id: workOrders.id })
      .all()
      .map((r) => r.id);
    // The follow-ups go with their orders.
    tx.update(followUps).set({ customerId: keep.id }).where(eq(followUps.customerId, merge.id)).run();
    // So do the messages (a queued one goes to the kept customer's number).
    tx.update(outboxMessages)
      .set({ customerId: keep.id })
      .where(eq(outboxMessages.customerId, merge.id))
      .run();
    // A complaint follows its customer (and its order, moved just above).
    const complaintIds = tx
      .update(complaints)
      .set({ customerId: keep.id, updatedAt: at })
      .where(eq(complaints.customerId, merge.id))
      .returning({ id: complaints.id })
      .all()
      .map((r) => r.id);
    tx.delete(customerPhones).where(eq(customerPhones.customerId, merge.id)).run();
    appendPhones(tx, keep.id, moved, keepPhones.length);
    tx.update(customers).set(next).where(eq(customers.id, keep.id)).run();
    tx.update(customers)
      .set({ mergedIntoId: keep.id, archivedAt: merge.archivedAt ?? at, updatedAt: at })
      .where(eq(customers.id, merge.id))
      .run();

    const phones = [...keepPhones, ...moved];
    const keepBefore = toCustomer(keep, keepPhones);
    const keepAfter = toCustomer(next, phones);
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'customer',
      entityId: keep.id,
      before: {
        merge: true,
        kept: pickMerged(keepBefore),
        merged: { ...withoutVersion(toCustomer(merge, mergePhones)), mergedIntoId: null },
      },
      after: {
        merge: true,
        kept: pickMerged(keepAfter),
        merged: { id: merge.id, code: merge.code, mergedIntoId: keep.id, archivedAt: merge.archivedAt ?? at },
        devices: deviceIds,
        workOrders: orderIds,
        ...(complaintIds.length ? { complaints: complaintIds } : {}),
      },
    });
    // Read back: the trigger has bumped the version.
    return loadCustomer(tx, keep.id);
  });
}

function pickMerged(c: Customer) {
  return {
    id: c.id,
    code: c.code,
    phones: c.phones,
    email: c.email,
    address: c.address,
    company: c.company,
    tags: c.tags,
    notes: c.notes,
  };
}
