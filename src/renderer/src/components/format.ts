import dayjs from 'dayjs';

/** Epoch ms → local "YYYY-MM-DD HH:mm:ss". */
export function formatDateTime(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD HH:mm:ss');
}

/** Epoch ms → local "YYYY-MM-DD HH:mm". */
export function formatMinute(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD HH:mm');
}
