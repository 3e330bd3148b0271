import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { FieldIssue } from '@shared/errors';
import { DEVICE_IDENTITY_MESSAGE } from '@shared/schemas/devices';
import { ApiError } from '../api/client';
import { zhCN, type Messages } from './zh-CN';
import { serverToday } from '../app/serverClock';

/** Server issue messages that have a clearer message of their own (see the services). */
const KNOWN_ISSUES: Record<string, keyof Messages['errorDetail']> = {
  'wrong password': 'wrongPassword',
  taken: 'usernameTaken',
  'last admin': 'lastAdmin',
  self: 'disableSelf',
  [DEVICE_IDENTITY_MESSAGE]: 'deviceIdentity',
};

function isFieldName(name: string): name is keyof Messages['fieldNames'] {
  return Object.hasOwn(zhCN.fieldNames, name);
}

/** A field's name for people: `admin.password` → 密码 (by its last segment), else the path itself. */
export function fieldLabel(path: string, t: TFunction): string {
  const last = path.split('.').pop() ?? path;
  return isFieldName(last) ? t(`fieldNames.${last}`) : path || t('common.none');
}

/** A clear message for one server-side field issue (used to mark form fields). */
export function issueMessage(issue: FieldIssue, t: TFunction): string {
  const known = KNOWN_ISSUES[issue.message];
  return known ? t(`errorDetail.${known}`) : t('errorDetail.invalid');
}

function formatTime(ms: number): string {
  const at = dayjs(ms);
  return at.isSame(serverToday(), 'day') ? at.format('HH:mm:ss') : at.format('YYYY-MM-DD HH:mm:ss');
}

/** One message for anything a call can throw: ApiError by its code and details, anything else as INTERNAL. */
export function errorMessage(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return t('errors.INTERNAL');
  const fields = err.details?.fields ?? [];
  if (err.code === 'ACCOUNT_LOCKED') {
    const until = err.details?.lockedUntil;
    return until ? t('errorDetail.lockedUntil', { time: formatTime(until) }) : t('errors.ACCOUNT_LOCKED');
  }
  if (err.code === 'CONFLICT' && err.message === 'setup already done') return t('errorDetail.setupDone');
  const known = fields.map((f) => KNOWN_ISSUES[f.message]).find((k) => k !== undefined);
  if (known) return t(`errorDetail.${known}`);
  if (err.code === 'VALIDATION' && fields.length > 0) {
    const labels = [...new Set(fields.map((f) => fieldLabel(f.path, t)))];
    return t('errorDetail.fields', { fields: labels.join(t('common.listSeparator')) });
  }
  return t(`errors.${err.code}`);
}
