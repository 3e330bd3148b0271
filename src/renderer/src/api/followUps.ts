import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '@shared/contract';
import type { ListFollowUpsInput } from '@shared/schemas/followUps';
import { invoke } from './client';
import { afterCounterChange } from './customers';
import { queryKeys } from './keys';

export function useFollowUpList(input: ListFollowUpsInput) {
  return useQuery({
    queryKey: queryKeys.followUpList(input),
    queryFn: () => invoke('followUps.list', input),
    placeholderData: keepPreviousData,
  });
}

/** A call changes the queue, the order's timeline, and may open a complaint or a rework order. */
export function useRecordCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'followUps.record'>) => invoke('followUps.record', input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.followUps }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard }),
        afterCounterChange(queryClient),
      ]),
  });
}
