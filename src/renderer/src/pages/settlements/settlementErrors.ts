import { isReason, type FieldIssue } from '@shared/errors';
import { ApiError } from '../../lib/apiError';
import { refusalOf } from '../../i18n/errorMessage';

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
