import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import { localDate } from '@shared/dates';
import type { MaintenancePlan } from '@shared/schemas/maintenance';
import type { ReadingUnit } from '@shared/schemas/readings';
import { devices, maintenancePlans, type MaintenancePlanRecord, type WorkOrderRecord } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Queryable, Tx } from '../context';
import { latestReading, recordReading } from '../readings';
import { actorOf } from '../users';
import { dueTabOf, nextDue, readingReached } from './due';

export function toPlan(r: MaintenancePlanRecord, today: string): MaintenancePlan {
  const { due, dueByReading } = dueTabOf(today, r);
  return {
    id: r.id,
    deviceId: r.deviceId,
    name: r.name,
    intervalDays: r.intervalDays,
    intervalUsage: r.intervalUsage,
    unit: r.unit,
    lastServiceOn: r.lastServiceOn,
    lastServiceReading: r.lastServiceReading,
    nextDueOn: r.nextDueOn,
    nextDueReading: r.nextDueReading,
    currentReading: r.currentReading,
    active: r.active,
    due: r.active ? due : null,
    dueByReading: r.active && dueByReading,
  };
}

function planRecord(q: Queryable, id: string): MaintenancePlanRecord {
  const r = q.select().from(maintenancePlans).where(eq(maintenancePlans.id, id)).get();
  if (!r) throw new AppError('maintenancePlanNotFound', {}, 'maintenance plan not found');
  return r;
}

function requireDevice(q: Queryable, deviceId: string) {
  const d = q.select().from(devices).where(eq(devices.id, deviceId)).get();
  if (!d) throw fieldError('deviceId', 'deviceNotFound', {}, 'device not found');
  if (d.archivedAt !== null) {
    throw fieldError('deviceId', 'deviceNotUsable', { problem: 'archived' }, 'device is archived');
  }
  return d;
}

type PlanFields = Omit<ParsedInputOf<'maintenance.createPlan'>, 'deviceId'>;

/** The stored figures of a plan: a usage plan's last reading defaults to the device's latest. */
function planFigures(q: Queryable, deviceId: string, f: PlanFields) {
  const unit: ReadingUnit | null = f.intervalUsage === null ? null : f.unit;
  const current = unit === null ? null : (latestReading(q, deviceId, unit)?.value ?? null);
  const lastServiceReading = unit === null ? null : (f.lastServiceReading ?? current);
  if (unit !== null && lastServiceReading === null) {
    throw fieldError('lastServiceReading', 'planReadingRequired', {}, 'a usage plan needs its last reading');
  }
  const figures = {
    name: f.name,
    intervalDays: f.intervalDays,
    intervalUsage: f.intervalUsage,
    unit,
    lastServiceOn: f.lastServiceOn,
    lastServiceReading,
    currentReading: current,
  };
  const next = nextDue(figures);
  return { ...figures, ...next, readingReached: readingReached({ ...next, currentReading: current }) };
}

export function devicePlans(ctx: CallContext, deviceId: string): MaintenancePlan[] {
  const { db, now } = ctx.deps;
  requireDevice(db, deviceId);
  const today = localDate(now());
  return db
    .select()
    .from(maintenancePlans)
    .where(eq(maintenancePlans.deviceId, deviceId))
    .orderBy(maintenancePlans.createdAt)
    .all()
    .map((r) => toPlan(r, today));
}

export function createPlan(
  ctx: CallContext,
  input: ParsedInputOf<'maintenance.createPlan'>,
): MaintenancePlan {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const at = now();
    requireDevice(tx, input.deviceId);
    const record: typeof maintenancePlans.$inferInsert = {
      id: uuidv7(),
      deviceId: input.deviceId,
      ...planFigures(tx, input.deviceId, input),
      active: true,
      createdAt: at,
      updatedAt: at,
    };
    tx.insert(maintenancePlans).values(record).run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'create',
      entity: 'maintenancePlan',
      entityId: record.id,
      after: { ...record },
    });
    return toPlan(planRecord(tx, record.id), localDate(at));
  });
}

export function updatePlan(
  ctx: CallContext,
  input: ParsedInputOf<'maintenance.updatePlan'>,
): MaintenancePlan {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const at = now();
    const before = planRecord(tx, input.id);
    const { id: _id, active, ...fields } = input;
    const patch = { ...planFigures(tx, before.deviceId, fields), active, updatedAt: at };
    tx.update(maintenancePlans).set(patch).where(eq(maintenancePlans.id, before.id)).run();
    const after = planRecord(tx, before.id);
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'maintenancePlan',
      entityId: before.id,
      before: { ...before },
      after: { ...after },
    });
    return toPlan(after, localDate(at));
  });
}

/** A reading the customer tells over the phone, kept in the one readings history (source `reported`). */
export function reportReading(
  ctx: CallContext,
  input: ParsedInputOf<'maintenance.reportReading'>,
): MaintenancePlan[] {
  const { db, now } = ctx.deps;
  db.transaction((tx) => {
    const at = now();
    requireDevice(tx, input.deviceId);
    recordReading(tx, {
      deviceId: input.deviceId,
      unit: input.unit,
      value: input.value,
      readAt: at,
      source: 'reported',
      reason: input.reason,
      recordedBy: ctx.user?.id ?? null,
      recordedAt: at,
      field: 'value',
    });
  });
  return devicePlans(ctx, input.deviceId);
}

/**
 * A maintenance order delivered as repaired is the service done: every active plan of its device
 * moves on to the delivery day and the device's reading then (the intake mileage, or newer). A
 * walk-in 保养 services the device as a whole, so all its plans move, not only the one that was due.
 */
export function servicePlansOnDelivery(
  tx: Tx,
  order: WorkOrderRecord,
  outcome: string | null,
  at: number,
): void {
  if (order.serviceType !== 'maintenance' || outcome !== 'repaired') return;
  const plans = tx
    .select()
    .from(maintenancePlans)
    .where(and(eq(maintenancePlans.deviceId, order.deviceId), eq(maintenancePlans.active, true)))
    .all();
  for (const p of plans) {
    const latest = p.unit === null ? null : (latestReading(tx, p.deviceId, p.unit)?.value ?? null);
    const reading = p.unit === null ? null : (latest ?? p.lastServiceReading);
    const figures = {
      intervalDays: p.intervalDays,
      intervalUsage: p.intervalUsage,
      lastServiceOn: localDate(at),
      lastServiceReading: reading,
    };
    const next = nextDue(figures);
    const reached = readingReached({ ...next, currentReading: latest });
    tx.update(maintenancePlans)
      .set({ ...figures, ...next, currentReading: latest, readingReached: reached, updatedAt: at })
      .where(eq(maintenancePlans.id, p.id))
      .run();
  }
}
