import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '@shared/contract';
import { invoke } from './client';
import { queryKeys } from './keys';

/** 上门服务: one prefix, so a change to a visit refreshes its card, the board and the sheets. */
const onsiteKeys = {
  all: ['onsite'] as const,
  order: (id: string) => ['onsite', 'order', id] as const,
  board: (day: string | null) => ['onsite', 'board', day] as const,
  routes: (day: string) => ['onsite', 'routes', day] as const,
  report: (id: string) => ['onsite', 'report', id] as const,
};

export function useOnsiteOfOrder(id: string, enabled: boolean) {
  return useQuery({
    queryKey: onsiteKeys.order(id),
    queryFn: () => invoke('onsite.get', { id }),
    enabled,
  });
}

/** A day's board; null asks for the server's today. Read again now and then (others dispatch too). */
export function useOnsiteBoard(day: string | null) {
  return useQuery({
    queryKey: onsiteKeys.board(day),
    queryFn: () => invoke('onsite.board', day ? { day } : {}),
    refetchInterval: 60_000,
  });
}

/** Printed forms read fresh each time they open. */
export function useRouteSheetsForPrint(day: string, enabled: boolean) {
  return useQuery({
    queryKey: onsiteKeys.routes(day),
    queryFn: () => invoke('onsite.routeSheets', { day }),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useOnsiteReportForPrint(id: string, enabled: boolean) {
  return useQuery({
    queryKey: onsiteKeys.report(id),
    queryFn: () => invoke('onsite.report', { id }),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

type OnsiteOfOrder = OutputOf<'onsite.get'>;

/** A visit changed: it, the board, and the order (its timeline, its fee line) read again. */
function useOnsiteMutation<I extends { id: string }>(fn: (input: I) => Promise<OnsiteOfOrder>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (view, input) => {
      queryClient.setQueryData(onsiteKeys.order(input.id), view);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: onsiteKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.workOrder(input.id) }),
      ]);
    },
  });
}

export function useSetOnsite() {
  return useOnsiteMutation((input: InputOf<'onsite.set'>) => invoke('onsite.set', input));
}
export function useAssignOnsite() {
  return useOnsiteMutation((input: InputOf<'onsite.assign'>) => invoke('onsite.assign', input));
}
export function useArriveOnsite() {
  return useOnsiteMutation((input: InputOf<'onsite.arrive'>) => invoke('onsite.arrive', input));
}
export function useFinishOnsite() {
  return useOnsiteMutation((input: InputOf<'onsite.finish'>) => invoke('onsite.finish', input));
}
export function useSignOnsite() {
  return useOnsiteMutation((input: InputOf<'onsite.sign'>) => invoke('onsite.sign', input));
}
