import { useMutation, useQuery } from '@tanstack/react-query';
import type { PrintRef } from '@shared/schemas/prints';
import { invoke } from './client';
import { queryKeys } from './keys';

/** How often the form of the document has been printed so far, fresh each time a preview opens. */
export function usePrintCount(ref: PrintRef | null) {
  return useQuery({
    queryKey: queryKeys.printCount(ref?.form ?? '', ref?.documentId ?? ''),
    enabled: ref !== null,
    staleTime: 0,
    gcTime: 0,
    queryFn: () => (ref ? invoke('prints.count', ref) : Promise.resolve({ count: 0 })),
  });
}

/** A print issued: the server logs it and answers its number. */
export function useRecordPrint() {
  return useMutation({ mutationFn: (ref: PrintRef) => invoke('prints.record', ref) });
}
