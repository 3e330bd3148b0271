import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '@shared/contract';
import { contract } from '@shared/contract';
import {
  COMPLAINT_STATUSES,
  nextComplaintStatuses,
  type ComplaintStatus,
} from '@shared/schemas/complaintKinds';
import { insertCustomer, insertDevice } from './counterFixtures';
import {
  addLines,
  moveTo,
  openShop,
  orderInRepair,
  refused,
  type Detail,
  type Shop,
} from './settlementsFixtures';

type Complaint = OutputOf<'complaints.get'>;
const HOUR = 3_600_000;

let shop: Shop;
beforeEach(async () => {
  shop = await openShop();
});
afterEach(() => shop.app.cleanup());

function take(extra: Partial<InputOf<'complaints.create'>> = {}): Promise<Complaint> {
  return shop.clerk.ok('complaints.create', {
    customerId: shop.customerId,
    category: 'quality',
    severity: 'minor',
    description: '修好两天屏幕又不亮了',
    ...extra,
  });
}

/** What each move asks for besides its note. */
function moveInput(c: Complaint, to: ComplaintStatus): InputOf<'complaints.move'> {
  return {
    id: c.id,
    version: c.version,
    to,
    note: `到 ${to}`,
    ...(to === 'awaitingConfirmation' ? { resolution: { kind: 'apology' as const } } : {}),
    ...(to === 'closed' ? { confirmation: { by: '张三本人', how: '电话确认满意' } } : {}),
  };
}

/** A fresh complaint walked to `status` along legal moves. */
async function complaintAt(status: ComplaintStatus): Promise<Complaint> {
  const paths: Record<ComplaintStatus, ComplaintStatus[]> = {
    received: [],
    inProgress: ['inProgress'],
    awaitingConfirmation: ['inProgress', 'awaitingConfirmation'],
    closed: ['inProgress', 'awaitingConfirmation', 'closed'],
    withdrawn: ['withdrawn'],
  };
  let c = await take();
  for (const to of paths[status]) c = await shop.clerk.ok('complaints.move', moveInput(c, to));
  return c;
}

/** An order repaired, paid in full and handed back: a rework or a refund may come of it. */
async function deliveredOrder(): Promise<Detail> {
  const order = await orderInRepair(shop);
  await addLines(shop, order.id, { charges: [{ itemCode: 'WX' }] });
  const s = await shop.clerk.ok('settlements.create', { id: order.id });
  await shop.clerk.ok('settlements.pay', {
    settlementId: s.id,
    method: 'cash',
    amount: s.total,
    tendered: s.total,
  });
  return moveTo(shop, await shop.clerk.ok('workOrders.get', { id: order.id }), ['qc', 'ready', 'delivered']);
}

async function refundOf(orderId: string, amount: number): Promise<string> {
  const s = await shop.clerk.ok('settlements.forOrder', { id: orderId });
  if (!s) throw new Error('no settlement');
  const after = await shop.manager.ok('settlements.refund', {
    settlementId: s.id,
    method: 'cash',
    amount,
    reason: '投诉退款',
  });
  const refund = after.payments.find((p) => p.amount === -amount);
  if (!refund) throw new Error('no refund');
  return refund.id;
}

