import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { FieldIssue } from '@shared/errors';
import { ApiError } from '../../api/client';
import { errorMessage, issueMessage } from '../../i18n/errorMessage';

/** Refusals of the stock services that deserve their own words; everything else by its code. */
const KNOWN = [
  { code: 'CONFLICT', pattern: /code already in use/, key: 'stock.errors.codeTaken' },
  { code: 'CONFLICT', pattern: /part is archived/, key: 'stock.errors.partArchived' },
  { code: 'CONFLICT', pattern: /supplier is archived/, key: 'stock.errors.supplierArchived' },
  { code: 'CONFLICT', pattern: /already been reversed/, key: 'stock.errors.alreadyReversed' },
  { code: 'CONFLICT', pattern: /cannot itself be reversed/, key: 'stock.errors.isReversal' },
  { code: 'VALIDATION', pattern: /counted twice/, key: 'stock.errors.countedTwice' },
  { code: 'VALIDATION', pattern: /cost is already/, key: 'stock.errors.costUnchanged' },
  { code: 'CONFLICT', pattern: /cost adjustment is corrected/, key: 'stock.errors.costNotReversed' },
  { code: 'INSUFFICIENT_STOCK', pattern: /./, key: 'stock.errors.insufficient' },
] as const;

/** One clear message for a failed stock call. */
export function stockError(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    const known = KNOWN.find((k) => k.code === err.code && k.pattern.test(err.message));
    if (known) return t(known.key);
  }
  return errorMessage(err, t);
}

/** The number in "only 3 on hand" (INSUFFICIENT_STOCK), when the server said it. */
function onHandOf(message: string): number | null {
  const match = /only (-?\d+)/.exec(message);
  return match ? Number(match[1]) : null;
}

/** The words for one field issue of a stock call. */
function stockIssue(err: ApiError, issue: FieldIssue, t: TFunction): string {
  if (err.code === 'INSUFFICIENT_STOCK') {
    const onHand = onHandOf(issue.message);
    return onHand === null ? t('stock.errors.insufficient') : t('stock.errors.insufficientLine', { onHand });
  }
  if (issue.message === 'already in use') return t('stock.errors.codeTaken');
  if (issue.message === 'archived') {
    return issue.path.endsWith('partId')
      ? t('stock.errors.partArchived')
      : t('stock.errors.supplierArchived');
  }
  if (issue.message === 'counted twice') return t('stock.errors.countedTwice');
  if (issue.message === 'unchanged') return t('stock.errors.costUnchanged');
  if (issue.message === 'no such part') return t('stock.errors.noSuchPart');
  if (issue.message === 'no such supplier') return t('stock.errors.noSuchSupplier');
  return issueMessage(issue, t);
}

/** Mark the form fields a server error names, in the stock screens' own words. */
export function showStockFieldErrors(form: FormInstance, err: unknown, t: TFunction): void {
  if (!(err instanceof ApiError)) return;
  const values = form.getFieldsValue(true) as Record<string, unknown>;
  const fields = (err.details?.fields ?? [])
    .filter((issue) => !issue.path.includes('.') && Object.hasOwn(values, issue.path))
    .map((issue) => ({ name: issue.path, errors: [stockIssue(err, issue, t)] }));
  if (fields.length > 0) form.setFields(fields);
}

/** A problem on a document line: its words, and whether it is about the unit cost or the quantity. */
export interface LineError {
  text: string;
  on: 'qty' | 'unitCost';
}

/** Errors on document lines by line index ("lines.2.qty" → 2), for the lines editor. */
export function lineErrorsOf(err: unknown, t: TFunction): Map<number, LineError> {
  const errors = new Map<number, LineError>();
  if (!(err instanceof ApiError)) return errors;
  for (const issue of err.details?.fields ?? []) {
    const match = /^lines\.(\d+)(?:\.(\w+))?$/.exec(issue.path);
    if (!match) continue;
    const index = Number(match[1]);
    const on = match[2] === 'unitCost' ? 'unitCost' : 'qty';
    if (!errors.has(index)) errors.set(index, { text: stockIssue(err, issue, t), on });
  }
  return errors;
}
