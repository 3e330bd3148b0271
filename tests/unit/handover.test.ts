import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract';
import { MAX_SIGNATURE_BYTES } from '@shared/schemas/handover';
import { moveTo, openShop, refused, type Detail, type Shop } from './settlementsFixtures';

/** CRC-32 of a PNG chunk (type + data), as the PNG spec defines it. */
function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A real RGBA PNG; `noise` fills it with random pixels so it does not compress (a large file). */
function png(width: number, height: number, noise = false): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(Buffer.from([0]), noise ? randomBytes(width * 4) : Buffer.alloc(width * 4, y % 7 ? 0 : 255));
  }
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: noise ? 0 : 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dataUrl = (bytes: Buffer, mime = 'image/png') => `data:${mime};base64,${bytes.toString('base64')}`;
const SIGNATURE = dataUrl(png(600, 200));

let shop: Shop;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(() => shop.app.cleanup());

const sql = <T>(query: string, ...params: unknown[]) =>
  shop.app.core.database.sqlite.prepare(query).all(...params) as T[];

async function intake(extra: Partial<InputOf<'workOrders.create'>> = {}): Promise<Detail> {
  return shop.clerk.ok('workOrders.create', {
    customerId: shop.customerId,
    deviceId: shop.deviceId,
    reportedFault: '屏幕碎裂',
    ...extra,
  });
}

/** An order left with a charger, a SIM tray and a blue case (free text), ready for pickup. */
async function readyWithAccessories(): Promise<Detail> {
  const order = await intake({ accessories: ['charger', 'simTray'], accessoriesNote: '蓝色手机壳' });
  return moveTo(shop, order, ['diagnosing', 'inRepair', 'qc', 'ready']);
}

async function setHandover(settings: InputOf<'settings.update'>['handover']) {
  await shop.admin.ok('settings.update', { handover: settings });
}

describe('intake signature', () => {
  it('is stored with the order, on its timeline, and read back as the PNG that was drawn', async () => {
    const order = await intake({ signature: SIGNATURE });
    expect(order.signatures).toEqual([
      {
        id: expect.any(String),
        kind: 'intake',
        dataUrl: SIGNATURE,
        width: 600,
        height: 200,
        recordedBy: 'clerk 员工',
        recordedAt: shop.app.clock.ms,
      },
    ]);
    const event = order.events.find((e) => e.kind === 'signature');
    expect(event?.data).toEqual({ signatureId: order.signatures[0]?.id, kind: 'intake' });
    const [row] = sql<{ kind: string; username: string; size: number }>(
      'SELECT kind, username, length(png) AS size FROM order_signatures WHERE work_order_id = ?',
      order.id,
    );
    expect(row).toEqual({ kind: 'intake', username: 'clerk1', size: png(600, 200).length });
    // The audit names the image by size and checksum, never its bytes.
    const audit = sql<{ after: string }>(
      "SELECT after FROM audit_log WHERE entity = 'workOrder' AND entity_id = ? AND after LIKE '%signature%'",
      order.id,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).not.toContain(SIGNATURE.slice(30, 80));
  });

  it('is optional: an order without one has none', async () => {
    expect((await intake()).signatures).toEqual([]);
  });

  it('refuses an oversize, a non-PNG and a damaged image at the dispatch boundary, changing nothing', async () => {
    const big = png(240, 240, true);
    expect(big.length).toBeGreaterThan(MAX_SIGNATURE_BYTES);
    const cases = [
      ['tooLarge', dataUrl(big)],
      ['type', dataUrl(png(60, 20), 'image/jpeg')],
      ['type', 'not a data url'],
      ['content', dataUrl(Buffer.from('this is not a png image at all, only text'))],
      ['content', dataUrl(png(60, 20)).replace('iVBOR', 'AAAAA')],
      ['content', dataUrl(png(5000, 1))],
    ] as const;
    for (const [problem, signature] of cases) {
      const error = await refused(shop.app, () =>
        shop.clerk.call('workOrders.create', {
          customerId: shop.customerId,
          deviceId: shop.deviceId,
          reportedFault: '屏幕碎裂',
          signature,
        }),
      );
      expect(error).toMatchObject({
        code: 'VALIDATION',
        reason: 'signatureRefused',
        params: { problem, maxKb: 200 },
        details: { fields: [expect.objectContaining({ path: 'signature' })] },
      });
    }
    // Far beyond the limit, zod refuses the text before anything reads it.
    const huge = await refused(shop.app, () =>
      shop.clerk.call('workOrders.create', {
        customerId: shop.customerId,
        deviceId: shop.deviceId,
        reportedFault: '屏幕碎裂',
        signature: dataUrl(randomBytes(MAX_SIGNATURE_BYTES * 3)),
      }),
    );
    expect(huge).toMatchObject({ code: 'VALIDATION', reason: 'invalidInput' });
  });

  it('can be given later while the order is open, once: signing again is refused, never replacing it', async () => {
    const order = await intake();
    const signed = await shop.clerk.ok('workOrders.signIntake', { id: order.id, signature: SIGNATURE });
    expect(signed.signatures.map((s) => s.kind)).toEqual(['intake']);
    expect(signed.version).toBeGreaterThan(order.version);
    const again = await refused(shop.app, () =>
      shop.clerk.call('workOrders.signIntake', { id: order.id, signature: dataUrl(png(300, 100)) }),
    );
    expect(again).toMatchObject({
      code: 'CONFLICT',
      reason: 'signatureExists',
      params: { orderNo: order.orderNo, kind: 'intake' },
    });
    const closed = await moveTo(shop, await intake(), ['cancelled']);
    const late = await refused(shop.app, () =>
      shop.clerk.call('workOrders.signIntake', { id: closed.id, signature: SIGNATURE }),
    );
    expect(late).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'orderClosedToEdits' });
  });

  it('is append-only in the database: no update, no delete', async () => {
    const order = await intake({ signature: SIGNATURE });
    const db = shop.app.core.database.sqlite;
    expect(() =>
      db.prepare('UPDATE order_signatures SET width = 1 WHERE work_order_id = ?').run(order.id),
    ).toThrow('signatures are append-only');
    expect(() => db.prepare('DELETE FROM order_signatures WHERE work_order_id = ?').run(order.id)).toThrow(
      'signatures are append-only',
    );
  });
});

