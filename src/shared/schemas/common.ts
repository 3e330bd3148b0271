import { z } from 'zod';
import { isIsoDate } from '../dates';

/** UUIDv7 text keys. */
export const id = z.uuid();
/** Epoch milliseconds, UTC. */
export const epochMs = z.int().nonnegative();
/**
 * A record's version: every change bumps it. An edit sends the version it started from, and one made
 * stale by a change since is refused (`staleEdit`), so two people never overwrite each other.
 */
export const recordVersion = z.int().min(1);
export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });

export const page = z.int().min(1).default(1);
export const pageSize = z.int().min(1).max(200).default(50);

export function paged<T extends z.ZodType>(row: T) {
  return z.object({ total: z.int().nonnegative(), rows: z.array(row) });
}

/** A calendar day, `YYYY-MM-DD` (purchase date, warranty end, a visit's or an appointment's day). */
export const isoDate = z.string().refine(isIsoDate, 'YYYY-MM-DD');
