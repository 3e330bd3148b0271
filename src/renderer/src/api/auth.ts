import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InputOf } from '@shared/contract';
import { readServerClock } from '../lib/serverClock';
import { invoke } from './client';
import { queryKeys } from './keys';

/** The boot state: first run, signed out, locked or signed in. Every screen decision starts here. */
export function useAuthState() {
  return useQuery({
    queryKey: queryKeys.authState,
    queryFn: () => readServerClock(() => invoke('auth.state', {})),
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}

/** Drop everything the previous user saw, then read the new boot state. */
export async function startOver(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
  await queryClient.invalidateQueries({ queryKey: queryKeys.authState });
}

function refreshState(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.authState });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'auth.setup'>) => invoke('auth.setup', input),
    onSuccess: () => startOver(queryClient),
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'auth.signIn'>) => invoke('auth.signIn', input),
    onSuccess: () => startOver(queryClient),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('auth.signOut', {}),
    onSettled: () => startOver(queryClient),
  });
}

export function useLock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('auth.lock', {}),
    onSettled: () => refreshState(queryClient),
  });
}

export function useUnlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'auth.unlock'>) => invoke('auth.unlock', input),
    onSuccess: async () => {
      await refreshState(queryClient);
      // Queries that failed while the screen was locked are read again.
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'auth.changePassword'>) => invoke('auth.changePassword', input),
    onSettled: () => refreshState(queryClient),
  });
}
