import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { errorMessage } from '../../i18n/errorMessage';

const CJK = /[\u3400-\u9fff]/;
/** The backup services write "中文 / English"; the Chinese half never holds " / " itself. */
const SEPARATOR = ' / ';

/**
 * A backup service message in the UI language: "找不到备份文件夹：X / The backup folder does not
 * exist: X" shows its Chinese half in Chinese and its English half in English. Anything else is
 * shown as it came.
 */
export function localizedMessage(message: string): string {
  const at = message.indexOf(SEPARATOR);
  if (at <= 0 || !CJK.test(message.slice(0, at))) return message;
  return currentLanguage() === 'zh-CN' ? message.slice(0, at) : message.slice(at + SEPARATOR.length);
}

/**
 * The backup service explains a refused archive, an unreachable folder or a failed check in its own
 * words; those are shown (in the UI language). A plain zod refusal of the input and everything
 * else keep the app's usual message by code.
 */
export function backupError(err: unknown, t: TFunction): string {
  if (err instanceof ApiError && CJK.test(err.message)) return localizedMessage(err.message);
  return errorMessage(err, t);
}
