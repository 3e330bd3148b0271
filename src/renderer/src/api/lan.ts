import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InputOf } from '@shared/contract';
import type { LanStatus } from '@shared/schemas/lan';
import { invoke } from './client';
import { queryKeys } from './keys';

/** While a pairing code is open the status is read every few seconds: tries left, used or void. */
const OPEN_CODE_POLL_MS = 3000;

export function useLanStatus() {
  return useQuery({
    queryKey: queryKeys.lanStatus,
    queryFn: () => invoke('lan.status', {}),
    refetchInterval: (query) => (query.state.data?.pairing ? OPEN_CODE_POLL_MS : false),
  });
}

export function useTerminals() {
  return useQuery({ queryKey: queryKeys.lanTerminals, queryFn: () => invoke('lan.terminals', {}) });
}

/** The answer is the new status: shown at once, and the audit log has a new row. */
function statusMutation<I>(queryClient: QueryClient, run: (input: I) => Promise<LanStatus>) {
  return {
    mutationFn: run,
    onSuccess: async (status: LanStatus) => {
      queryClient.setQueryData(queryKeys.lanStatus, status);
      await queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  };
}

export function useConfigureLan() {
  const queryClient = useQueryClient();
  return useMutation(
    statusMutation(queryClient, (input: InputOf<'lan.configure'>) => invoke('lan.configure', input)),
  );
}

export function useNewPairingCode() {
  const queryClient = useQueryClient();
  return useMutation(statusMutation(queryClient, () => invoke('lan.newPairingCode', {})));
}

export function useCancelPairingCode() {
  const queryClient = useQueryClient();
  return useMutation(statusMutation(queryClient, () => invoke('lan.cancelPairingCode', {})));
}

async function afterTerminalChange(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.lanTerminals }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
  ]);
}

export function useRenameTerminal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'lan.renameTerminal'>) => invoke('lan.renameTerminal', input),
    onSuccess: () => afterTerminalChange(queryClient),
  });
}

export function useRevokeTerminal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'lan.revokeTerminal'>) => invoke('lan.revokeTerminal', input),
    onSuccess: () => afterTerminalChange(queryClient),
  });
}
