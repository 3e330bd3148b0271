import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '@shared/contract';
import type { ListWorkOrdersInput } from '@shared/schemas/workOrders';
import { afterCounterChange } from './customers';
import { invoke } from './client';
import { queryKeys } from './keys';

export function useWorkOrderList(input: ListWorkOrdersInput, enabled = true) {
  return useQuery({
    queryKey: queryKeys.workOrderList(input),
    queryFn: () => invoke('workOrders.list', input),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useWorkOrder(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.workOrder(id ?? ''),
    queryFn: () => invoke('workOrders.get', { id: id ?? '' }),
    enabled: Boolean(id),
  });
}

export function useTechnicians() {
  return useQuery({
    queryKey: queryKeys.technicians,
    queryFn: () => invoke('workOrders.technicians', {}),
    staleTime: 60_000,
  });
}

/** A photo's bytes as a data URL; stored photos never change, so it is read once. */
export function useAttachment(id: string) {
  return useQuery({
    queryKey: queryKeys.attachment(id),
    queryFn: () => invoke('workOrders.attachment', { id }),
    staleTime: Infinity,
  });
}

type Detail = OutputOf<'workOrders.get'>;

/** Every work-order change answers with the whole order: put it in the cache, then refresh lists. */
function useOrderMutation<I>(fn: (input: I) => Promise<Detail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (detail) => {
      queryClient.setQueryData(queryKeys.workOrder(detail.id), detail);
      await afterCounterChange(queryClient);
    },
  });
}

export function useCreateWorkOrder() {
  return useOrderMutation((input: InputOf<'workOrders.create'>) => invoke('workOrders.create', input));
}

export function useUpdateWorkOrder() {
  return useOrderMutation((input: InputOf<'workOrders.update'>) => invoke('workOrders.update', input));
}

export function useTransition() {
  return useOrderMutation((input: InputOf<'workOrders.transition'>) =>
    invoke('workOrders.transition', input),
  );
}

export function useAssign() {
  return useOrderMutation((input: InputOf<'workOrders.assign'>) => invoke('workOrders.assign', input));
}

export function useAddNote() {
  return useOrderMutation((input: InputOf<'workOrders.addNote'>) => invoke('workOrders.addNote', input));
}

export function useOverrideWarranty() {
  return useOrderMutation((input: InputOf<'workOrders.overrideWarranty'>) =>
    invoke('workOrders.overrideWarranty', input),
  );
}

export function useAddAttachment() {
  return useOrderMutation((input: InputOf<'workOrders.addAttachment'>) =>
    invoke('workOrders.addAttachment', input),
  );
}
