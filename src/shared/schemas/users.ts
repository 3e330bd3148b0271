import { z } from 'zod';
import { ROLES, PERMISSIONS } from '../roles';
import { epochMs, id } from './common';

export const role = z.enum(ROLES);
export const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore');
export const displayName = z.string().trim().min(1).max(40);
/** Length only: a counter PC is shared, so a long phrase beats forced symbols. */
export const password = z.string().min(8).max(128);

export const sessionUser = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role,
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const userRow = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role,
  disabled: z.boolean(),
  lockedUntil: epochMs.nullable(),
  /** Locked out now, on the server's clock (lockedUntil stays as it was written). */
  locked: z.boolean(),
  lastSignInAt: epochMs.nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type UserRow = z.infer<typeof userRow>;

export const createUserInput = z.object({ username, displayName, role, password }).strict();
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z
  .object({
    id,
    displayName: displayName.optional(),
    role: role.optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

export const resetPasswordInput = z.object({ id, newPassword: password }).strict();
