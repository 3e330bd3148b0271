import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '@shared/contract';
import { invoke } from './client';
import { queryKeys } from './keys';
import { afterSettlementChange } from './settlements';

type Detail = OutputOf<'workOrders.get'>;

/** 订金 moves money: the order (cached at once), the day close, the dashboard and the log read again. */
function useDepositMutation<I>(fn: (input: I) => Promise<Detail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (detail) => {
      queryClient.setQueryData(queryKeys.workOrder(detail.id), detail);
      await Promise.all([
        afterSettlementChange(queryClient),
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard }),
      ]);
    },
  });
}

export function useTakeDeposit() {
  return useDepositMutation((input: InputOf<'deposits.take'>) => invoke('deposits.take', input));
}

export function useRefundDeposit() {
  return useDepositMutation((input: InputOf<'deposits.refund'>) => invoke('deposits.refund', input));
}
