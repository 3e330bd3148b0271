import type { TFunction } from 'i18next';

/** "3 小时 5 分" from a span of milliseconds (whole minutes, rounded up: "0 分" only at zero). */
export function spanText(ms: number, t: TFunction): string {
  const minutes = Math.ceil(Math.abs(ms) / 60_000);
  return t('complaints.detail.hoursMinutes', { h: Math.floor(minutes / 60), m: minutes % 60 });
}
