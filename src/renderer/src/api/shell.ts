import { useMutation, useQuery } from '@tanstack/react-query';
import type { RpcError } from '@shared/errors';
import type { ConnectHostInput } from '@shared/schemas/lan';
import { ApiError } from '../lib/apiError';
import { queryKeys } from './keys';

/** The desktop app's first-run bridge (preload); absent in a browser, where nothing here shows. */
export interface ShellBridge {
  firstRun(): Promise<boolean>;
  chooseHost(): Promise<void>;
  connect(input: ConnectHostInput): Promise<{ ok: true } | { ok: false; error: RpcError }>;
  /** Terminal mode: forget the host (it revoked this PC or shows another certificate) and choose again. */
  pairAgain(): Promise<void>;
  /** A LAN terminal's host went away (`reachable: false`, with the reason) or came back. */
  onHostState(listener: (state: unknown) => void): () => void;
}

declare global {
  interface Window {
    shell?: ShellBridge;
  }
}

/** Whether this desktop PC still has to choose: the shop's host, or a terminal of it. */
export function useFirstRunChoice() {
  return useQuery({
    queryKey: queryKeys.shellFirstRun,
    queryFn: () => window.shell?.firstRun() ?? Promise.resolve(false),
    staleTime: Infinity,
  });
}

/** The main process reloads the window once the choice is made. */
export function useChooseHost() {
  return useMutation({ mutationFn: () => window.shell?.chooseHost() ?? Promise.resolve() });
}

export function useConnectHost() {
  return useMutation({
    mutationFn: async (input: ConnectHostInput) => {
      const answer = await window.shell?.connect(input);
      if (answer && !answer.ok) throw new ApiError(answer.error);
    },
  });
}

/** The host refuses this desktop terminal for good: it must be paired again (the main process reloads). */
export function mustPairAgain(error: unknown): boolean {
  if (!window.shell || !(error instanceof ApiError)) return false;
  const { reason } = error.refusal;
  return (
    reason === 'terminalNotPaired' || reason === 'terminalRevoked' || reason === 'hostFingerprintMismatch'
  );
}

export function usePairAgain() {
  return useMutation({ mutationFn: () => window.shell?.pairAgain() ?? Promise.resolve() });
}
