import { sql } from 'drizzle-orm';
import { sequences } from '../db/schema';
import type { Tx } from './context';

/** The next value of a named counter (1, 2, 3 …), taken in the transaction that uses the number. */
export function nextSequence(tx: Tx, name: string): number {
  const row = tx
    .insert(sequences)
    .values({ name, value: 1 })
    .onConflictDoUpdate({ target: sequences.name, set: { value: sql`${sequences.value} + 1` } })
    .returning({ value: sequences.value })
    .get();
  return row.value;
}
