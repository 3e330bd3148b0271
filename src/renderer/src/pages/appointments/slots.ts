import dayjs, { type Dayjs } from 'dayjs';
import type { AppointmentSettings } from '@shared/schemas/appointments';

/** "HH:MM" on a day → that moment. */
export function atClock(day: Dayjs, hhmm: string): Dayjs {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return day.startOf('day').hour(h).minute(m);
}

/** The slot starts of a day from opening to closing ("09:00", "10:00", …). */
export function slotTimes(settings: AppointmentSettings): string[] {
  const base = dayjs(0).startOf('day');
  const end = atClock(base, settings.closesAt);
  const times: string[] = [];
  for (let t = atClock(base, settings.opensAt); t.isBefore(end); t = t.add(settings.slotMinutes, 'minute'))
    times.push(t.format('HH:mm'));
  return times;
}

/** The first slot that starts after `now`: today's if the shop is still open, else the next day's first. */
export function nextSlot(now: Dayjs, settings: AppointmentSettings): { day: Dayjs; time: string } {
  const today = now.startOf('day');
  const time = slotTimes(settings).find((t) => atClock(today, t).isAfter(now));
  return time ? { day: today, time } : { day: today.add(1, 'day'), time: settings.opensAt };
}

/** The Monday of the week holding `day`. */
export function weekStart(day: Dayjs): Dayjs {
  return day.startOf('day').subtract((day.day() + 6) % 7, 'day');
}
