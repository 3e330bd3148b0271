import type { AuditListInput } from '@shared/schemas/audit';

/** Every TanStack Query key the renderer uses, so invalidations name the same arrays. */
export const queryKeys = {
  authState: ['auth', 'state'] as const,
  users: ['users'] as const,
  audit: ['audit'] as const,
  auditList: (input: AuditListInput) => ['audit', 'list', input] as const,
  auditFacets: ['audit', 'facets'] as const,
  settings: ['settings'] as const,
};
