import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/apiError';
import { issueMessage } from '../../i18n/errorMessage';

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
    if (!errors.has(index)) errors.set(index, { text: issueMessage(issue, t), on });
  }
  return errors;
}