describe('taking a complaint', () => {
  it('numbers it, fixes its deadlines from the severity hours in settings, and notes it on the order', async () => {
    await shop.admin.ok('settings.update', {
      afterSales: {
        complaintHours: {
          minor: { firstResponse: 12, resolution: 100 },
          major: { firstResponse: 6, resolution: 48 },
          critical: { firstResponse: 1, resolution: 8 },
        },
      },
    });
    const order = await orderInRepair(shop);
    const at = shop.app.clock.ms;
    for (const [severity, first, resolution] of [
      ['minor', 12, 100],
      ['major', 6, 48],
      ['critical', 1, 8],
    ] as const) {
      const c = await take({
        severity,
        workOrderId: order.id,
        ownerId: shop.techId,
        staffUserId: shop.techId,
      });
      expect(c).toMatchObject({
        status: 'received',
        severity,
        firstResponseDue: at + first * HOUR,
        resolutionDue: at + resolution * HOUR,
        orderNo: order.orderNo,
        customerName: '张三',
        ownerName: 'technician 员工',
        staffName: 'technician 员工',
        firstResponseOverdue: false,
        resolutionOverdue: false,
        nextStatuses: ['inProgress', 'withdrawn'],
      });
      expect(c.complaintNo).toMatch(/^TS-BJ01-\d{8}-\d{4}$/);
      expect(c.steps).toMatchObject([
        { kind: 'created', toStatus: 'received', note: '修好两天屏幕又不亮了' },
      ]);
    }
    const timeline = (await shop.clerk.ok('workOrders.get', { id: order.id })).events.filter(
      (e) => e.kind === 'complaint',
    );
    expect(timeline).toHaveLength(3);
    // A later settings change does not move the deadlines of a complaint already taken.
    await shop.admin.ok('settings.update', {
      afterSales: {
        complaintHours: {
          minor: { firstResponse: 1, resolution: 2 },
          major: { firstResponse: 1, resolution: 2 },
          critical: { firstResponse: 1, resolution: 2 },
        },
      },
    });
    const list = await shop.clerk.ok('complaints.list', { workOrderId: order.id });
    expect(list.rows.map((r) => r.resolutionDue - at).sort((a, b) => a - b)).toEqual([
      8 * HOUR,
      48 * HOUR,
      100 * HOUR,
    ]);
  });

  it('the default hours: minor 24/168, major 8/72, critical 2/24', async () => {
    const at = shop.app.clock.ms;
    for (const [severity, first, resolution] of [
      ['minor', 24, 168],
      ['major', 8, 72],
      ['critical', 2, 24],
    ] as const) {
      const c = await take({ severity });
      expect([c.firstResponseDue - at, c.resolutionDue - at]).toEqual([first * HOUR, resolution * HOUR]);
    }
  });

  it('refuses an order of another customer, an unusable customer or staff member, and a technician', async () => {
    const otherId = insertCustomer(shop.app, { name: '李四' });
    const otherDevice = insertDevice(shop.app, otherId);
    const othersOrder = await shop.clerk.ok('workOrders.create', {
      customerId: otherId,
      deviceId: otherDevice,
      reportedFault: '不开机',
    });
    expect(
      await refused(shop.app, () =>
        shop.clerk.call('complaints.create', {
          customerId: shop.customerId,
          workOrderId: othersOrder.id,
          category: 'quality',
          severity: 'minor',
          description: '没修好',
        }),
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      reason: 'complaintLinkRefused',
      params: { problem: 'orderOtherCustomer' },
      details: { fields: [{ path: 'workOrderId' }] },
    });
    const merged = insertCustomer(shop.app, { name: '王五', mergedIntoId: shop.customerId });
    const archived = insertCustomer(shop.app, { name: '赵六', archived: true });
    for (const [customerId, problem] of [
      [merged, 'merged'],
      [archived, 'archived'],
    ] as const) {
      expect(
        await refused(shop.app, () =>
          shop.clerk.call('complaints.create', {
            customerId,
            category: 'attitude',
            severity: 'major',
            description: '态度差',
          }),
        ),
      ).toMatchObject({ reason: 'customerNotUsable', params: { problem } });
    }
    expect(
      await refused(shop.app, () =>
        shop.clerk.call('complaints.create', {
          customerId: shop.customerId,
          ownerId: '0190a0a0-0000-7000-8000-000000000000',
          category: 'attitude',
          severity: 'major',
          description: '态度差',
        }),
      ),
    ).toMatchObject({ reason: 'userNotFound', details: { fields: [{ path: 'ownerId' }] } });
    expect(
      await refused(shop.app, () =>
        shop.clerk.call('complaints.create', {
          customerId: shop.customerId,
          category: 'attitude',
          severity: 'major',
          description: '   ',
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'description' }] } });
    expect(
      await refused(shop.app, () =>
        shop.tech.call('complaints.create', {
          customerId: shop.customerId,
          category: 'attitude',
          severity: 'major',
          description: '态度差',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a staff member who has left may be the one it is about, but not its owner', async () => {
    await shop.admin.ok('users.update', { id: shop.techId, disabled: true });
    const about = await take({ staffUserId: shop.techId });
    expect(about.staffName).toBe('technician 员工');
    const disabled = {
      code: 'VALIDATION',
      reason: 'technicianDisabled',
      details: { fields: [{ path: 'ownerId' }] },
    };
    expect(
      await refused(shop.app, () =>
        shop.clerk.call('complaints.create', {
          customerId: shop.customerId,
          ownerId: shop.techId,
          category: 'attitude',
          severity: 'minor',
          description: '态度差',
        }),
      ),
    ).toMatchObject(disabled);
    expect(
      await refused(shop.app, () =>
        shop.clerk.call('complaints.assign', { id: about.id, version: about.version, ownerId: shop.techId }),
      ),
    ).toMatchObject(disabled);
    expect((await shop.clerk.ok('complaints.staff', {})).map((u) => u.displayName)).not.toContain(
      'technician 员工',
    );
  });
});

describe('the state machine', () => {
  it('every move from every state: the legal ones pass, the others are refused with their reason and change nothing', async () => {
    for (const from of COMPLAINT_STATUSES) {
      for (const to of COMPLAINT_STATUSES) {
        const c = await complaintAt(from);
        const legal = nextComplaintStatuses(from).includes(to);
        if (legal) {
          const moved = await shop.clerk.ok('complaints.move', moveInput(c, to));
          expect(moved.status, `${from} → ${to}`).toBe(to);
          expect(moved.steps.at(-1)).toMatchObject({ fromStatus: from, toStatus: to, note: `到 ${to}` });
          continue;
        }
        const error = await refused(shop.app, () => shop.clerk.call('complaints.move', moveInput(c, to)));
        if (from === 'closed' || from === 'withdrawn') {
          expect(error, `${from} → ${to}`).toMatchObject({
            code: 'CONFLICT',
            reason: 'complaintFinished',
            params: { complaintNo: c.complaintNo, status: from },
          });
        } else {
          expect(error, `${from} → ${to}`).toMatchObject({
            code: 'INVALID_TRANSITION',
            reason: 'complaintMoveNotAllowed',
            params: { complaintNo: c.complaintNo, from, to },
          });
        }
      }
    }
  });

  it('stamps the first response, the answer and the close; a customer not satisfied sends it back', async () => {
    const c = await take();
    const t0 = shop.app.clock.ms;
    shop.app.clock.advance(HOUR);
    const working = await shop.clerk.ok('complaints.move', moveInput(c, 'inProgress'));
    expect(working).toMatchObject({ firstRespondedAt: t0 + HOUR, resolvedAt: null });
    shop.app.clock.advance(HOUR);
    const answered = await shop.clerk.ok('complaints.move', {
      ...moveInput(working, 'awaitingConfirmation'),
      resolution: { kind: 'compensation', compensationAmount: 5000 },
      note: '赠送 50 元维修券',
    });
    expect(answered).toMatchObject({
      resolvedAt: t0 + 2 * HOUR,
      resolutionKind: 'compensation',
      compensationAmount: 5000,
      resolutionNote: '赠送 50 元维修券',
    });
    expect(answered.steps.at(-1)).toMatchObject({ kind: 'resolution', data: { kind: 'compensation' } });
    const back = await shop.clerk.ok('complaints.move', {
      ...moveInput(answered, 'inProgress'),
      note: '客户不满意',
    });
    expect(back).toMatchObject({ status: 'inProgress', resolvedAt: null, firstRespondedAt: t0 + HOUR });
    const again = await shop.clerk.ok('complaints.move', {
      ...moveInput(back, 'awaitingConfirmation'),
      resolution: { kind: 'explanation' },
    });
    shop.app.clock.advance(HOUR);
    const closed = await shop.clerk.ok('complaints.move', moveInput(again, 'closed'));
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: t0 + 3 * HOUR,
      confirmedBy: '张三本人',
      confirmationNote: '电话确认满意',
      confirmedAt: t0 + 3 * HOUR,
      resolutionKind: 'explanation',
      compensationAmount: null,
      nextStatuses: [],
    });
    expect(closed.steps.map((s) => s.kind)).toEqual([
      'created',
      'status',
      'resolution',
      'status',
      'resolution',
      'confirmation',
    ]);
    const audit = await shop.admin.ok('audit.list', { entity: 'complaint', pageSize: 200 });
    expect(audit.rows.filter((r) => r.entityId === c.id)).toHaveLength(6);
  });

  it('the answer needs a resolution, closing needs the confirmation, every step a note', async () => {
    const working = await complaintAt('inProgress');
    const { resolution: _r, ...noResolution } = moveInput(working, 'awaitingConfirmation');
    expect(await refused(shop.app, () => shop.clerk.call('complaints.move', noResolution))).toMatchObject({
      code: 'VALIDATION',
      reason: 'resolutionRequired',
      details: { fields: [{ path: 'resolution' }] },
    });
    expect(
      await refused(shop.app, () =>
        shop.clerk.call('complaints.move', { ...moveInput(working, 'withdrawn'), note: ' ' }),
      ),
    ).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'note' }] } });
    // A resolution or a confirmation on a move that takes none.
    expect(
      await refused(shop.app, () =>
        shop.clerk.call('complaints.move', {
          ...moveInput(working, 'withdrawn'),
          resolution: { kind: 'apology' },
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'resolution' }] } });
    const compensationWithout = await refused(shop.app, () =>
      shop.clerk.call('complaints.move', {
        ...moveInput(working, 'awaitingConfirmation'),
        resolution: { kind: 'compensation' },
      }),
    );
    expect(compensationWithout).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'resolution.compensationAmount' }] },
    });
    const answered = await shop.clerk.ok('complaints.move', moveInput(working, 'awaitingConfirmation'));
    const { confirmation: _c, ...noConfirmation } = moveInput(answered, 'closed');
    expect(await refused(shop.app, () => shop.clerk.call('complaints.move', noConfirmation))).toMatchObject({
      code: 'VALIDATION',
      reason: 'confirmationRequired',
      details: { fields: [{ path: 'confirmation' }] },
    });
    expect(
      await refused(shop.app, () =>
        shop.clerk.call('complaints.move', {
          ...moveInput(answered, 'closed'),
          confirmation: { by: '', how: '电话' },
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'confirmation.by' }] } });
  });

  it('a move from a stale version is refused; notes and owners stop once it is finished', async () => {
    const c = await take();
    await shop.clerk.ok('complaints.assign', { id: c.id, version: c.version, ownerId: shop.techId });
    expect(
      await refused(shop.app, () => shop.clerk.call('complaints.move', moveInput(c, 'inProgress'))),
    ).toMatchObject({ code: 'CONFLICT', reason: 'staleEdit' });
    const noted = await shop.clerk.ok('complaints.addNote', { id: c.id, note: '已致电客户' });
    expect(noted.steps.map((s) => s.kind)).toEqual(['created', 'assign', 'note']);
    expect(noted.ownerName).toBe('technician 员工');
    const withdrawn = await shop.clerk.ok('complaints.move', moveInput(noted, 'withdrawn'));
    const finished = { code: 'CONFLICT', reason: 'complaintFinished', params: { status: 'withdrawn' } };
    expect(
      await refused(shop.app, () => shop.clerk.call('complaints.addNote', { id: c.id, note: '再记一笔' })),
    ).toMatchObject(finished);
    expect(
      await refused(shop.app, () =>
        shop.clerk.call('complaints.assign', { id: c.id, version: withdrawn.version, ownerId: null }),
      ),
    ).toMatchObject(finished);
    expect(
      await refused(shop.app, () =>
        shop.clerk.call('complaints.get', { id: '0190a0a0-0000-7000-8000-000000000000' }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'complaintNotFound' });
  });
});

