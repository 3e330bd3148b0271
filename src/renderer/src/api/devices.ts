import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '@shared/contract';
import { afterCounterChange } from './customers';
import { invoke } from './client';
import { queryKeys } from './keys';

export function useDevice(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.device(id ?? ''),
    queryFn: () => invoke('devices.get', { id: id ?? '' }),
    enabled: Boolean(id),
  });
}

/** The device as stored now, for an edit form refused as stale; the screens showing it refresh too. */
export function useReloadDevice(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    const [fresh] = await Promise.all([invoke('devices.get', { id }), afterCounterChange(queryClient)]);
    return fresh.device;
  };
}

export function useCreateDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'devices.create'>) => invoke('devices.create', input),
    onSuccess: () => afterCounterChange(queryClient),
  });
}

export function useUpdateDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'devices.update'>) => invoke('devices.update', input),
    onSuccess: () => afterCounterChange(queryClient),
  });
}

export function useArchiveDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('devices.archive', { id }),
    onSuccess: () => afterCounterChange(queryClient),
  });
}

export function useRestoreDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('devices.restore', { id }),
    onSuccess: () => afterCounterChange(queryClient),
  });
}
