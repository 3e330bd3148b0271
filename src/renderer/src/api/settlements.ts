import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { InputOf, OutputOf } from '@shared/contract';
import { invoke } from './client';
import { queryKeys } from './keys';

export type Settlement = OutputOf<'settlements.get'>;
export type SettlementRow = OutputOf<'settlements.list'>['rows'][number];
export type DayReport = OutputOf<'dayClose.get'>;

/**
 * Money moved or a line changed: the settlement, its order (lines, status, timeline) and the audit
 * log all show it, so all three are read again.
 */
export async function afterSettlementChange(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.settlements }),
    queryClient.invalidateQueries({ queryKey: queryKeys.workOrders }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
  ]);
}

// ---- reads ----

/** The figures a settlement of the order would have with this discount; nothing is saved. */
export function useSettlementPreview(input: InputOf<'settlements.preview'>, enabled = true) {
  return useQuery({
    queryKey: queryKeys.settlementPreview(input),
    queryFn: () => invoke('settlements.preview', input),
    placeholderData: keepPreviousData,
    // Part lines change through work-order calls that do not touch this prefix: read it afresh.
    staleTime: 0,
    enabled,
  });
}

export function useSettlement(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.settlement(id ?? ''),
    queryFn: () => invoke('settlements.get', { id: id ?? '' }),
    enabled: Boolean(id),
  });
}

export function useSettlementList(input: InputOf<'settlements.list'>) {
  return useQuery({
    queryKey: queryKeys.settlementList(input),
    queryFn: () => invoke('settlements.list', input),
    placeholderData: keepPreviousData,
  });
}

export function useDayReport(date: string) {
  return useQuery({
    queryKey: queryKeys.dayReport(date),
    queryFn: () => invoke('dayClose.get', { date }),
    placeholderData: keepPreviousData,
  });
}

/**
 * The settlement, its order (phone, serial, warranty) and device for a printed form, read fresh
 * each time the form opens.
 */
export function useSettlementForPrint(id: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.settlementForPrint(id),
    enabled,
    staleTime: 0,
    gcTime: 0,
    queryFn: async () => {
      const settlement = await invoke('settlements.get', { id });
      // The settlement carries the customer's name and the device label; the form still prints
      // without the order's phone and serial if they cannot be read.
      const order = await invoke('workOrders.get', { id: settlement.workOrderId }).catch(() => null);
      const device = order
        ? await invoke('devices.get', { id: order.deviceId }).then(
            (r) => r.device,
            () => null,
          )
        : null;
      return { settlement, order, device };
    },
  });
}

/** The day's figures for the printed day close, read fresh each time the form opens. */
export function useDayForPrint(date: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.dayForPrint(date),
    enabled,
    staleTime: 0,
    gcTime: 0,
    queryFn: () => invoke('dayClose.get', { date }),
  });
}

// ---- settlement and payments ----

/** A change answering with the settlement: cached at once, then everything that shows it refreshed. */
function useSettlementMutation<I>(fn: (input: I) => Promise<Settlement>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (settlement) => {
      queryClient.setQueryData(queryKeys.settlement(settlement.id), settlement);
      await afterSettlementChange(queryClient);
    },
  });
}

export function useCreateSettlement() {
  return useSettlementMutation((input: InputOf<'settlements.create'>) => invoke('settlements.create', input));
}

export function usePay() {
  return useSettlementMutation((input: InputOf<'settlements.pay'>) => invoke('settlements.pay', input));
}

export function useRefund() {
  return useSettlementMutation((input: InputOf<'settlements.refund'>) => invoke('settlements.refund', input));
}

export function useVoidSettlement() {
  return useSettlementMutation((input: InputOf<'settlements.void'>) => invoke('settlements.void', input));
}

// ---- day close ----

function useDayMutation<I>(fn: (input: I) => Promise<DayReport>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (report) => {
      queryClient.setQueryData(queryKeys.dayReport(report.date), report);
      await afterSettlementChange(queryClient);
    },
  });
}

export function useCloseDay() {
  return useDayMutation((input: InputOf<'dayClose.close'>) => invoke('dayClose.close', input));
}

export function useReopenDay() {
  return useDayMutation((input: InputOf<'dayClose.reopen'>) => invoke('dayClose.reopen', input));
}

// ---- labor and fee lines on a work order ----

type Detail = OutputOf<'workOrders.get'>;

/** A charge line answers with the whole order; the settlement preview follows the lines. */
function useChargeMutation<I>(fn: (input: I) => Promise<Detail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (detail) => {
      queryClient.setQueryData(queryKeys.workOrder(detail.id), detail);
      await afterSettlementChange(queryClient);
    },
  });
}

export function useAddCharge() {
  return useChargeMutation((input: InputOf<'workOrders.addCharge'>) => invoke('workOrders.addCharge', input));
}

export function useUpdateCharge() {
  return useChargeMutation((input: InputOf<'workOrders.updateCharge'>) =>
    invoke('workOrders.updateCharge', input),
  );
}

export function useRemoveCharge() {
  return useChargeMutation((input: InputOf<'workOrders.removeCharge'>) =>
    invoke('workOrders.removeCharge', input),
  );
}