describe('overdue on the server clock, exactly at the edges', () => {
  const flags = async (id: string) => {
    const c = await shop.clerk.ok('complaints.get', { id });
    const overdueIds = (await shop.clerk.ok('complaints.list', { overdue: true })).rows.map((r) => r.id);
    return {
      first: c.firstResponseOverdue,
      resolution: c.resolutionOverdue,
      listed: overdueIds.includes(id),
    };
  };

  it('first response: overdue only after its due moment while still received', async () => {
    const c = await take({ severity: 'critical' });
    shop.app.clock.ms = c.firstResponseDue - 1;
    expect(await flags(c.id)).toEqual({ first: false, resolution: false, listed: false });
    shop.app.clock.ms = c.firstResponseDue;
    expect(await flags(c.id)).toEqual({ first: false, resolution: false, listed: false });
    shop.app.clock.ms = c.firstResponseDue + 1;
    expect(await flags(c.id)).toEqual({ first: true, resolution: false, listed: true });
    // Answering late ends the first-response flag.
    const working = await shop.clerk.ok('complaints.move', moveInput(c, 'inProgress'));
    expect(working.firstResponseOverdue).toBe(false);
    expect(await flags(c.id)).toEqual({ first: false, resolution: false, listed: false });
  });

  it('resolution: overdue after its due moment until answered; the answer ends it', async () => {
    const c = await complaintAt('inProgress');
    shop.app.clock.ms = c.resolutionDue - 1;
    expect(await flags(c.id)).toEqual({ first: false, resolution: false, listed: false });
    shop.app.clock.ms = c.resolutionDue;
    expect(await flags(c.id)).toEqual({ first: false, resolution: false, listed: false });
    shop.app.clock.ms = c.resolutionDue + 1;
    expect(await flags(c.id)).toEqual({ first: false, resolution: true, listed: true });
    const answered = await shop.clerk.ok(
      'complaints.move',
      moveInput(await shop.clerk.ok('complaints.get', { id: c.id }), 'awaitingConfirmation'),
    );
    expect(answered.resolutionOverdue).toBe(false);
    expect(await flags(c.id)).toEqual({ first: false, resolution: false, listed: false });
    // Sent back to work on it: late again.
    await shop.clerk.ok('complaints.move', moveInput(answered, 'inProgress'));
    expect(await flags(c.id)).toEqual({ first: false, resolution: true, listed: true });
  });

  it('a received one past both deadlines shows both; a withdrawn one shows none', async () => {
    const c = await take();
    shop.app.clock.ms = c.resolutionDue + 1;
    expect(await flags(c.id)).toEqual({ first: true, resolution: true, listed: true });
    await shop.clerk.ok('complaints.move', moveInput(c, 'withdrawn'));
    expect(await flags(c.id)).toEqual({ first: false, resolution: false, listed: false });
  });
});

