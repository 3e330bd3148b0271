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

/** The order and its device for a printed form, read fresh each time the form opens. */
export function useOrderForPrint(id: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.orderForPrint(id),
    enabled,
    staleTime: 0,
    gcTime: 0,
    queryFn: async () => {
      const order = await invoke('workOrders.get', { id });
      // The form still prints from the order's device label if the device cannot be read.
      const device = await invoke('devices.get', { id: order.deviceId }).then(
        (r) => r.device,
        () => null,
      );
      return { order, device };
    },
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
function useOrderMutation<I>(fn: (input: I) => Promise<Detail>, movesStock = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (detail) => {
      queryClient.setQueryData(queryKeys.workOrder(detail.id), detail);
      await Promise.all([
        afterCounterChange(queryClient),
        // A part line, a wait or a cancelled order moves stock: on-hand, documents and alerts change.
        ...(movesStock ? [queryClient.invalidateQueries({ queryKey: queryKeys.stock })] : []),
      ]);
    },
  });
}

/** The order as stored now, for an edit refused as stale: into the cache, and the lists refresh. */
export function useReloadWorkOrder(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    const fresh = await invoke('workOrders.get', { id });
    queryClient.setQueryData(queryKeys.workOrder(id), fresh);
    await afterCounterChange(queryClient);
    return fresh;
  };
}

export function useCreateWorkOrder() {
  return useOrderMutation((input: InputOf<'workOrders.create'>) => invoke('workOrders.create', input));
}

export function useUpdateWorkOrder() {
  return useOrderMutation((input: InputOf<'workOrders.update'>) => invoke('workOrders.update', input));
}

/** A move can put parts back (cancelling) or open a wait (awaiting parts), so stock is read again. */
export function useTransition() {
  return useOrderMutation(
    (input: InputOf<'workOrders.transition'>) => invoke('workOrders.transition', input),
    true,
  );
}

/** The customer's renewed approval of a new amount (the lines outgrew the approved quote). */
export function useRenewApproval() {
  return useOrderMutation((input: InputOf<'workOrders.renewApproval'>) =>
    invoke('workOrders.renewApproval', input),
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

/** 客户签名 for intake given after the order was taken; once, never replaced. */
export function useSignIntake() {
  return useOrderMutation((input: InputOf<'workOrders.signIntake'>) =>
    invoke('workOrders.signIntake', input),
  );
}

/** Takes the part off the shelf for the order (an orderIssue document). */
export function useAddOrderPart() {
  return useOrderMutation(
    (input: InputOf<'workOrders.addPart'>) => invoke('workOrders.addPart', input),
    true,
  );
}

export function useUpdateOrderPart() {
  return useOrderMutation(
    (input: InputOf<'workOrders.updatePart'>) => invoke('workOrders.updatePart', input),
    true,
  );
}

/** Puts the line's parts back on the shelf (an orderReturn document). */
export function useRemoveOrderPart() {
  return useOrderMutation(
    (input: InputOf<'workOrders.removePart'>) => invoke('workOrders.removePart', input),
    true,
  );
}
