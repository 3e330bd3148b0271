import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { errorMessage } from '../i18n/errorMessage';

/** Refusals of the counter services that deserve their own words; everything else by its code. */
const KNOWN = [
  { code: 'CONFLICT', pattern: /open work order/, key: 'customers.archiveOpenOrders' },
  { code: 'CONFLICT', pattern: /phone number already/, key: 'customers.duplicateNeedAck' },
  { code: 'CONFLICT', pattern: /merge/, key: 'customers.mergeConflict' },
  { code: 'NOT_FOUND', pattern: /merged into another/, key: 'customers.wasMerged' },
  { code: 'INVALID_TRANSITION', pattern: /closed to edits/, key: 'workOrders.closedToEdits' },
] as const;

/** One clear message for a failed counter call (customers, devices, work orders). */
export function counterError(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    const known = KNOWN.find((k) => k.code === err.code && k.pattern.test(err.message));
    if (known) return t(known.key);
  }
  return errorMessage(err, t);
}

/** The records a CONFLICT names (e.g. customers who already have this phone number). */
export function conflictMatches(err: unknown): { id: string; label: string }[] {
  return err instanceof ApiError && err.code === 'CONFLICT' ? (err.details?.matches ?? []) : [];
}
