import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract';
import { addLines, openShop, orderInRepair, refused, type Shop } from './settlementsFixtures';

/**
 * Issue 11, item 5: every print is recorded by the server (form, document, who, when) and a print's
 * number comes from there, so a reprint (补打) is marked with its count on every form, whichever
 * window or terminal prints it. Through dispatch with a real database.
 */
let shop: Shop;
beforeEach(async () => {
  shop = await openShop();
});
afterEach(() => shop.app.cleanup());

const NOT_FOUND_ID = '01900000-0000-7000-8000-000000000000';
type Ref = InputOf<'prints.record'>;

function logRows(): {
  form: string;
  document_id: string;
  printed_by: string;
  username: string;
  printed_at: number;
}[] {
  return shop.app.core.database.sqlite
    .prepare('SELECT form, document_id, printed_by, username, printed_at FROM print_log ORDER BY rowid')
    .all() as {
    form: string;
    document_id: string;
    printed_by: string;
    username: string;
    printed_at: number;
  }[];
}

function userId(username: string): string {
  const row = shop.app.core.database.sqlite
    .prepare('SELECT id FROM users WHERE username = ?')
    .get(username) as {
    id: string;
  };
  return row.id;
}

describe('prints.record and prints.count', () => {
  it('numbers the prints of each form of a document: the first is 1, every later one a reprint', async () => {
    const order = await shop.clerk.ok('workOrders.create', {
      customerId: shop.customerId,
      deviceId: shop.deviceId,
      reportedFault: '屏幕碎裂',
      estimate: 80_000,
    });
    const intake: Ref = { form: 'intakeReceipt', documentId: order.id };
    expect(await shop.clerk.ok('prints.count', intake)).toEqual({ count: 0 });
    const at = shop.app.clock.ms;
    expect(await shop.clerk.ok('prints.record', intake)).toEqual({ count: 1 });
    shop.app.clock.advance(60_000);
    // Another user at another terminal: the count is the server's, not a window's memory.
    expect(await shop.tech.ok('prints.record', intake)).toEqual({ count: 2 });
    expect(await shop.clerk.ok('prints.count', intake)).toEqual({ count: 2 });
    // The claim ticket and the job sheet of the same order count on their own.
    expect(await shop.clerk.ok('prints.record', { form: 'claimTicket', documentId: order.id })).toEqual({
      count: 1,
    });
    expect(await shop.tech.ok('prints.count', { form: 'jobSheet', documentId: order.id })).toEqual({
      count: 0,
    });

    expect(logRows()).toEqual([
      {
        form: 'intakeReceipt',
        document_id: order.id,
        printed_by: userId('clerk1'),
        username: 'clerk1',
        printed_at: at,
      },
      {
        form: 'intakeReceipt',
        document_id: order.id,
        printed_by: userId('technician1'),
        username: 'technician1',
        printed_at: at + 60_000,
      },
      {
        form: 'claimTicket',
        document_id: order.id,
        printed_by: userId('clerk1'),
        username: 'clerk1',
        printed_at: at + 60_000,
      },
    ]);
    // A print changes no record: the audit log (the record of changes) does not grow with prints.
    const audits = shop.app.core.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as {
      n: number;
    };
    await shop.clerk.ok('prints.record', intake);
    expect(shop.app.core.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(
      audits,
    );
  });

  it('counts every kind of printed form: settlement, slip, stock document and list, day close, reports', async () => {
    const order = await orderInRepair(shop);
    await addLines(shop, order.id, { charges: [{ itemCode: 'WX' }] });
    const settlement = await shop.clerk.ok('settlements.create', { id: order.id });
    const doc = (await shop.clerk.ok('stock.list', {})).rows[0];
    expect(doc).toBeDefined();
    const refs: Ref[] = [
      { form: 'settlement', documentId: settlement.id },
      { form: 'settlementReceipt', documentId: settlement.id },
      { form: 'stockDocument', documentId: doc?.id ?? '' },
      { form: 'stockList', documentId: 'all' },
      { form: 'dayClose', documentId: '2026-11-23' },
      { form: 'reportSummary', documentId: '2026-11-01_2026-11-30_day' },
      { form: 'reportTechnicians', documentId: '2026-01-01_2026-12-31_month' },
      { form: 'reportWarranty', documentId: '2026-11-01_2026-11-30_week' },
      { form: 'reportServiceQuality', documentId: '2026-11-01_2026-11-30_month' },
    ];
    for (const ref of refs) {
      expect(await shop.manager.ok('prints.record', ref), ref.form).toEqual({ count: 1 });
      expect(await shop.manager.ok('prints.record', ref), ref.form).toEqual({ count: 2 });
    }
    expect(logRows()).toHaveLength(refs.length * 2);
  });

  it('refuses a print of nothing, of a malformed document or form, and by a role that may not read it, writing nothing', async () => {
    const order = await orderInRepair(shop);
    const bad: [unknown, string][] = [
      [{ form: 'intakeReceipt', documentId: 'WO-0001' }, 'VALIDATION'],
      [{ form: 'intakeReceipt' }, 'VALIDATION'],
      [{ form: 'intakeReceipt', documentId: order.id, extra: 1 }, 'VALIDATION'],
      [{ form: 'receipt', documentId: order.id }, 'VALIDATION'],
      [{ form: 'dayClose', documentId: '2026-02-30' }, 'VALIDATION'],
      [{ form: 'dayClose', documentId: order.id }, 'VALIDATION'],
      [{ form: 'stockList', documentId: 'everything' }, 'VALIDATION'],
      [{ form: 'reportSummary', documentId: '2026-12-01_2026-11-01_day' }, 'VALIDATION'],
      [{ form: 'reportSummary', documentId: '2026-11-01_2026-11-30_hour' }, 'VALIDATION'],
      [{ form: 'reportSummary', documentId: '2026-11-01_2026-11-30_day_x' }, 'VALIDATION'],
      [{ form: 'jobSheet', documentId: NOT_FOUND_ID }, 'NOT_FOUND'],
      [{ form: 'settlement', documentId: order.id }, 'NOT_FOUND'],
      [{ form: 'stockDocument', documentId: order.id }, 'NOT_FOUND'],
    ];
    for (const [input, code] of bad) {
      const error = await refused(shop.app, () => shop.clerk.raw('prints.record', input));
      expect(error.code, JSON.stringify(input)).toBe(code);
    }
    const missing = await refused(shop.app, () =>
      shop.clerk.call('prints.record', { form: 'jobSheet', documentId: NOT_FOUND_ID }),
    );
    const noDocument = { reason: 'printDocumentNotFound', params: { form: 'jobSheet' } };
    expect(missing).toEqual({
      code: 'NOT_FOUND',
      ...noDocument,
      message: `no document ${NOT_FOUND_ID} for the jobSheet form`,
      details: { fields: [{ path: 'documentId', ...noDocument, message: 'not found' }] },
    });
    const shape = await refused(shop.app, () =>
      shop.clerk.call('prints.record', { form: 'dayClose', documentId: 'yesterday' }),
    );
    expect(shape.details?.fields).toEqual([
      {
        path: 'documentId',
        reason: 'invalidInput',
        params: {},
        message: 'not a document of the dayClose form',
      },
    ]);

    // A technician does not see settlements, a clerk no reports: they may not print them either.
    await addLines(shop, order.id, { charges: [{ itemCode: 'WX' }] });
    const settlement = await shop.clerk.ok('settlements.create', { id: order.id });
    const forbidden = await refused(shop.app, () =>
      shop.tech.call('prints.record', { form: 'settlement', documentId: settlement.id }),
    );
    expect(forbidden).toEqual({
      code: 'FORBIDDEN',
      reason: 'printForbidden',
      params: { form: 'settlement' },
      message: 'you may not print the settlement form',
    });
    expect(
      (
        await refused(shop.app, () =>
          shop.clerk.call('prints.count', { form: 'reportSummary', documentId: '2026-11-01_2026-11-30_day' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const stranger = shop.app.connect();
    expect(
      (
        await refused(shop.app, () =>
          stranger.call('prints.record', { form: 'jobSheet', documentId: order.id }),
        )
      ).code,
    ).toBe('UNAUTHENTICATED');
    expect(logRows()).toEqual([]);
  });

  it('keeps the print log append-only', async () => {
    const order = await orderInRepair(shop);
    await shop.clerk.ok('prints.record', { form: 'jobSheet', documentId: order.id });
    const sqlite = shop.app.core.database.sqlite;
    expect(() => sqlite.prepare("UPDATE print_log SET username = 'someone'").run()).toThrow(
      'the print log is append-only',
    );
    expect(() => sqlite.prepare('DELETE FROM print_log').run()).toThrow('the print log is append-only');
    expect(logRows()).toHaveLength(1);
  });
});
