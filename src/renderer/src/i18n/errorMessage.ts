import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { paramKind, refusalSchema, type FieldIssue, type Refusal } from '@shared/errors';
import type { BackupRun } from '@shared/schemas/backup';
import { ApiError } from '../lib/apiError';
import { formatDateTime, formatTime } from '../lib/format';
import { fenToYuan } from '../lib/money';
import { serverToday } from '../lib/serverClock';
import { fieldErrorsZhCN } from './errors.zh-CN';
import { zhCN, type Messages } from './zh-CN';

/*
 * One way to put any refusal into words: by its reason and params (src/shared/errors.ts), from the
 * `errors` dictionary (i18n/errors.*.ts). The server's message is for developers and never read here.
 */

function isFieldName(name: string): name is keyof Messages['fieldNames'] {
  return Object.hasOwn(zhCN.fieldNames, name);
}

/** A field's name for people: `admin.password` → 密码 (by its last segment), else the path itself. */
function fieldLabel(path: string, t: TFunction): string {
  const last = path.split('.').pop() ?? path;
  return isFieldName(last) ? t(`fieldNames.${last}`) : path || t('common.none');
}

function momentText(ms: number): string {
  return dayjs(ms).isSame(serverToday(), 'day') ? formatTime(ms) : formatDateTime(ms);
}

/** The params as the words show them: fen in 元, moments in local time, a cause in its own words. */
function shownParams(refusal: Refusal, t: TFunction): Record<string, string | number> {
  const params: Readonly<Record<string, unknown>> = refusal.params;
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const kind = paramKind(refusal.reason, name);
    if (typeof value === 'number') {
      shown[name] = kind === 'fen' ? fenToYuan(value) : kind === 'moment' ? momentText(value) : value;
    } else if (typeof value === 'string') {
      shown[name] = value;
    } else {
      const cause = refusalSchema.safeParse(value);
      shown[name] = cause.success ? refusalMessage(cause.data, t) : '';
    }
  }
  return shown;
}

/** The words for a refusal; `fields` lists the fields it names, for the reasons that say so. */
export function refusalMessage(refusal: Refusal, t: TFunction, fields = ''): string {
  return t(`errors.${refusal.reason}`, { ...shownParams(refusal, t), fields });
}

/** What a call was refused for, when it was refused by the server (null for anything else). */
export function refusalOf(err: unknown): Refusal | null {
  return err instanceof ApiError ? err.refusal : null;
}

/** One message for anything a call can throw: an ApiError by its reason, anything else as internal. */
export function errorMessage(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return t('errors.internal');
  const fields = err.details?.fields ?? [];
  // A refused input may hold a field issue with words of its own (brand, model or serial).
  const own =
    err.refusal.reason === 'invalidInput' ? fields.find((f) => f.reason !== 'invalidInput') : undefined;
  const labels = [...new Set(fields.map((f) => fieldLabel(f.path, t)))];
  return refusalMessage(own ?? err.refusal, t, labels.join(t('common.listSeparator')));
}

function hasFieldWords(reason: Refusal['reason']): reason is keyof typeof fieldErrorsZhCN {
  return Object.hasOwn(fieldErrorsZhCN, reason);
}

/** The words a form puts on one refused field. */
export function issueMessage(issue: FieldIssue, t: TFunction): string {
  return hasFieldWords(issue.reason)
    ? t(`fieldErrors.${issue.reason}`, shownParams(issue, t))
    : t('fieldErrors.invalidInput');
}

/** Why a backup run failed: by its reason; lines written before reasons show the words stored then. */
export function backupRunError(run: BackupRun, t: TFunction): string {
  return run.failure ? refusalMessage(run.failure, t) : (run.error ?? t('errors.internal'));
}
