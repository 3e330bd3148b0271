import { and, count, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@shared/errors';
import { can, type Permission } from '@shared/roles';
import type { PrintForm, PrintRef } from '@shared/schemas/prints';
import { printLog, settlements, stockDocuments, workOrders } from '../db/schema';
import type { CallContext, Queryable } from './context';

/**
 * 补打: every print of a form is logged here, and a print's number is the count of its rows. The
 * log is a table of its own rather than audit_log rows: a print changes no record (the audit log is
 * the record of changes), the number is a COUNT on an index of (form, document) that every print
 * asks for, and a busy counter's dozens of prints a day would bury the changes in 操作日志.
 */

/** Who may print a form: whoever may read what it prints. */
const FORM_ACCESS: Record<PrintForm, Permission> = {
  intakeReceipt: 'workOrders.read',
  claimTicket: 'workOrders.read',
  jobSheet: 'workOrders.read',
  deviceLabel: 'workOrders.read',
  settlement: 'settlements.read',
  settlementReceipt: 'settlements.read',
  stockDocument: 'stock.read',
  stockList: 'stock.read',
  dayClose: 'settlements.read',
  reportSummary: 'reports.read',
  reportTechnicians: 'reports.read',
  reportWarranty: 'reports.read',
  reportServiceQuality: 'reports.read',
  routeSheet: 'workOrders.read',
  onsiteReport: 'workOrders.read',
};

/** The stored record a form prints, if it is one: a print of nothing is refused. */
function recordExists(q: Queryable, ref: PrintRef): boolean {
  const id = ref.documentId;
  switch (ref.form) {
    case 'intakeReceipt':
    case 'claimTicket':
    case 'jobSheet':
    case 'deviceLabel':
    case 'onsiteReport':
      return (
        q.select({ id: workOrders.id }).from(workOrders).where(eq(workOrders.id, id)).get() !== undefined
      );
    case 'settlement':
    case 'settlementReceipt':
      return (
        q.select({ id: settlements.id }).from(settlements).where(eq(settlements.id, id)).get() !== undefined
      );
    case 'stockDocument':
      return (
        q.select({ id: stockDocuments.id }).from(stockDocuments).where(eq(stockDocuments.id, id)).get() !==
        undefined
      );
    default:
      // A day, a period or the stock list: the contract checked its shape.
      return true;
  }
}

function check(ctx: CallContext, q: Queryable, ref: PrintRef): void {
  if (!ctx.user || !can(ctx.user.role, FORM_ACCESS[ref.form])) {
    throw new AppError('printForbidden', { form: ref.form }, `you may not print the ${ref.form} form`);
  }
  if (!recordExists(q, ref)) {
    throw new AppError(
      'printDocumentNotFound',
      { form: ref.form },
      `no document ${ref.documentId} for the ${ref.form} form`,
      {
        fields: [{ path: 'documentId', message: 'not found' }],
      },
    );
  }
}

function countOf(q: Queryable, ref: PrintRef): number {
  const row = q
    .select({ n: count() })
    .from(printLog)
    .where(and(eq(printLog.form, ref.form), eq(printLog.documentId, ref.documentId)))
    .get();
  return row?.n ?? 0;
}

/** How many times the form of the document has been printed so far. */
export function countPrints(ctx: CallContext, ref: PrintRef): { count: number } {
  const { db } = ctx.deps;
  check(ctx, db, ref);
  return { count: countOf(db, ref) };
}

/** A print issued: log it and return its number (1 the first time; 2 and on are 补打). */
export function recordPrint(ctx: CallContext, ref: PrintRef): { count: number } {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    check(ctx, tx, ref);
    tx.insert(printLog)
      .values({
        id: uuidv7(),
        form: ref.form,
        documentId: ref.documentId,
        printedBy: ctx.user?.id ?? null,
        username: ctx.user?.username ?? null,
        printedAt: now(),
      })
      .run();
    return { count: countOf(tx, ref) };
  });
}
