import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '@shared/contract';
import type { DueTab } from '@shared/schemas/maintenance';
import { invoke } from './client';
import { queryKeys } from './keys';

/** 保养到期: one tab's rows and every tab's count, cut on the server's day. */
export function useDueList(tab: DueTab) {
  return useQuery({
    queryKey: [...queryKeys.maintenance, 'due', tab],
    queryFn: () => invoke('maintenance.due', { tab }),
    placeholderData: keepPreviousData,
  });
}

export function useDevicePlans(deviceId: string | null) {
  return useQuery({
    queryKey: [...queryKeys.maintenance, 'plans', deviceId],
    queryFn: () => invoke('maintenance.plans', { deviceId: deviceId ?? '' }),
    enabled: deviceId !== null,
  });
}

export function useWarrantyExpiring() {
  return useQuery({
    queryKey: [...queryKeys.maintenance, 'warrantyExpiring'],
    queryFn: () => invoke('maintenance.warrantyExpiring', {}),
  });
}

export function useContracts(input: InputOf<'contracts.list'>, enabled = true) {
  return useQuery({
    queryKey: [...queryKeys.maintenance, 'contracts', input],
    queryFn: () => invoke('contracts.list', input),
    enabled,
  });
}

function useMaintenanceMutation<
  M extends
    'maintenance.createPlan' | 'maintenance.updatePlan' | 'maintenance.reportReading' | 'contracts.create',
>(method: M) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<M>) => invoke(method, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.maintenance }),
  });
}

export const useCreatePlan = () => useMaintenanceMutation('maintenance.createPlan');
export const useUpdatePlan = () => useMaintenanceMutation('maintenance.updatePlan');
export const useReportReading = () => useMaintenanceMutation('maintenance.reportReading');
export const useCreateContract = () => useMaintenanceMutation('contracts.create');
