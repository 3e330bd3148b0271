import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '@shared/contract';
import { invoke } from './client';

/** 历史导入: past imports, saved mappings, and the progress of the running one. */
export const historyKeys = {
  all: ['history'] as const,
  list: ['history', 'list'] as const,
  mappings: ['history', 'mappings'] as const,
};

export function useHistoryImports() {
  return useQuery({ queryKey: historyKeys.list, queryFn: () => invoke('history.list', {}) });
}

export function useHistoryMappings() {
  return useQuery({ queryKey: historyKeys.mappings, queryFn: () => invoke('history.mappings', {}) });
}

/** Polled while a file is checked or written (twice a second), so the page can show a progress bar. */
export function useHistoryProgress(active: boolean) {
  return useQuery({
    queryKey: ['history', 'progress'],
    queryFn: () => invoke('history.progress', {}),
    enabled: active,
    refetchInterval: active ? 500 : false,
  });
}

export function useHistoryPreview() {
  return useMutation({ mutationFn: (input: InputOf<'history.preview'>) => invoke('history.preview', input) });
}

export function useHistoryImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'history.import'>) => invoke('history.import', input),
    onSuccess: async (result) => {
      // A real import adds customers, devices, orders and money: every screen reads again.
      if (result.committed) await queryClient.invalidateQueries();
    },
  });
}

export function useHistoryUndo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('history.undo', { id }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
    },
  });
}

export function useSaveMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'history.saveMapping'>) => invoke('history.saveMapping', input),
    onSuccess: (list) => queryClient.setQueryData(historyKeys.mappings, list),
  });
}
