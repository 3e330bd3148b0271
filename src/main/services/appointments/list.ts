import { addDays, localDate, localMidnight } from '@shared/dates';
import type { ParsedInputOf } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { AppointmentList, AppointmentRow } from '@shared/schemas/appointments';
import { eq } from 'drizzle-orm';
import { appointments } from '../../db/schema';
import type { CallContext } from '../context';
import { appointmentRows, startingBetween } from './rows';

/** The calendar: every appointment starting on the days asked (the server's today by default). */
export function listAppointments(
  ctx: CallContext,
  input: ParsedInputOf<'appointments.list'>,
): AppointmentList {
  const now = ctx.deps.now();
  const today = localDate(now);
  const day = input.day ?? today;
  const from = localMidnight(day);
  const to = localMidnight(addDays(day, input.days));
  return { day, today, rows: appointmentRows(ctx.deps.db, startingBetween(from, to), now), now };
}

/** 明日预约: tomorrow's booked appointments, to call where no message goes out. */
export function callList(ctx: CallContext): AppointmentList {
  const now = ctx.deps.now();
  const today = localDate(now);
  const day = addDays(today, 1);
  const rows = appointmentRows(
    ctx.deps.db,
    startingBetween(localMidnight(day), localMidnight(addDays(day, 1)), ['booked']),
    now,
  );
  return { day, today, rows, now };
}

/** One appointment, as the calendar shows it (the intake reads it to prefill the order at arrival). */
export function getAppointment(ctx: CallContext, id: string): AppointmentRow {
  const row = appointmentRows(ctx.deps.db, eq(appointments.id, id), ctx.deps.now())[0];
  if (!row) throw new AppError('appointmentNotFound', {}, 'appointment not found');
  return row;
}
