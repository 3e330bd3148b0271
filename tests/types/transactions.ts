/**
 * Writes that belong to a change run inside its transaction, and the compiler checks it (see
 * tests/types/README.md): the audit row and the sequence take a transaction, not the connection.
 */
import type { Db } from '../../src/main/db/open';
import { writeAudit, writeLoneAudit, type AuditWrite } from '../../src/main/services/audit';
import { nextSequence } from '../../src/main/services/sequences';

declare const db: Db;
declare const entry: AuditWrite;

export function _inside(): number {
  return db.transaction((tx) => {
    writeAudit(tx, entry);
    return nextSequence(tx, 'customer');
  });
}

export function _outside(): void {
  // @ts-expect-error an audit row is written in the transaction of the change it records
  writeAudit(db, entry);
  // @ts-expect-error a number is taken in the transaction that uses it
  nextSequence(db, 'customer');
  // An action that changes no other row says so by name.
  writeLoneAudit(db, entry);
}
