import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { InputOf } from '@shared/contract';
import { invoke } from './client';
import { queryKeys } from './keys';

/** The calendar: a day or a week from `day` (the server's today when left out). */
export function useAppointmentList(input: InputOf<'appointments.list'>, enabled = true) {
  return useQuery({
    queryKey: [...queryKeys.appointments, 'list', input],
    queryFn: () => invoke('appointments.list', input),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAppointment(id: string | null) {
  return useQuery({
    queryKey: [...queryKeys.appointments, 'get', id],
    queryFn: () => invoke('appointments.get', { id: id ?? '' }),
    enabled: id !== null,
  });
}

/** 明日预约: tomorrow's booked appointments to call. */
export function useCallList(enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.appointments, 'callList'],
    queryFn: () => invoke('appointments.callList', {}),
    enabled,
  });
}

function afterChange(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.appointments }),
    queryClient.invalidateQueries({ queryKey: queryKeys.dashboard }),
  ]);
}

export function useBookAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'appointments.book'>) => invoke('appointments.book', input),
    onSuccess: () => afterChange(queryClient),
  });
}

export function useCancelAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'appointments.cancel'>) => invoke('appointments.cancel', input),
    onSuccess: () => afterChange(queryClient),
  });
}

export function useNoShow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('appointments.noShow', { id }),
    onSuccess: () => afterChange(queryClient),
  });
}
