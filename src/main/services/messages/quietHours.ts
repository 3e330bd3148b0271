import type { MessageSettings } from '@shared/schemas/messages';

/**
 * When quiet hours (no SMS, 21:00–08:00 by default) end, if `now` falls inside them; null outside.
 * Read in the server's local time (the shop's clock), so a shop in any time zone keeps its nights.
 */
export function quietUntil(now: number, quiet: MessageSettings['quietHours']): number | null {
  if (!quiet.enabled) return null;
  const local = new Date(now);
  const minute = local.getHours() * 60 + local.getMinutes();
  const inside =
    quiet.start < quiet.end
      ? minute >= quiet.start && minute < quiet.end
      : minute >= quiet.start || minute < quiet.end;
  if (!inside) return null;
  const end = new Date(now);
  end.setHours(Math.floor(quiet.end / 60), quiet.end % 60, 0, 0);
  // Quiet since the evening: it ends tomorrow morning.
  if (end.getTime() <= now) end.setDate(end.getDate() + 1);
  return end.getTime();
}
