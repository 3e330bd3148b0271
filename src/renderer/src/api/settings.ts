import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '@shared/contract';
import { invoke } from './client';
import { queryKeys } from './keys';

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => invoke('settings.get', {}) });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'settings.update'>) => invoke('settings.update', input),
    onSuccess: async (view) => {
      queryClient.setQueryData(queryKeys.settings, view);
      // The header shows the shop name and the idle lock reads its minutes from the boot state.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.authState }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
      ]);
    },
  });
}
