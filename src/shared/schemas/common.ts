import { z } from 'zod';

/** UUIDv7 text keys. */
export const id = z.uuid();
/** Epoch milliseconds, UTC. */
export const epochMs = z.int().nonnegative();
export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });

export const page = z.int().min(1).default(1);
export const pageSize = z.int().min(1).max(200).default(50);

export function paged<T extends z.ZodType>(row: T) {
  return z.object({ total: z.int().nonnegative(), rows: z.array(row) });
}
