/** Roles and the permissions each holds. Dispatch enforces these; the renderer only hides. */
export const ROLES = ['admin', 'manager', 'clerk', 'technician'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'users.read',
  'users.write',
  'audit.read',
  'settings.read',
  'settings.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  manager: ['users.read', 'audit.read', 'settings.read'],
  clerk: ['settings.read'],
  technician: ['settings.read'],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
