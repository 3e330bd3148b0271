import { terminalRef } from './lan';
import { z } from 'zod';
import { epochMs } from './common';
import { password, sessionUser, username, displayName } from './users';
import { branchCode, shopName } from './settings';

export const appState = z.object({
  /** No user exists yet: the first-run screen is shown. */
  setupNeeded: z.boolean(),
  shopName: z.string().nullable(),
  user: sessionUser.nullable(),
  /** Signed in, but the screen is locked until the password is typed again. */
  locked: z.boolean(),
  idleLockMinutes: z.int(),
  /** The server's clock when it answered: screens take "today" from the host, not their own clock. */
  now: epochMs,
  /** The LAN terminal this screen works from; null on the host PC itself. */
  terminal: terminalRef.nullable(),
  /** The shop is the demo shop (示例数据): every screen says so, and an admin can remove it. */
  sampleData: z.boolean(),
});
export type AppState = z.infer<typeof appState>;

export const setupInput = z
  .object({
    shopName,
    branchCode,
    admin: z.object({ username, displayName, password }).strict(),
    /** 用示例数据试用: the shop starts as a demo shop built from real repair records (removable). */
    sampleData: z.boolean().default(false),
  })
  .strict();

/** Sign-in checks only presence: length rules would tell an attacker about the policy. */
export const signInInput = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) })
  .strict();
export const changePasswordInput = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: password })
  .strict();
export const unlockInput = z.object({ password: z.string().min(1).max(128) }).strict();
