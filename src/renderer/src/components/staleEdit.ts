import { useState } from 'react';
import { ApiError } from '../lib/apiError';

/** The save was refused because someone saved the record after this form opened. */
export function isStaleEdit(err: unknown): boolean {
  return err instanceof ApiError && err.refusal.reason === 'staleEdit';
}

/**
 * The version an edit form started from, sent with its save. It stays put while the record is read
 * again under the open form (a refetch, a live notice): a save names the values the clerk saw. When a
 * save is refused as stale, `onSaveError` reads the record again, puts its values in the form (what
 * the other person saved, replacing what was typed) and takes its version; the refusal stays on
 * screen naming who saved, when and where, so the clerk checks the new values and saves again.
 */
export function useEditVersion<R extends { version: number }>(
  started: number | undefined,
  reload: () => Promise<R>,
  show: (fresh: R) => void,
) {
  const [version, setVersion] = useState(started ?? 1);
  const onSaveError = (err: unknown): void => {
    if (!isStaleEdit(err)) return;
    void reload().then((fresh) => {
      show(fresh);
      setVersion(fresh.version);
    });
  };
  return { version, onSaveError };
}