describe('the list', () => {
  it('filters by status, severity, customer and order, and searches number, name and phone', async () => {
    const otherId = insertCustomer(shop.app, { name: '李四', phone: '13912345678' });
    const order = await orderInRepair(shop);
    const a = await take({ workOrderId: order.id });
    const b = await take({ severity: 'critical', customerId: otherId });
    await shop.clerk.ok('complaints.move', moveInput(b, 'inProgress'));
    const ids = async (input: InputOf<'complaints.list'>) =>
      (await shop.clerk.ok('complaints.list', input)).rows.map((r) => r.id);
    expect(await ids({})).toEqual([b.id, a.id]);
    expect(await ids({ status: 'inProgress' })).toEqual([b.id]);
    expect(await ids({ severity: 'minor' })).toEqual([a.id]);
    expect(await ids({ customerId: otherId })).toEqual([b.id]);
    expect(await ids({ workOrderId: order.id })).toEqual([a.id]);
    expect(await ids({ search: '李四' })).toEqual([b.id]);
    expect(await ids({ search: '345678' })).toEqual([b.id]);
    expect(await ids({ search: a.complaintNo.toLowerCase() })).toEqual([a.id]);
    const page = await shop.clerk.ok('complaints.list', { pageSize: 1, page: 2 });
    expect(page).toMatchObject({ total: 2, rows: [{ id: a.id }] });
  });
});

