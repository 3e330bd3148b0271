import { join } from 'node:path';
import { eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { customers, settings } from '../../src/main/db/schema';
import type { Queryable } from '../../src/main/services/context';
import {
  preparedInsert,
  preparedQuery,
  preparedRowById,
  preparedUpdateById,
} from '../../src/main/services/preparedQuery';
import { MIGRATIONS, tempDir } from './harness';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function openShop() {
  const { dir, cleanup } = tempDir();
  const opened = openDatabase(join(dir, 'shop.db'), MIGRATIONS);
  cleanups.push(() => {
    opened.sqlite.close();
    cleanup();
  });
  return opened;
}

let builds = 0;
const valueOf = preparedQuery((q: Queryable) => {
  builds++;
  return q
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, sql.placeholder('key')))
    .prepare();
});

describe('preparedQuery', () => {
  it('builds once for a connection and every transaction on it, and reads what the transaction wrote', () => {
    const { db } = openShop();
    builds = 0;
    expect(valueOf(db).get({ key: 'k' })).toBeUndefined();
    expect(() =>
      db.transaction((tx) => {
        tx.insert(settings).values({ key: 'k', value: '"in the transaction"', updatedAt: 1 }).run();
        expect(valueOf(tx)).toBe(valueOf(db));
        expect(valueOf(tx).get({ key: 'k' })?.value).toBe('"in the transaction"');
        tx.rollback();
      }),
    ).toThrow(TransactionRollbackError);
    expect(valueOf(db).get({ key: 'k' })).toBeUndefined();
    expect(builds).toBe(1);
  });

  it('builds again for another connection, which reads its own data', () => {
    const one = openShop();
    const two = openShop();
    one.db.insert(settings).values({ key: 'k', value: '1', updatedAt: 1 }).run();
    builds = 0;
    expect(valueOf(one.db).get({ key: 'k' })?.value).toBe('1');
    expect(valueOf(two.db).get({ key: 'k' })).toBeUndefined();
    expect(builds).toBe(2);
  });
});

const insertCustomer = preparedInsert(customers);
const customerById = preparedRowById(customers);

function customerRow(id: string, noContact: boolean) {
  return {
    id,
    code: id,
    name: '张三',
    initials: 'zs',
    type: 'individual' as const,
    level: 'normal',
    email: '',
    address: '',
    company: '',
    tags: '[]',
    notes: '',
    mergedIntoId: null,
    noContact,
    archivedAt: null,
    createdAt: 1,
    updatedAt: 1,
    version: 1,
  };
}

describe('preparedInsert', () => {
  const row = customerRow;

  it('writes every column through its encoder, in the transaction it is given', () => {
    const { db, sqlite } = openShop();
    insertCustomer(db, row('C1', true));
    insertCustomer(db, row('C2', false));
    // The boolean column went through drizzle's encoder: 1 and 0 on disk, true and false read back.
    expect(sqlite.prepare('SELECT no_contact FROM customers ORDER BY id').pluck().all()).toEqual([1, 0]);
    expect(db.select().from(customers).where(eq(customers.id, 'C1')).get()).toEqual(row('C1', true));
    // And read back by id the same way: the whole row, or undefined.
    expect(customerById(db, 'C1')).toEqual(row('C1', true));
    expect(customerById(db, 'nope')).toBeUndefined();
    expect(() =>
      db.transaction((tx) => {
        insertCustomer(tx, row('C3', false));
        expect(sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(3);
        tx.rollback();
      }),
    ).toThrow(TransactionRollbackError);
    expect(sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(2);
    // A constraint still refuses: the same code twice.
    expect(() => insertCustomer(db, { ...row('C4', false), code: 'C1' })).toThrow(/UNIQUE/);
  });
});

describe('preparedUpdateById', () => {
  const updateCustomer = preparedUpdateById(customers);

  it('sets only the columns a patch names, through their encoders, once prepared per set of columns', () => {
    const { db, sqlite } = openShop();
    insertCustomer(db, customerRow('C1', false));
    insertCustomer(db, customerRow('C2', false));
    updateCustomer(db, 'C1', { noContact: true, updatedAt: 5 });
    // A column given as undefined is left alone, as drizzle's own set() does.
    updateCustomer(db, 'C1', { name: '李四', notes: undefined });
    // The same set of columns, named in another order: the statement built first serves it.
    updateCustomer(db, 'C2', { updatedAt: 7, noContact: true });
    expect(sqlite.prepare('SELECT no_contact FROM customers ORDER BY id').pluck().all()).toEqual([1, 1]);
    // Each update fired the table's triggers, which bump the version (drizzle/0013).
    expect(customerById(db, 'C1')).toEqual({
      ...customerRow('C1', true),
      name: '李四',
      updatedAt: 5,
      version: 3,
    });
    expect(customerById(db, 'C2')).toEqual({ ...customerRow('C2', true), updatedAt: 7, version: 2 });
  });

  it('writes in the transaction it is given, and a constraint still refuses', () => {
    const { db } = openShop();
    insertCustomer(db, customerRow('C1', false));
    insertCustomer(db, customerRow('C2', false));
    expect(() =>
      db.transaction((tx) => {
        updateCustomer(tx, 'C1', { name: '王五' });
        expect(customerById(tx, 'C1')?.name).toBe('王五');
        tx.rollback();
      }),
    ).toThrow(TransactionRollbackError);
    expect(customerById(db, 'C1')?.name).toBe('张三');
    expect(() => updateCustomer(db, 'C2', { code: 'C1' })).toThrow(/UNIQUE/);
    expect(customerById(db, 'C2')).toEqual(customerRow('C2', false));
  });
});