describe('hand-over checklist at delivery', () => {
  const allBack = [
    { item: 'charger', returned: true },
    { item: 'simTray', returned: true },
    { item: 'other', returned: true },
  ];

  it('refuses a delivery without the checklist when accessories were left, changing nothing', async () => {
    const order = await readyWithAccessories();
    const error = await refused(shop.app, () =>
      shop.clerk.call('workOrders.transition', { id: order.id, to: 'delivered' }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      reason: 'handoverRequired',
      params: { orderNo: order.orderNo },
      details: { fields: [expect.objectContaining({ path: 'handover' })] },
    });
  });

  it('refuses an item not returned without a note, and a list that is not the one recorded', async () => {
    const order = await readyWithAccessories();
    const noNote = await refused(shop.app, () =>
      shop.clerk.call('workOrders.transition', {
        id: order.id,
        to: 'delivered',
        handover: {
          items: [
            { item: 'charger', returned: true },
            { item: 'simTray', returned: false, note: '  ' },
            { item: 'other', returned: true },
          ],
        },
      }),
    );
    expect(noNote).toMatchObject({
      code: 'VALIDATION',
      reason: 'handoverNoteRequired',
      params: { item: 'simTray' },
      details: { fields: [expect.objectContaining({ path: 'handover.items.1.note' })] },
    });
    for (const items of [
      allBack.slice(0, 2),
      [...allBack, { item: 'box', returned: true }],
      [...allBack, { item: 'charger', returned: true }],
    ]) {
      const mismatch = await refused(shop.app, () =>
        shop.clerk.call('workOrders.transition', { id: order.id, to: 'delivered', handover: { items } }),
      );
      expect(mismatch).toMatchObject({ reason: 'handoverItemsMismatch', params: { orderNo: order.orderNo } });
    }
    expect((await shop.clerk.ok('workOrders.get', { id: order.id })).status).toBe('ready');
  });

  it('stores what went back and why the rest did not, on the order and its timeline', async () => {
    const order = await readyWithAccessories();
    const delivered = await shop.clerk.ok('workOrders.transition', {
      id: order.id,
      to: 'delivered',
      handover: {
        // Any order of lines; the stored list follows the checklist.
        items: [
          { item: 'other', returned: true },
          { item: 'simTray', returned: false, note: '卡托已随旧屏报废' },
          { item: 'charger', returned: true, note: '线材略有磨损' },
        ],
      },
    });
    expect(delivered.status).toBe('delivered');
    const items = [
      { item: 'charger', returned: true, note: '线材略有磨损' },
      { item: 'simTray', returned: false, note: '卡托已随旧屏报废' },
      { item: 'other', returned: true, note: '' },
    ];
    expect(delivered.handover).toEqual({
      items,
      withoutTicket: false,
      idNote: '',
      recordedBy: 'clerk 员工',
      recordedAt: shop.app.clock.ms,
    });
    expect(delivered.events.find((e) => e.kind === 'handover')?.data).toEqual({
      items,
      withoutTicket: false,
      idNote: '',
      signatureId: null,
    });
    const [row] = sql<{ items: string; without_ticket: number; id_note: string; username: string }>(
      'SELECT items, without_ticket, id_note, username FROM order_handovers WHERE work_order_id = ?',
      order.id,
    );
    expect(row).toEqual({ items: JSON.stringify(items), without_ticket: 0, id_note: '', username: 'clerk1' });
    // Once recorded, the hand-over is evidence: the database refuses to change or remove it.
    const db = shop.app.core.database.sqlite;
    expect(() =>
      db.prepare("UPDATE order_handovers SET id_note = 'x' WHERE work_order_id = ?").run(order.id),
    ).toThrow('hand-overs are append-only');
    expect(() => db.prepare('DELETE FROM order_handovers WHERE work_order_id = ?').run(order.id)).toThrow(
      'hand-overs are append-only',
    );
  });

  it('is taken only at delivery', async () => {
    const order = await moveTo(shop, await intake({ accessories: ['charger'] }), [
      'diagnosing',
      'inRepair',
      'qc',
    ]);
    const error = await refused(shop.app, () =>
      shop.clerk.call('workOrders.transition', {
        id: order.id,
        to: 'ready',
        handover: { items: [{ item: 'charger', returned: true }] },
      }),
    );
    expect(error).toMatchObject({ reason: 'handoverOnlyAtDelivery', params: { to: 'ready' } });
  });

  it('delivers an order without accessories as before when the shop asks for nothing more', async () => {
    const order = await moveTo(shop, await intake(), ['diagnosing', 'inRepair', 'qc', 'ready']);
    const delivered = await shop.clerk.ok('workOrders.transition', { id: order.id, to: 'delivered' });
    expect(delivered.handover).toBeNull();
    expect(delivered.status).toBe('delivered');
  });
});