describe('resolutions linked to the money or the work they caused', () => {
  it('a refund names a refund payment of the complaint’s own order', async () => {
    const order = await deliveredOrder();
    const other = await deliveredOrder();
    const refundId = await refundOf(order.id, 1000);
    const otherRefund = await refundOf(other.id, 500);
    const s = await shop.clerk.ok('settlements.forOrder', { id: order.id });
    const payment = s?.payments.find((p) => p.amount > 0)?.id ?? '';
    const c = await take({ workOrderId: order.id });
    const working = await shop.clerk.ok('complaints.move', moveInput(c, 'inProgress'));
    expect(working.refundChoices.map((r) => r.id)).toEqual([refundId]);
    const refund = (refundPaymentId: string) =>
      shop.clerk.call('complaints.move', {
        ...moveInput(working, 'awaitingConfirmation'),
        resolution: { kind: 'refund', refundPaymentId },
      });
    for (const wrong of [payment, otherRefund, '0190a0a0-0000-7000-8000-000000000000']) {
      expect(await refused(shop.app, () => refund(wrong))).toMatchObject({
        code: 'VALIDATION',
        reason: 'complaintLinkRefused',
        params: { problem: 'refundNotOfOrder' },
        details: { fields: [{ path: 'resolution.refundPaymentId' }] },
      });
    }
    const answered = await refund(refundId);
    if (!answered.ok) expect.fail(JSON.stringify(answered.error));
    expect(answered.data).toMatchObject({
      resolutionKind: 'refund',
      refund: { id: refundId, amount: -1000 },
    });
    const timeline = (await shop.clerk.ok('workOrders.get', { id: order.id })).events.filter(
      (e) => e.kind === 'complaint',
    );
    expect(timeline.map((e) => e.data)).toMatchObject([
      { action: 'created', to: 'received' },
      { action: 'status', to: 'inProgress' },
      { action: 'status', to: 'awaitingConfirmation' },
    ]);
  });

  it('a refund or rework needs an order on the complaint', async () => {
    const working = await complaintAt('inProgress');
    for (const resolution of [
      { kind: 'refund' as const, refundPaymentId: '0190a0a0-0000-7000-8000-000000000000' },
      { kind: 'rework' as const, openRework: { reportedFault: '屏幕又不亮' } },
    ]) {
      expect(
        await refused(shop.app, () =>
          shop.clerk.call('complaints.move', { ...moveInput(working, 'awaitingConfirmation'), resolution }),
        ),
      ).toMatchObject({ reason: 'complaintLinkRefused', params: { problem: 'needsOrder' } });
    }
  });

  it('a rework names a rework order of the complaint’s order, or opens one in the same step', async () => {
    const order = await deliveredOrder();
    const unrelated = await orderInRepair(shop);
    const c = await take({ workOrderId: order.id, category: 'quality' });
    const working = await shop.clerk.ok('complaints.move', moveInput(c, 'inProgress'));
    const rework = (resolution: NonNullable<InputOf<'complaints.move'>['resolution']>) =>
      shop.clerk.call('complaints.move', { ...moveInput(working, 'awaitingConfirmation'), resolution });
    expect(
      await refused(shop.app, () => rework({ kind: 'rework', reworkOrderId: unrelated.id })),
    ).toMatchObject({
      reason: 'complaintLinkRefused',
      params: { problem: 'reworkNotOfOrder' },
      details: { fields: [{ path: 'resolution.reworkOrderId' }] },
    });
    // Naming one and opening one at once is one too many.
    expect(
      await refused(shop.app, () =>
        rework({ kind: 'rework', reworkOrderId: unrelated.id, openRework: { reportedFault: '又坏了' } }),
      ),
    ).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'resolution.reworkOrderId' }] } });
    const opened = await rework({
      kind: 'rework',
      openRework: { reportedFault: '屏幕又不亮', technicianId: shop.techId },
    });
    if (!opened.ok) expect.fail(JSON.stringify(opened.error));
    const answer = opened.data;
    expect(answer.rework).toMatchObject({ status: 'received' });
    const newOrder = await shop.clerk.ok('workOrders.get', { id: answer.rework?.id ?? '' });
    expect(newOrder).toMatchObject({
      reworkOfId: order.id,
      customerId: order.customerId,
      deviceId: order.deviceId,
      reportedFault: '屏幕又不亮',
      technicianId: shop.techId,
    });
    expect(answer.steps.at(-1)).toMatchObject({
      kind: 'resolution',
      data: { kind: 'rework', reworkOrderNo: newOrder.orderNo, opened: true },
    });
    // The customer is not satisfied; the next answer names the rework order already opened.
    const back = await shop.clerk.ok('complaints.move', moveInput(answer, 'inProgress'));
    const named = await shop.clerk.ok('complaints.move', {
      ...moveInput(back, 'awaitingConfirmation'),
      resolution: { kind: 'rework', reworkOrderId: newOrder.id },
    });
    expect(named.rework?.orderNo).toBe(newOrder.orderNo);
  });

  it('opening a rework on an order not yet delivered is refused by the work-order rules, and nothing is kept', async () => {
    const order = await orderInRepair(shop);
    const c = await take({ workOrderId: order.id });
    const working = await shop.clerk.ok('complaints.move', moveInput(c, 'inProgress'));
    expect(
      await refused(shop.app, () =>
        shop.clerk.call('complaints.move', {
          ...moveInput(working, 'awaitingConfirmation'),
          resolution: { kind: 'rework', openRework: { reportedFault: '又坏了' } },
        }),
      ),
    ).toMatchObject({ reason: 'reworkNotAllowed', params: { problem: 'notDelivered' } });
  });
});

