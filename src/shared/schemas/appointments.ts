import { z } from 'zod';
import { epochMs, id, isoDate } from './common';
import { SERVICE_TYPES, type CHANNELS } from './orderKinds';

/**
 * 预约: booked (已预约) until the customer arrives (已到店: the intake turned it into a work order), does
 * not come (爽约: only once its slot has started, on the server's clock), or it is cancelled with a
 * reason (已取消: only while booked).
 */
export const APPOINTMENT_STATES = ['booked', 'arrived', 'noShow', 'cancelled'] as const;
export type AppointmentState = (typeof APPOINTMENT_STATES)[number];

/** How the booking came in: 电话, 到店 (at the counter), 网上. */
export const APPOINTMENT_CHANNELS = ['phone', 'counter', 'online'] as const;
export type AppointmentChannel = (typeof APPOINTMENT_CHANNELS)[number];

/** The work order's channel an appointment's becomes at arrival (到店预约 is a walk-in). */
export const ORDER_CHANNEL_OF: Record<AppointmentChannel, (typeof CHANNELS)[number]> = {
  phone: 'phone',
  counter: 'walkIn',
  online: 'online',
};

/** What a booking collides with: a technician's, a bay's or the shop's capacity, or closed hours. */
export const COLLISION_KINDS = ['technician', 'bay', 'slot', 'closedHours'] as const;
export type CollisionKind = (typeof COLLISION_KINDS)[number];

/** "HH:MM" on the shop's local clock. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const bayName = z.string().trim().min(1).max(20);

/** 预约设置: slot length, capacity per slot, opening hours and the bays (工位). */
export const appointmentSettings = z
  .object({
    slotMinutes: z.int().min(10).max(240).default(60),
    /** Bookings one technician takes in one slot. */
    perTechnician: z.int().min(1).max(20).default(1),
    /** Bookings one bay takes in one slot. */
    perBay: z.int().min(1).max(20).default(1),
    /** Bookings the whole shop takes in one slot, whoever does them. */
    perSlot: z.int().min(1).max(200).default(4),
    opensAt: clockTime.default('09:00'),
    closesAt: clockTime.default('18:00'),
    bays: z
      .array(bayName)
      .max(50)
      .refine((b) => new Set(b).size === b.length, 'bay named twice')
      .default([]),
  })
  .strict()
  .refine((s) => s.opensAt < s.closesAt, { path: ['closesAt'], message: 'closes before it opens' });
export type AppointmentSettings = z.infer<typeof appointmentSettings>;

export const bookAppointmentInput = z
  .object({
    /** Found by phone tail, or made new by the customer service first (as the intake does). */
    customerId: id,
    /** One of the customer's devices, or one the device service made first. */
    deviceId: id,
    serviceType: z.enum(SERVICE_TYPES).default('repair'),
    fault: z.string().trim().min(1).max(1000),
    startAt: epochMs,
    /** How many slots it takes (a long job takes two). */
    slots: z.int().min(1).max(8).default(1),
    channel: z.enum(APPOINTMENT_CHANNELS).default('phone'),
    technicianId: id.nullable().default(null),
    bay: bayName.nullable().default(null),
    note: z.string().trim().max(500).default(''),
    /** The clerk saw what it collides with and books it anyway. */
    confirmCollisions: z.boolean().default(false),
  })
  .strict();
export type BookAppointmentInput = z.input<typeof bookAppointmentInput>;

/** The calendar: the appointments starting on `days` of the shop's days from `day` (the server's today if left out). */
export const listAppointmentsInput = z
  .object({ day: isoDate.optional(), days: z.int().min(1).max(7).default(1) })
  .strict();

export const cancelAppointmentInput = z.object({ id, reason: z.string().trim().min(2).max(200) }).strict();

export const appointmentRow = z.object({
  id,
  state: z.enum(APPOINTMENT_STATES),
  startAt: epochMs,
  endAt: epochMs,
  customerId: id,
  customerName: z.string(),
  phone: z.string(),
  deviceId: id,
  deviceLabel: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  fault: z.string(),
  channel: z.enum(APPOINTMENT_CHANNELS),
  technicianId: id.nullable(),
  technicianName: z.string().nullable(),
  bay: z.string().nullable(),
  note: z.string(),
  cancelReason: z.string().nullable(),
  workOrderId: id.nullable(),
  orderNo: z.string().nullable(),
  /** Booked and its start has passed on the server's clock: 爽约 may be recorded. */
  late: z.boolean(),
  createdAt: epochMs,
});
export type AppointmentRow = z.infer<typeof appointmentRow>;

export const appointmentList = z.object({
  /** The first day shown and the server's today. */
  day: z.string(),
  today: z.string(),
  rows: z.array(appointmentRow),
  /** The server's clock when the list was read. */
  now: epochMs,
});
export type AppointmentList = z.infer<typeof appointmentList>;
