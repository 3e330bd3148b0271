import { v7 as uuidv7 } from 'uuid';
import type { Outcome, UnrepairableReason, WorkOrderStatus } from '@shared/workOrderStatus';
import type { ComplaintStatus } from '@shared/schemas/complaintKinds';
import type { FollowUpState } from '@shared/schemas/followUps';
import type { Db } from '../../src/main/db/open';
import {
  complaints,
  customerPhones,
  customers,
  devices,
  followUps,
  settlements,
  workOrders,
} from '../../src/main/db/schema';

/** Local time (the calendar is the same whatever the machine's zone). */
export const at = (month: number, day: number, hour: number, minute = 0): number =>
  new Date(2026, month - 1, day, hour, minute).getTime();
export const H = 3_600_000;

/**
 * Rows written straight into the tables the quality reports read, with every column a report uses
 * (the unit tests and the e2e test share them). `now`: when the customer and devices were created.
 */
export class QualityRows {
  private n = 0;
  readonly customerId = uuidv7();

  constructor(
    private readonly db: Db,
    private readonly now: number,
    private readonly adminId: string,
  ) {
    db.insert(customers)
      .values({
        id: this.customerId,
        code: 'Q000001',
        name: '李四',
        type: 'individual',
        level: '普通',
        createdAt: now,
        updatedAt: now,
      })
      .run();
    db.insert(customerPhones)
      .values({
        id: uuidv7(),
        customerId: this.customerId,
        phone: '13900001111',
        phoneReversed: '11110000931',
        label: '手机',
        position: 0,
      })
      .run();
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
        createdAt: this.now,
        updatedAt: this.now,
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

/**
 * The hand-built month of the service-quality tests (see serviceQuality.test.ts for the table and
 * the right answers): `day(d, hour)` is day d of the month (0 and below: the month before; past its
 * end: the month after), `techA` and `techB` the two technicians.
 */
export function handBuiltMonth(
  r: QualityRows,
  day: (d: number, hour: number, minute?: number) => number,
  techA: string,
  techB: string,
): void {
  const phoneApple = r.device('手机', 'Apple');
  const phoneHuawei = r.device('手机', '华为');
  const laptopApple = r.device('笔记本', 'Apple');
  const laptopLenovo = r.device('笔记本', '联想');
  const o0 = r.order({
    deviceId: phoneApple,
    technicianId: techA,
    createdAt: day(-11, 10),
    diagnosedH: 2,
    readyH: 24,
    deliveredH: 48,
    outcome: 'repaired',
  });
  const o8 = r.order({
    deviceId: laptopApple,
    technicianId: techB,
    createdAt: day(-6, 10),
    readyH: 24,
    deliveredH: 72,
    outcome: 'repaired',
  });
  const o1 = r.order({
    deviceId: phoneApple,
    technicianId: techA,
    createdAt: day(2, 10),
    diagnosedH: 2,
    readyH: 24,
    deliveredH: 48,
    outcome: 'repaired',
  });
  const o2 = r.order({
    deviceId: phoneHuawei,
    technicianId: techA,
    createdAt: day(3, 10),
    diagnosedH: 4,
    readyH: 72,
    deliveredH: 96,
    outcome: 'repaired',
  });
  const o3 = r.order({
    deviceId: laptopApple,
    technicianId: techA,
    createdAt: day(4, 10),
    diagnosedH: 6,
    readyH: 30,
    deliveredH: 48,
    outcome: 'unrepairable',
  });
  const o4 = r.order({
    deviceId: laptopLenovo,
    technicianId: techB,
    createdAt: day(5, 10),
    diagnosedH: 1,
    readyH: 10,
    deliveredH: 20,
    outcome: 'declined',
  });
  const o5 = r.order({
    deviceId: phoneHuawei,
    technicianId: techB,
    serviceType: 'maintenance',
    createdAt: day(6, 10),
    outcome: 'cancelled',
  });
  r.order({
    deviceId: phoneApple,
    technicianId: techB,
    createdAt: day(7, 10),
    diagnosedH: 3,
    reworkOfId: o0,
  });
  r.order({
    deviceId: laptopLenovo,
    technicianId: null,
    serviceType: 'maintenance',
    createdAt: day(8, 10),
  });

  r.followUp({
    workOrderId: o0,
    dueAt: day(1, 10),
    state: 'reached',
    doneAt: day(1, 11),
    scores: [5, 4, 3, 2],
  });
  r.followUp({
    workOrderId: o1,
    dueAt: day(10, 10),
    state: 'reached',
    doneAt: day(10, 12),
    scores: [4, 5, 5, null],
  });
  r.followUp({ workOrderId: o2, dueAt: day(12, 10), state: 'unreachable', doneAt: day(14, 10) });
  r.followUp({ workOrderId: o3, dueAt: day(15, 10), state: 'pending' });
  r.followUp({ workOrderId: o4, dueAt: day(16, 10), state: 'optedOut', doneAt: day(16, 9) });
  r.followUp({ workOrderId: o8, dueAt: day(20, 10), state: 'wrongNumber', doneAt: day(21, 10) });
  r.followUp({
    workOrderId: o5,
    dueAt: day(33, 10),
    state: 'reached',
    doneAt: day(33, 11),
    scores: [1, 1, 1, 1],
  });

  r.complaint({ workOrderId: o2, createdAt: day(13, 10), status: 'closed', respondedH: 2, resolvedH: 20 });
  r.complaint({ workOrderId: o3, createdAt: day(16, 10), status: 'closed', respondedH: 5, resolvedH: 60 });
  r.complaint({ workOrderId: null, createdAt: day(18, 10), status: 'received' });
  r.complaint({ workOrderId: o4, createdAt: day(20, 10), status: 'withdrawn', respondedH: 1 });
  r.complaint({ workOrderId: o1, createdAt: day(32, 10), status: 'closed', respondedH: 1, resolvedH: 2 });

  r.settlement(o1, day(3, 10), 30000);
  r.settlement(o2, day(6, 10), 50000);
  r.settlement(o3, day(6, 11), 5000);
  r.settlement(o1, day(3, 9), 10000, 'void');
  r.settlement(o0, day(-9, 10), 20000);
}
