import { and, asc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { AppointmentRow, AppointmentState } from '@shared/schemas/appointments';
import { appointments, customers, devices, users, workOrders } from '../../db/schema';
import type { Queryable } from '../context';
import { primaryPhoneOf } from '../customers/history';
import { deviceLabel } from '../workOrders/rows';

/** Appointments with their customer (name, first phone), device, technician and order, by start. */
export function appointmentRows(q: Queryable, where: SQL | undefined, now: number): AppointmentRow[] {
  return q
    .select({
      a: appointments,
      customerName: customers.name,
      phone: primaryPhoneOf(appointments.customerId),
      category: devices.category,
      brand: devices.brand,
      model: devices.model,
      technicianName: users.displayName,
      orderNo: workOrders.orderNo,
    })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .innerJoin(devices, eq(devices.id, appointments.deviceId))
    .leftJoin(users, eq(users.id, appointments.technicianId))
    .leftJoin(workOrders, eq(workOrders.id, appointments.workOrderId))
    .where(where)
    .orderBy(asc(appointments.startAt), asc(appointments.id))
    .all()
    .map(({ a, ...r }) => ({
      id: a.id,
      state: a.state,
      startAt: a.startAt,
      endAt: a.endAt,
      customerId: a.customerId,
      customerName: r.customerName,
      phone: r.phone,
      deviceId: a.deviceId,
      deviceLabel: deviceLabel(r),
      serviceType: a.serviceType,
      fault: a.fault,
      channel: a.channel,
      technicianId: a.technicianId,
      technicianName: r.technicianName ?? null,
      bay: a.bay,
      note: a.note,
      cancelReason: a.cancelReason,
      workOrderId: a.workOrderId,
      orderNo: r.orderNo ?? null,
      late: a.state === 'booked' && a.startAt <= now,
      createdAt: a.createdAt,
    }));
}

/** Those starting in [from, to), in the given states: one range of the start index. */
export function startingBetween(
  from: number,
  to: number,
  states?: readonly AppointmentState[],
): SQL | undefined {
  return and(
    gte(appointments.startAt, from),
    lt(appointments.startAt, to),
    states ? inArray(appointments.state, [...states]) : undefined,
  );
}

export function appointmentRow(q: Queryable, id: string, now: number): AppointmentRow {
  const row = appointmentRows(q, eq(appointments.id, id), now)[0];
  if (!row) throw new Error(`appointment ${id} vanished`);
  return row;
}
