import { v7 as uuidv7 } from 'uuid';
import { AppError, fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { AppointmentRow } from '@shared/schemas/appointments';
import { appointments, type AppointmentRecord } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext } from '../context';
import { readAppointmentSettings } from '../settings';
import { actorOf } from '../users';
import { checkParties } from '../workOrders/create';
import { requireTechnician } from '../workOrders/lookups';
import { collisionsOf } from './collisions';
import { appointmentRow } from './rows';

const MINUTE = 60_000;

/**
 * 预约: book a customer's device for a start time and its slots, with a technician and/or a bay.
 * A booking over a capacity or outside opening hours is refused (`appointmentCollides`, naming what
 * it meets) unless the clerk confirmed it; one in the past, for an unknown bay, a customer or device
 * not usable, or a user who is not a technician is refused outright.
 */
export function bookAppointment(ctx: CallContext, input: ParsedInputOf<'appointments.book'>): AppointmentRow {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const at = now();
    checkParties(tx, input.customerId, input.deviceId);
    if (input.technicianId !== null) requireTechnician(tx, input.technicianId);
    const settings = readAppointmentSettings(tx);
    if (input.bay !== null && !settings.bays.includes(input.bay))
      throw fieldError('bay', 'unknownBay', { bay: input.bay }, `no bay named ${input.bay}`);
    if (input.startAt < at) throw fieldError('startAt', 'appointmentInPast', {}, 'appointment before now');
    const slot = {
      startAt: input.startAt,
      endAt: input.startAt + input.slots * settings.slotMinutes * MINUTE,
      technicianId: input.technicianId,
      bay: input.bay,
    };
    const collisions = collisionsOf(tx, slot, settings);
    const first = collisions[0];
    if (first && !input.confirmCollisions) {
      throw new AppError(
        'appointmentCollides',
        {
          kind: first.kind,
          with: collisions
            .flatMap((c) => c.with)
            .filter((w, i, all) => all.indexOf(w) === i)
            .join('、'),
        },
        `collides: ${collisions.map((c) => c.kind).join(', ')}`,
      );
    }
    const record: AppointmentRecord = {
      id: uuidv7(),
      customerId: input.customerId,
      deviceId: input.deviceId,
      serviceType: input.serviceType,
      fault: input.fault,
      ...slot,
      channel: input.channel,
      note: input.note,
      state: 'booked',
      cancelReason: null,
      workOrderId: null,
      closedAt: null,
      closedBy: null,
      remindedAt: null,
      createdAt: at,
      createdBy: ctx.user?.id ?? null,
    };
    tx.insert(appointments).values(record).run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'create',
      entity: 'appointment',
      entityId: record.id,
      after: { ...record, ...(first ? { confirmedCollisions: collisions.map((c) => c.kind) } : {}) },
    });
    return appointmentRow(tx, record.id, at);
  });
}