describe('pickup signature and the ID note, as the shop settings ask', () => {
  it('refuses delivery without the pickup signature when required, and stores it when given', async () => {
    await setHandover({ pickupSignature: 'required', idNoteWithoutTicket: false });
    try {
      const bare = await moveTo(shop, await intake(), ['diagnosing', 'inRepair', 'qc', 'ready']);
      const without = await refused(shop.app, () =>
        shop.clerk.call('workOrders.transition', { id: bare.id, to: 'delivered' }),
      );
      expect(without).toMatchObject({
        code: 'VALIDATION',
        reason: 'pickupSignatureRequired',
        params: { orderNo: bare.orderNo },
        details: { fields: [expect.objectContaining({ path: 'handover.signature' })] },
      });
      const order = await readyWithAccessories();
      const unsigned = await refused(shop.app, () =>
        shop.clerk.call('workOrders.transition', {
          id: order.id,
          to: 'delivered',
          handover: {
            items: [
              { item: 'charger', returned: true },
              { item: 'simTray', returned: true },
              { item: 'other', returned: true },
            ],
          },
        }),
      );
      expect(unsigned).toMatchObject({
        reason: 'pickupSignatureRequired',
        params: { orderNo: order.orderNo },
      });
      const badImage = await refused(shop.app, () =>
        shop.clerk.call('workOrders.transition', {
          id: bare.id,
          to: 'delivered',
          handover: { signature: dataUrl(png(240, 240, true)) },
        }),
      );
      expect(badImage).toMatchObject({
        reason: 'signatureRefused',
        params: { problem: 'tooLarge' },
        details: { fields: [expect.objectContaining({ path: 'handover.signature' })] },
      });

      const delivered = await shop.clerk.ok('workOrders.transition', {
        id: bare.id,
        to: 'delivered',
        handover: { signature: SIGNATURE },
      });
      const pickup = delivered.signatures.find((s) => s.kind === 'pickup');
      expect(pickup).toMatchObject({ kind: 'pickup', dataUrl: SIGNATURE, width: 600, height: 200 });
      expect(delivered.events.find((e) => e.kind === 'handover')?.data).toEqual({
        items: [],
        withoutTicket: false,
        idNote: '',
        signatureId: pickup?.id,
      });
    } finally {
      await setHandover({ pickupSignature: 'off', idNoteWithoutTicket: false });
    }
  });

  it('needs the ID seen for a pickup without the claim ticket when the shop asks for it', async () => {
    await setHandover({ pickupSignature: 'off', idNoteWithoutTicket: true });
    try {
      const order = await moveTo(shop, await intake(), ['diagnosing', 'inRepair', 'qc', 'ready']);
      // The shop asks: whether the ticket came must be said, so a bare delivery is refused.
      const bare = await refused(shop.app, () =>
        shop.clerk.call('workOrders.transition', { id: order.id, to: 'delivered' }),
      );
      expect(bare).toMatchObject({ reason: 'handoverRequired', params: { orderNo: order.orderNo } });
      const noId = await refused(shop.app, () =>
        shop.clerk.call('workOrders.transition', {
          id: order.id,
          to: 'delivered',
          handover: { withoutTicket: true, idNote: '   ' },
        }),
      );
      expect(noId).toMatchObject({
        code: 'VALIDATION',
        reason: 'idNoteRequired',
        params: { orderNo: order.orderNo },
        details: { fields: [expect.objectContaining({ path: 'handover.idNote' })] },
      });
      // An ID note is taken only without the ticket.
      const withTicket = await refused(shop.app, () =>
        shop.clerk.call('workOrders.transition', {
          id: order.id,
          to: 'delivered',
          handover: { withoutTicket: false, idNote: '身份证后四位 1234' },
        }),
      );
      expect(withTicket).toMatchObject({
        code: 'VALIDATION',
        reason: 'invalidInput',
        details: { fields: [expect.objectContaining({ path: 'handover.idNote' })] },
      });

      const delivered = await shop.clerk.ok('workOrders.transition', {
        id: order.id,
        to: 'delivered',
        handover: { withoutTicket: true, idNote: '身份证后四位 1234' },
      });
      expect(delivered.handover).toMatchObject({ withoutTicket: true, idNote: '身份证后四位 1234' });
      expect(delivered.events.find((e) => e.kind === 'handover')?.data).toMatchObject({
        withoutTicket: true,
        idNote: '身份证后四位 1234',
      });
      // With the ticket (scanned or shown), no ID is asked for.
      const next = await moveTo(shop, await intake(), ['diagnosing', 'inRepair', 'qc', 'ready']);
      const withIt = await shop.clerk.ok('workOrders.transition', {
        id: next.id,
        to: 'delivered',
        handover: { withoutTicket: false },
      });
      expect(withIt.handover).toMatchObject({ withoutTicket: false, idNote: '' });
    } finally {
      await setHandover({ pickupSignature: 'off', idNoteWithoutTicket: false });
    }
  });

  it('checks payment first: an unpaid order is refused for that, whatever was ticked', async () => {
    const order = await readyWithAccessories();
    await shop.tech.ok('workOrders.addCharge', { id: order.id, itemCode: 'JC' });
    const error = await refused(shop.app, () =>
      shop.clerk.call('workOrders.transition', { id: order.id, to: 'delivered', handover: { items: [] } }),
    );
    expect(error).toMatchObject({ reason: 'orderOwes' });
  });
});