describe('a merge of customers', () => {
  it('moves the merged customer’s complaints to the customer kept, with their orders', async () => {
    const twinId = insertCustomer(shop.app, { name: '张三（重复）' });
    const twinDevice = insertDevice(shop.app, twinId);
    const order = await shop.clerk.ok('workOrders.create', {
      customerId: twinId,
      deviceId: twinDevice,
      reportedFault: '不开机',
    });
    const c = await take({ customerId: twinId, workOrderId: order.id });
    await shop.admin.ok('customers.merge', { keepId: shop.customerId, mergeId: twinId });
    const moved = await shop.clerk.ok('complaints.get', { id: c.id });
    expect(moved).toMatchObject({
      customerId: shop.customerId,
      customerName: '张三',
      orderNo: order.orderNo,
    });
    expect(moved.version).toBe(c.version + 1);
  });
});

describe('never deleted', () => {
  it('the database refuses to delete a complaint or its steps', async () => {
    const c = await take();
    const sqlite = shop.app.core.database.sqlite;
    expect(() => sqlite.prepare('DELETE FROM complaints WHERE id = ?').run(c.id)).toThrow(
      'complaints are never deleted',
    );
    expect(() => sqlite.prepare('DELETE FROM complaint_events WHERE complaint_id = ?').run(c.id)).toThrow(
      'append-only',
    );
    expect((await shop.clerk.ok('complaints.get', { id: c.id })).steps).toHaveLength(1);
  });

  it('no method of the contract deletes one', () => {
    const methods = Object.keys(contract).filter((m) => m.startsWith('complaints.'));
    expect(methods.sort()).toEqual([
      'complaints.addNote',
      'complaints.assign',
      'complaints.create',
      'complaints.get',
      'complaints.list',
      'complaints.move',
      'complaints.staff',
    ]);
  });
});
