import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '@shared/contract';
import { currentLanguage } from '../i18n';
import { startOver } from './auth';
import { invoke } from './client';
import { queryKeys } from './keys';

/** How often the progress bar asks while a backup, restore or reset runs. */
const PROGRESS_POLL_MS = 300;

/** The home-screen warning; read again every minute so a day rolling over shows up. */
export function useBackupStatus() {
  return useQuery({
    queryKey: queryKeys.backupStatus,
    queryFn: () => invoke('backup.status', {}),
    refetchInterval: 60_000,
  });
}

/** Polled only while `running` is true (the caller's mutation is pending). */
export function useBackupProgress(running: boolean) {
  return useQuery({
    queryKey: queryKeys.backupProgress,
    queryFn: () => invoke('backup.progress', {}),
    enabled: running,
    refetchInterval: running ? PROGRESS_POLL_MS : false,
    staleTime: 0,
  });
}

export function useBackupHistory() {
  return useQuery({ queryKey: queryKeys.backupHistory, queryFn: () => invoke('backup.history', {}) });
}

export function useBackupSettings() {
  return useQuery({ queryKey: queryKeys.backupSettings, queryFn: () => invoke('backup.settings', {}) });
}

function afterBackupChange(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.backup });
}

export function useUpdateBackupSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'backup.updateSettings'>) => invoke('backup.updateSettings', input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKeys.backupSettings, saved);
      await afterBackupChange(queryClient);
    },
  });
}

export function useBackupNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'backup.now'>) => invoke('backup.now', input),
    // A failed run is in the history too.
    onSettled: () => afterBackupChange(queryClient),
  });
}

/** The native picker in Electron; browser mode answers supported: false and the path is typed. */
export function usePick() {
  return useMutation({
    mutationFn: (input: InputOf<'backup.pick'>) => invoke('backup.pick', input),
  });
}

/** Whether this window can open a native picker (only the Electron preload bridge can). */
export function hasNativePicker(): boolean {
  return typeof window !== 'undefined' && window.api !== undefined;
}

/**
 * Inspect and restore have two doors: `backup.*` for a signed-in manager, `recovery.*` when the
 * database is damaged and nobody can sign in.
 */
export type RestoreDoor = 'backup' | 'recovery';

/** Reads a backup's manifest after verifying it; nothing changes, so it is a query (one per file). */
export function useInspectBackup(door: RestoreDoor, file: string) {
  return useQuery({
    queryKey: queryKeys.backupInspect(door, file),
    queryFn: () =>
      door === 'backup' ? invoke('backup.inspect', { file }) : invoke('recovery.inspect', { file }),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}

/**
 * `onRestored` sits on the mutation, not on `mutate`: the restore ends every session, the page
 * may unmount as the app falls back to sign-in, and the message must still be shown.
 */
/**
 * A restore or reset started on this screen: its own dialog tells the person what happened, so the
 * host's "everyone signed out" notice that follows is not shown here a second time.
 */
let replacingHere = false;

/** Whether the last restore or reset was this screen's own (asking clears it). */
export function takeOwnReplacement(): boolean {
  const own = replacingHere;
  replacingHere = false;
  return own;
}

function replacing<T>(run: () => Promise<T>): Promise<T> {
  replacingHere = true;
  return run().catch((error: unknown) => {
    replacingHere = false;
    throw error;
  });
}

export function useRestoreBackup(
  door: RestoreDoor,
  onRestored: (result: OutputOf<'backup.restore'>) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    onSuccess: onRestored,
    mutationFn: (input: InputOf<'backup.restore'>) =>
      replacing(() =>
        door === 'backup' ? invoke('backup.restore', input) : invoke('recovery.restore', input),
      ),
    // Only after a failure: a success has signed everyone out, and the caller starts over.
    onError: () => afterBackupChange(queryClient),
  });
}

/** `onReset` on the mutation for the same reason as `useRestoreBackup`. */
export function useResetData(onReset: (result: OutputOf<'backup.reset'>) => void) {
  return useMutation({
    onSuccess: onReset,
    mutationFn: (input: InputOf<'backup.reset'>) => replacing(() => invoke('backup.reset', input)),
  });
}

/** 删除示例数据: a reset without typing the shop name; `onRemoved` on the mutation as above. */
export function useRemoveSampleData(onRemoved: (result: OutputOf<'sampleData.remove'>) => void) {
  return useMutation({
    onSuccess: onRemoved,
    mutationFn: () => replacing(() => invoke('sampleData.remove', {})),
  });
}

export function useExportAll() {
  return useMutation({
    mutationFn: () => invoke('backup.exportAll', { lang: currentLanguage() }),
  });
}

export function useRecoveryState() {
  return useQuery({ queryKey: queryKeys.recovery, queryFn: () => invoke('recovery.state', {}) });
}

/**
 * After a restore or reset every session has ended on the server: drop everything cached and
 * read the boot state again, which lands on the sign-in screen.
 */
export function useStartOver() {
  const queryClient = useQueryClient();
  return () => startOver(queryClient);
}
