import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isReason, type FieldIssue } from '@shared/errors';
import { ApiError } from '../../api/client';
import { showFieldErrors } from '../../components/formErrors';
import { refusalOf } from '../../i18n/errorMessage';

/** Mark the fields a billing refusal names ("amount", "tendered" …); the approval's are ManagerApproval's. */
export function showSettlementFieldErrors(form: FormInstance, err: unknown, t: TFunction): void {
  showFieldErrors(form, err, t, { topLevelOnly: true });
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
