import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditListInput } from '@shared/schemas/audit';
import { invoke } from './client';
import { queryKeys } from './keys';

export function useAuditList(input: AuditListInput) {
  return useQuery({
    queryKey: queryKeys.auditList(input),
    queryFn: () => invoke('audit.list', input),
    placeholderData: keepPreviousData,
  });
}

export function useAuditFacets() {
  return useQuery({ queryKey: queryKeys.auditFacets, queryFn: () => invoke('audit.facets', {}) });
}
