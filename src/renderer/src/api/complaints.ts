import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '@shared/contract';
import { invoke } from './client';
import { queryKeys } from './keys';

export type Complaint = OutputOf<'complaints.get'>;
export type ComplaintListRow = OutputOf<'complaints.list'>['rows'][number];

export function useComplaintList(input: InputOf<'complaints.list'>) {
  return useQuery({
    queryKey: queryKeys.complaintList(input),
    queryFn: () => invoke('complaints.list', input),
    placeholderData: keepPreviousData,
    // Overdue is decided by the server's clock: read it again now and then, not only on changes.
    refetchInterval: 60_000,
  });
}

export function useComplaint(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.complaint(id ?? ''),
    queryFn: () => invoke('complaints.get', { id: id ?? '' }),
    enabled: Boolean(id),
    refetchInterval: 60_000,
  });
}

export function useComplaintStaff() {
  return useQuery({ queryKey: queryKeys.complaintStaff, queryFn: () => invoke('complaints.staff', {}) });
}

/** A complaint changed: it, the lists, and its order's timeline (a rework may have opened) are stale. */
function useComplaintMutation<I>(fn: (input: I) => Promise<Complaint>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (complaint) => {
      queryClient.setQueryData(queryKeys.complaint(complaint.id), complaint);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.complaints }),
        queryClient.invalidateQueries({ queryKey: queryKeys.workOrders }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
      ]);
    },
  });
}

export const useCreateComplaint = () =>
  useComplaintMutation((input: InputOf<'complaints.create'>) => invoke('complaints.create', input));
export const useMoveComplaint = () =>
  useComplaintMutation((input: InputOf<'complaints.move'>) => invoke('complaints.move', input));
export const useComplaintNote = () =>
  useComplaintMutation((input: InputOf<'complaints.addNote'>) => invoke('complaints.addNote', input));
export const useAssignComplaint = () =>
  useComplaintMutation((input: InputOf<'complaints.assign'>) => invoke('complaints.assign', input));
