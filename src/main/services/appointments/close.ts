import { eq } from 'drizzle-orm';
import { AppError, fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { AppointmentRow } from '@shared/schemas/appointments';
import { appointments, type AppointmentRecord, type WorkOrderRecord } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Tx } from '../context';
import { actorOf } from '../users';
import { appointmentRow } from './rows';

/** The appointment, still booked (else `appointmentNotBooked` with the state it is in). */
function booked(tx: Tx, id: string): AppointmentRecord {
  const a = tx.select().from(appointments).where(eq(appointments.id, id)).get();
  if (!a) throw new AppError('appointmentNotFound', {}, 'appointment not found');
  if (a.state !== 'booked')
    throw new AppError('appointmentNotBooked', { state: a.state }, `appointment ${a.state}`);
  return a;
}

function close(
  tx: Tx,
  ctx: CallContext,
  a: AppointmentRecord,
  patch: Pick<AppointmentRecord, 'state'> & Partial<AppointmentRecord>,
  at: number,
): void {
  const set = { ...patch, closedAt: at, closedBy: ctx.user?.id ?? null };
  tx.update(appointments).set(set).where(eq(appointments.id, a.id)).run();
  writeAudit(tx, {
    at,
    actor: actorOf(ctx.user),
    action: 'update',
    entity: 'appointment',
    entityId: a.id,
    before: { state: a.state },
    after: set,
  });
}

/** 已取消, with the reason: only while booked. */
export function cancelAppointment(
  ctx: CallContext,
  input: ParsedInputOf<'appointments.cancel'>,
): AppointmentRow {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const a = booked(tx, input.id);
    const at = now();
    close(tx, ctx, a, { state: 'cancelled', cancelReason: input.reason }, at);
    return appointmentRow(tx, a.id, at);
  });
}

/** 爽约: only while booked, and only once its slot has started on the server's clock. */
export function markNoShow(ctx: CallContext, id: string): AppointmentRow {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const a = booked(tx, id);
    const at = now();
    if (at < a.startAt)
      throw new AppError('noShowBeforeStart', { startAt: a.startAt }, 'the slot has not started yet');
    close(tx, ctx, a, { state: 'noShow' }, at);
    return appointmentRow(tx, a.id, at);
  });
}

/**
 * 已到店: the intake made its work order (in the order's own transaction): the appointment must be
 * booked and the order for its customer and device. Returns the appointment's note, which the order's
 * timeline carries.
 */
export function markArrived(
  tx: Tx,
  ctx: CallContext,
  id: string,
  order: WorkOrderRecord,
  at: number,
): AppointmentRecord {
  const a = tx.select().from(appointments).where(eq(appointments.id, id)).get();
  if (!a) throw fieldError('appointmentId', 'appointmentNotFound', {}, 'appointment not found');
  if (a.state !== 'booked')
    throw new AppError('appointmentNotBooked', { state: a.state }, `appointment ${a.state}`);
  if (a.customerId !== order.customerId)
    throw fieldError(
      'customerId',
      'appointmentOtherParty',
      { problem: 'customer' },
      'not the appointment’s customer',
    );
  if (a.deviceId !== order.deviceId)
    throw fieldError(
      'deviceId',
      'appointmentOtherParty',
      { problem: 'device' },
      'not the appointment’s device',
    );
  close(tx, ctx, a, { state: 'arrived', workOrderId: order.id }, at);
  return a;
}
