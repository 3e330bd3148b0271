import { and, eq, gte, isNull, lt } from 'drizzle-orm';
import { addDays, localDate, localMidnight } from '@shared/dates';
import { appointments } from '../../db/schema';
import type { Deps } from '../context';
import { enqueueMessages } from '../messages/enqueue';
import { readMessageSettings } from '../messages/settings';

/**
 * 预约提醒, the day before: every booked appointment starting on the server's tomorrow gets its
 * reminder queued once (its id is the occurrence, and `reminded_at` keeps later passes off it).
 * Nothing is marked while the event is off, so turning it on still reminds tomorrow's customers.
 */
export function scheduleAppointmentReminders(deps: Deps, now: number): number {
  return deps.db.transaction((tx) => {
    if (readMessageSettings(tx).templates.appointmentReminder.mode === 'off') return 0;
    const tomorrow = addDays(localDate(now), 1);
    const due = tx
      .select({ id: appointments.id, customerId: appointments.customerId })
      .from(appointments)
      .where(
        and(
          gte(appointments.startAt, localMidnight(tomorrow)),
          lt(appointments.startAt, localMidnight(addDays(tomorrow, 1))),
          eq(appointments.state, 'booked'),
          isNull(appointments.remindedAt),
        ),
      )
      .all();
    let queued = 0;
    for (const a of due) {
      queued += enqueueMessages(tx, {
        event: 'appointmentReminder',
        customerId: a.customerId,
        workOrderId: null,
        appointmentId: a.id,
        occurrence: a.id,
        at: now,
        actor: null,
      }).length;
      tx.update(appointments).set({ remindedAt: now }).where(eq(appointments.id, a.id)).run();
    }
    return queued;
  });
}
