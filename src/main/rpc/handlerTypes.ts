import type { Method, OutputOf, ParsedInputOf } from '@shared/contract';
import type { CallContext } from '../services/context';

export type Handler<M extends Method> = (
  input: ParsedInputOf<M>,
  ctx: CallContext,
) => OutputOf<M> | Promise<OutputOf<M>>;

/** Handlers for the methods whose names start with `prefix`, e.g. HandlersFor<'customers.'>. */
export type HandlersFor<Prefix extends string> = {
  [M in Method as M extends `${Prefix}${string}` ? M : never]: Handler<M>;
};

/** Excel import and export, served from handlers/excel.ts whatever their prefix. */
export type ExcelMethod =
  | 'parts.import'
  | 'parts.importTemplate'
  | 'parts.export'
  | 'customers.import'
  | 'customers.importTemplate'
  | 'customers.export'
  | 'stock.exportOnHand'
  | 'stock.exportMovements';

/** One handler per contract method; the type makes a missing or extra one a compile error. */
export type Handlers = { [M in Method]: Handler<M> };
