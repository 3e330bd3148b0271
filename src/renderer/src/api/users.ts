import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InputOf } from '@shared/contract';
import { invoke } from './client';
import { queryKeys } from './keys';

export function useUsers() {
  return useQuery({ queryKey: queryKeys.users, queryFn: () => invoke('users.list', {}) });
}

/** A user change shows in the list, in the audit log and (when it is you) in the header. */
async function afterUserChange(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.users }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
    queryClient.invalidateQueries({ queryKey: queryKeys.authState }),
  ]);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'users.create'>) => invoke('users.create', input),
    onSuccess: () => afterUserChange(queryClient),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'users.update'>) => invoke('users.update', input),
    onSuccess: () => afterUserChange(queryClient),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'users.resetPassword'>) => invoke('users.resetPassword', input),
    onSuccess: () => afterUserChange(queryClient),
  });
}
