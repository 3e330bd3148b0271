import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditAction, AuditEntity } from '@shared/schemas/audit';
import type { TerminalRef } from '@shared/schemas/lan';

/** One change a call made, as its audit row names it: what the host tells every screen afterwards. */
export interface Change {
  entity: AuditEntity;
  id: string | null;
  action: AuditAction;
}

interface Scope {
  terminal: TerminalRef | null;
  changes: Change[];
}

/**
 * What every write inside one call shares without passing it through each service: the terminal the
 * call came from (named in its audit rows and timeline entries) and the changes it made. Dispatch
 * opens the scope; code run outside a call (start-up, the backup timer) sees no terminal.
 */
const storage = new AsyncLocalStorage<Scope>();

export function inCallScope<T>(terminal: TerminalRef | null, run: () => T): { result: T; changes: Change[] } {
  const scope: Scope = { terminal, changes: [] };
  const result = storage.run(scope, run);
  return { result, changes: scope.changes };
}

export function callTerminal(): TerminalRef | null {
  return storage.getStore()?.terminal ?? null;
}

export function noteChange(change: Change): void {
  storage.getStore()?.changes.push(change);
}
