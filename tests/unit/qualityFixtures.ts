import { v7 as uuidv7 } from 'uuid';
import type { Outcome, UnrepairableReason, WorkOrderStatus } from '@shared/workOrderStatus';
import type { ComplaintStatus } from '@shared/schemas/complaintKinds';
import type { FollowUpState } from '@shared/schemas/followUps';
import { complaints, devices, followUps, settlements, workOrders } from '../../src/main/db/schema';
import { insertCustomer } from './counterFixtures';
import type { TestApp } from './harness';

/** Local time (the calendar is the same whatever the machine's zone). */
export const at = (month: number, day: number, hour: number, minute = 0): number =>
  new Date(2026, month - 1, day, hour, minute).getTime();
export const H = 3_600_000;

/** Rows written straight into the tables the quality reports read, with every column a report uses. */
export class QualityRows {
  private n = 0;
  readonly customerId: string;

  constructor(
    private readonly app: TestApp,
    private readonly adminId: string,
  ) {
    this.customerId = insertCustomer(app, { name: '李四' });
  }

  private get db() {
    return this.app.core.deps.db;
  }

  device(category: string, brand: string): string {
    const id = uuidv7();
    this.n += 1;
    this.db
      .insert(devices)
      .values({
        id,
        customerId: this.customerId,
        category,
        brand,
        model: `M${this.n}`,
        serialNo: `QS${String(this.n).padStart(6, '0')}`,
        createdAt: this.app.clock.ms,
        updatedAt: this.app.clock.ms,
      })
      .run();
    return id;
  }

  order(o: {
    deviceId: string;
    technicianId: string | null;
    serviceType?: 'repair' | 'maintenance';
    createdAt: number;
    /** Hours after intake; null = not (yet). */
    diagnosedH?: number | null;
    readyH?: number | null;
    deliveredH?: number | null;
    promisedH?: number;
    outcome?: Outcome | null;
    unrepairableReason?: UnrepairableReason | null;
    reworkOfId?: string | null;
    /** Parked (待客户) with this recall time. */
    recallAt?: number;
  }): string {
    const id = uuidv7();
    this.n += 1;
    const plus = (h: number | null | undefined) =>
      h === null || h === undefined ? null : o.createdAt + h * H;
    const outcome = o.outcome ?? null;
    const status: WorkOrderStatus =
      o.recallAt !== undefined
        ? 'onHold'
        : outcome === 'cancelled'
          ? 'cancelled'
          : o.deliveredH != null
            ? 'delivered'
            : o.readyH != null
              ? 'ready'
              : o.diagnosedH != null
                ? 'inRepair'
                : 'received';
    this.db
      .insert(workOrders)
      .values({
        id,
        orderNo: `BJ01-Q-${String(this.n).padStart(4, '0')}`,
        customerId: this.customerId,
        deviceId: o.deviceId,
        status,
        channel: 'walkIn',
        serviceType: o.serviceType ?? 'repair',
        priority: 'normal',
        reportedFault: '不开机',
        warrantyStatus: o.reworkOfId ? 'repair' : 'out',
        warrantyComputed: o.reworkOfId ? 'repair' : 'out',
        reworkOfId: o.reworkOfId ?? null,
        promisedAt: o.createdAt + (o.promisedH ?? 48) * H,
        technicianId: o.technicianId,
        diagnosedAt: plus(o.diagnosedH),
        readyAt: plus(o.readyH),
        deliveredAt: plus(o.deliveredH),
        outcome,
        unrepairableReason: o.unrepairableReason ?? null,
        heldFrom: o.recallAt !== undefined ? 'awaitingParts' : null,
        holdReason: o.recallAt !== undefined ? '客户自购配件' : null,
        heldAt: o.recallAt !== undefined ? o.createdAt + H : null,
        recallAt: o.recallAt ?? null,
        createdBy: this.adminId,
        createdAt: o.createdAt,
        updatedAt: o.createdAt,
      })
      .run();
    return id;
  }

  followUp(f: {
    workOrderId: string;
    dueAt: number;
    state: FollowUpState;
    doneAt?: number | null;
    scores?: [number | null, number | null, number | null, number | null];
  }): void {
    const [attitude, quality, timeliness, price] = f.scores ?? [null, null, null, null];
    this.db
      .insert(followUps)
      .values({
        id: uuidv7(),
        workOrderId: f.workOrderId,
        customerId: this.customerId,
        dueAt: f.dueAt,
        state: f.state,
        attempts: f.state === 'pending' ? 0 : 1,
        attitude,
        quality,
        timeliness,
        price,
        doneAt: f.doneAt ?? null,
        createdAt: f.dueAt - 3 * 24 * H,
      })
      .run();
  }

  complaint(c: {
    workOrderId: string | null;
    createdAt: number;
    status: ComplaintStatus;
    respondedH?: number | null;
    resolvedH?: number | null;
    /** Hours after creation the resolution was due. */
    dueH?: number;
    /** Hours after creation the first response was due. */
    firstDueH?: number;
  }): string {
    this.n += 1;
    const id = uuidv7();
    const plus = (h: number | null | undefined) =>
      h === null || h === undefined ? null : c.createdAt + h * H;
    this.db
      .insert(complaints)
      .values({
        id,
        complaintNo: `TS-BJ01-Q-${this.n}`,
        customerId: this.customerId,
        workOrderId: c.workOrderId,
        channel: 'phone',
        category: 'quality',
        severity: 'minor',
        description: '修完又坏了',
        status: c.status,
        firstResponseDue: c.createdAt + (c.firstDueH ?? 24) * H,
        resolutionDue: c.createdAt + (c.dueH ?? 48) * H,
        firstRespondedAt: plus(c.respondedH),
        resolvedAt: plus(c.resolvedH),
        closedAt: c.status === 'closed' ? plus(c.resolvedH) : null,
        createdBy: this.adminId,
        createdAt: c.createdAt,
        updatedAt: c.createdAt,
      })
      .run();
    return id;
  }

  /** A settlement (settlement_facts follows it by trigger) of `total` fen. */
  settlement(
    workOrderId: string,
    createdAt: number,
    total: number,
    status: 'active' | 'void' = 'active',
  ): void {
    this.n += 1;
    this.db
      .insert(settlements)
      .values({
        id: uuidv7(),
        settlementNo: `JS-Q-${this.n}`,
        workOrderId,
        status,
        subtotal: total,
        warrantyValue: 0,
        discountType: 'none',
        discountAmount: 0,
        rounding: 0,
        total,
        createdBy: this.adminId,
        createdAt,
        voidedAt: status === 'void' ? createdAt + H : null,
      })
      .run();
  }
}
