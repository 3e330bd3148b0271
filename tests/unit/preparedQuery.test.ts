import { join } from 'node:path';
import { eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { settings } from '../../src/main/db/schema';
import type { Queryable } from '../../src/main/services/context';
import { preparedQuery } from '../../src/main/services/preparedQuery';
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
