import dayjs from 'dayjs';

/** A follow-up is due on a day (its due_at is that day's local midnight): "YYYY-MM-DD". */
export function formatDay(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD');
}
