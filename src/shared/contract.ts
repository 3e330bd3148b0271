import { z } from 'zod';
import type { Permission } from './roles';
import { empty, ok } from './schemas/common';
import { appState, changePasswordInput, setupInput, signInInput, unlockInput } from './schemas/auth';
import { createUserInput, resetPasswordInput, sessionUser, updateUserInput, userRow } from './schemas/users';
import { auditFacets, auditList, auditListInput } from './schemas/audit';
import { settingsView, updateSettingsInput } from './schemas/settings';

/**
 * Who may call a method: anyone (`public`), any signed-in user (`signedIn`), or holders of a
 * permission. `whileLocked` methods still work when the screen lock is on.
 */
export type Access = 'public' | 'signedIn' | Permission;

interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  whileLocked?: boolean;
}

function method<I extends z.ZodType, O extends z.ZodType>(spec: {
  input: I;
  output: O;
  access: Access;
  whileLocked?: boolean;
}) {
  return spec satisfies MethodSpec;
}

/** Every method the renderer may call. A method that is not here does not exist. */
export const contract = {
  'auth.state': method({ input: empty, output: appState, access: 'public', whileLocked: true }),
  'auth.setup': method({ input: setupInput, output: sessionUser, access: 'public' }),
  'auth.signIn': method({ input: signInInput, output: sessionUser, access: 'public' }),
  'auth.signOut': method({ input: empty, output: ok, access: 'signedIn', whileLocked: true }),
  'auth.lock': method({ input: empty, output: ok, access: 'signedIn' }),
  'auth.unlock': method({ input: unlockInput, output: ok, access: 'signedIn', whileLocked: true }),
  'auth.changePassword': method({ input: changePasswordInput, output: ok, access: 'signedIn' }),

  'users.list': method({ input: empty, output: z.array(userRow), access: 'users.read' }),
  'users.create': method({ input: createUserInput, output: userRow, access: 'users.write' }),
  'users.update': method({ input: updateUserInput, output: userRow, access: 'users.write' }),
  'users.resetPassword': method({ input: resetPasswordInput, output: userRow, access: 'users.write' }),

  'audit.list': method({ input: auditListInput, output: auditList, access: 'audit.read' }),
  'audit.facets': method({ input: empty, output: auditFacets, access: 'audit.read' }),

  'settings.get': method({ input: empty, output: settingsView, access: 'settings.read' }),
  'settings.update': method({ input: updateSettingsInput, output: settingsView, access: 'settings.write' }),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives after parsing. */
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
export type OutputOf<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}
