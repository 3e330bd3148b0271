import { and, eq, gt, gte, lt } from 'drizzle-orm';
import { localDate, localMidnight } from '@shared/dates';
import type { AppointmentSettings, CollisionKind } from '@shared/schemas/appointments';
import { appointments, customers } from '../../db/schema';
import type { Queryable } from '../context';

const MINUTE = 60_000;
/** The longest booking (8 slots of 240 minutes): anything starting earlier has ended. */
const LONGEST_MS = 8 * 240 * MINUTE;

export interface Slot {
  startAt: number;
  endAt: number;
  technicianId: string | null;
  bay: string | null;
}

export interface Collision {
  kind: CollisionKind;
  /** What it meets, as people read it: "10:00 张三". */
  with: string[];
}

/** "HH:MM" on the shop's day of `at`, as epoch ms. */
function clockOn(at: number, hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return localMidnight(localDate(at)) + (h * 60 + m) * MINUTE;
}

function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * What a booking for `slot` collides with: a technician or a bay already at its capacity in an
 * overlapping booking, the shop's capacity per slot, or the shop's closed hours.
 */
export function collisionsOf(q: Queryable, slot: Slot, settings: AppointmentSettings): Collision[] {
  const overlapping = q
    .select({
      startAt: appointments.startAt,
      technicianId: appointments.technicianId,
      bay: appointments.bay,
      name: customers.name,
    })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .where(
      and(
        gte(appointments.startAt, slot.startAt - LONGEST_MS),
        lt(appointments.startAt, slot.endAt),
        eq(appointments.state, 'booked'),
        gt(appointments.endAt, slot.startAt),
      ),
    )
    .all();
  const said = (list: typeof overlapping) => list.map((a) => `${hhmm(a.startAt)} ${a.name}`);
  const found: Collision[] = [];
  const sameTechnician = overlapping.filter((a) => slot.technicianId && a.technicianId === slot.technicianId);
  if (sameTechnician.length >= settings.perTechnician)
    found.push({ kind: 'technician', with: said(sameTechnician) });
  const sameBay = overlapping.filter((a) => slot.bay && a.bay === slot.bay);
  if (sameBay.length >= settings.perBay) found.push({ kind: 'bay', with: said(sameBay) });
  if (overlapping.length >= settings.perSlot) found.push({ kind: 'slot', with: said(overlapping) });
  if (
    slot.startAt < clockOn(slot.startAt, settings.opensAt) ||
    slot.endAt > clockOn(slot.startAt, settings.closesAt)
  )
    found.push({ kind: 'closedHours', with: [`${settings.opensAt}–${settings.closesAt}`] });
  return found;
}
