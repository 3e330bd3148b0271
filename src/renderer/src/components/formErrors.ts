import { useState } from 'react';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Match } from '@shared/errors';
import { ApiError } from '../lib/apiError';
import { errorMessage, issueMessage } from '../i18n/errorMessage';

function hasField(values: unknown, path: string[]): boolean {
  let node: unknown = values;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * Mark the form fields a server error names (zod paths match the form's field names). With
 * `topLevelOnly`, a nested path ("lines.2.qty", "approval.password") is left to the part of the
 * screen that shows it (a document's lines editor, the manager's approval).
 */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  t: TFunction,
  { topLevelOnly = false }: { topLevelOnly?: boolean } = {},
): void {
  if (!(error instanceof ApiError)) return;
  const values: unknown = form.getFieldsValue(true);
  const fields = (error.details?.fields ?? [])
    .map((issue) => ({ name: issue.path.split('.'), errors: [issueMessage(issue, t)] }))
    .filter((field) => (!topLevelOnly || field.name.length === 1) && hasField(values, field.name));
  if (fields.length > 0) form.setFields(fields);
}

/**
 * A dialog's refusal: `show` marks the fields the server named (top level only) and keeps its words
 * for the dialog's banner; `clear` before each try.
 */
export function useSubmitError(form: FormInstance) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    clear: () => setError(null),
    show: (e: unknown) => {
      showFieldErrors(form, e, t, { topLevelOnly: true });
      setError(errorMessage(e, t));
    },
  };
}

/** The records a CONFLICT names (e.g. customers who already have this phone number). */
export function conflictMatches(err: unknown): Match[] {
  return err instanceof ApiError && err.code === 'CONFLICT' ? (err.details?.matches ?? []) : [];
}
