import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/apiError';
import { queryKeys } from '../api/keys';

/** Errors that mean the boot state changed under us (signed out elsewhere, locked, account locked). */
function sessionChanged(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_LOCKED' || error.code === 'ACCOUNT_LOCKED')
  );
}

/** Only a transport or internal failure is worth a retry; every other code is a definite answer. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.code !== 'INTERNAL') return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (sessionChanged(error) && query.queryKey[0] !== 'auth') {
          void queryClient.invalidateQueries({ queryKey: queryKeys.authState });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (sessionChanged(error)) void queryClient.invalidateQueries({ queryKey: queryKeys.authState });
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 10_000 },
      // A save while the host is away runs and fails with its error at once: it never waits
      // (paused) to go through later behind the person's back (api/hostReach.ts).
      mutations: { retry: false, networkMode: 'always' },
    },
  });
  return queryClient;
}
