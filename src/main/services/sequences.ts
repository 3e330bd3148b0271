import { sql } from 'drizzle-orm';
import { sequences } from '../db/schema';
import type { Tx } from './context';
import { preparedQuery } from './preparedQuery';

const takeNext = preparedQuery((q) =>
  q
    .insert(sequences)
    .values({ name: sql.placeholder('name'), value: 1 })
    .onConflictDoUpdate({ target: sequences.name, set: { value: sql`${sequences.value} + 1` } })
    .returning({ value: sequences.value })
    .prepare(),
);

/** The next value of a named counter (1, 2, 3 …), taken in the transaction that uses the number. */
export function nextSequence(tx: Tx, name: string): number {
  const row = takeNext(tx).get({ name });
  if (!row) throw new Error(`sequence ${name} returned no value`);
  return row.value;
}
