import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isReason, type FieldIssue } from '@shared/errors';
import { ApiError } from '../../lib/apiError';
import { issueMessage, refusalOf } from '../../i18n/errorMessage';

/** Mark the form fields a billing refusal names ("amount", "tendered" …): top-level fields only. */
export function showSettlementFieldErrors(form: FormInstance, err: unknown, t: TFunction): void {
  if (!(err instanceof ApiError)) return;
  const values = form.getFieldsValue(true) as Record<string, unknown>;
  const fields = (err.details?.fields ?? [])
    .filter((issue) => Object.hasOwn(values, issue.path))
    .map((issue) => ({ name: issue.path, errors: [issueMessage(issue, t)] }));
  if (fields.length > 0) form.setFields(fields);
}

/** The server asks for a manager before it goes on. */
export function needsApproval(err: unknown): boolean {
  const refusal = refusalOf(err);
  return refusal !== null && isReason(refusal, 'needsApproval');
}

/** The approval given was refused: the issue on the approval modal's user name or password. */
export function approvalIssue(err: unknown): FieldIssue | null {
  if (!(err instanceof ApiError) || err.code !== 'FORBIDDEN') return null;
  return (err.details?.fields ?? []).find((f) => f.path.startsWith('approval.')) ?? null;
}
