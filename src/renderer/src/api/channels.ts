import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '@shared/contract';
import { invoke } from './client';
import { queryKeys } from './keys';

export function useChannels() {
  return useQuery({ queryKey: queryKeys.channels, queryFn: () => invoke('channels.get', {}) });
}

export function useUpdateChannels() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'channels.update'>) => invoke('channels.update', input),
    onSuccess: async (view) => {
      queryClient.setQueryData(queryKeys.channels, view);
      await queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}

export function useTestSend() {
  return useMutation({ mutationFn: (input: InputOf<'channels.test'>) => invoke('channels.test', input) });
}
