import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract';
import { setUpShop, signedInAs, snapshot, startApp, type Client, type TestApp } from './harness';
import { Counter } from './searchFixtures';

let app: TestApp;
let clerk: Client;
/** Order number by letter, in the order they were taken in. */
let no: Record<string, string>;
let ids: Record<string, string>;

beforeEach(async () => {
  app = startApp();
  const admin = await setUpShop(app);
  clerk = await signedInAs(app, admin, 'clerk');
  const counter = new Counter(app, clerk);
  const zhang = await counter.customer('张三', '13800138000');
  const li = await counter.customer('李四', '13912345678');
  const hp = await counter.device(zhang.id, {
    category: '电脑',
    brand: 'HP',
    model: 'EliteBook 840',
    serialNo: '5CG1234XYZ',
  });
  const thinkpad = await counter.device(li.id, {
    category: '电脑',
    brand: '联想',
    model: 'ThinkPad X1',
    serialNo: 'PF2ABCDE',
  });
  const faults: [string, string, string][] = [
    ['A', zhang.id, 'Screen hinge broken'],
    ['B', zhang.id, '屏幕碎裂'],
    ['C', li.id, 'hinge loose, creaks'],
    ['D', li.id, 'Won’t charge'],
    ['E', li.id, '客户要求换屏幕'],
    ['F', li.id, 'Hinge cover missing'],
    ['G', li.id, 'hinge stiff'],
  ];
  no = {};
  ids = {};
  for (const [letter, customerId, fault] of faults) {
    const deviceId = customerId === zhang.id ? hp.id : thinkpad.id;
    const order = await counter.order(customerId, deviceId, fault);
    no[letter] = order.orderNo;
    ids[letter] = order.id;
  }
  await clerk.ok('workOrders.transition', { id: ids.E ?? '', to: 'cancelled', note: '客户不修了' });
  await clerk.ok('workOrders.transition', { id: ids.C ?? '', to: 'diagnosing' });
  await clerk.ok('workOrders.transition', { id: ids.G ?? '', to: 'diagnosing' });
  const { version } = await clerk.ok('workOrders.get', { id: ids.B ?? '' });
  await clerk.ok('workOrders.update', { id: ids.B ?? '', version, diagnosis: '排线松动，重新安装后正常' });
});
afterEach(() => app.cleanup());

async function list(input: InputOf<'workOrders.list'>) {
  return clerk.ok('workOrders.list', input);
}

/** The letters of the orders listed, in the order shown. */
async function letters(input: InputOf<'workOrders.list'>): Promise<string[]> {
  const byNo = Object.fromEntries(Object.entries(no).map(([letter, n]) => [n, letter]));
  return (await list(input)).rows.map((r) => byNo[r.orderNo] ?? r.orderNo);
}

describe('workOrders.list: the text filter', () => {
  it('finds orders by number, customer, phone, device and the words of the fault or diagnosis', async () => {
    const all = ['G', 'F', 'E', 'D', 'C', 'B', 'A'];
    expect(await letters({ q: 'hinge' })).toEqual(['G', 'F', 'C', 'A']);
    expect(await letters({ q: "won't charge" })).toEqual(['D']);
    expect(await letters({ q: '屏幕' })).toEqual(['E', 'B']);
    expect(await letters({ q: '排线' })).toEqual(['B']);
    // Order number: from its start, in any case.
    expect(await letters({ q: no.C ?? '' })).toEqual(['C']);
    expect(await letters({ q: (no.C ?? '').toLowerCase() })).toEqual(['C']);
    expect(await letters({ q: 'BJ01' })).toEqual(all);
    expect(await letters({ q: (no.F ?? '').slice(0, -1) })).toEqual(all);
    // Customer: name, phone (whole, last 4 digits, leading digits), pinyin initials.
    expect(await letters({ q: '张三' })).toEqual(['B', 'A']);
    expect(await letters({ q: '5678' })).toEqual(['G', 'F', 'E', 'D', 'C']);
    expect(await letters({ q: '138 0013 8000' })).toEqual(['B', 'A']);
    expect(await letters({ q: 'zs' })).toEqual(['B', 'A']);
    // Device: brand or model from its start in any case, serial from its start or inside.
    expect(await letters({ q: 'hp' })).toEqual(['B', 'A']);
    expect(await letters({ q: 'thinkpad' })).toEqual(['G', 'F', 'E', 'D', 'C']);
    expect(await letters({ q: '5cg' })).toEqual(['B', 'A']);
    expect(await letters({ q: '1234X' })).toEqual(['B', 'A']);
    // Several words: each somewhere in the order.
    expect(await letters({ q: 'HP hinge' })).toEqual(['A']);
    expect(await letters({ q: '李四 屏幕' })).toEqual(['E']);
    expect(await letters({ q: 'hinge 蓝牙' })).toEqual([]);
    expect(await letters({ q: '没有这个' })).toEqual([]);
  });

  it('combines with the status tab, the other filters, the sort and the paging, counting the tabs', async () => {
    const hinge = await list({ q: 'hinge' });
    expect(hinge.total).toBe(4);
    expect(hinge.counts).toMatchObject({ received: 2, diagnosing: 2, cancelled: 0 });
    expect(Object.values(hinge.counts).reduce((a, b) => a + b, 0)).toBe(4);

    const received = await list({ q: 'hinge', status: 'received' });
    expect(received.total).toBe(2);
    expect(received.rows.map((r) => r.orderNo)).toEqual([no.F, no.A]);
    // The tab counts stay those of the text filter, whichever tab is open.
    expect(received.counts).toEqual(hinge.counts);

    expect(await letters({ q: 'hinge', sort: 'orderNo', order: 'asc', pageSize: 3 })).toEqual([
      'A',
      'C',
      'F',
    ]);
    expect(await letters({ q: 'hinge', sort: 'orderNo', order: 'asc', pageSize: 3, page: 2 })).toEqual(['G']);
    const page2 = await list({ q: 'hinge', status: 'diagnosing', pageSize: 1, page: 2 });
    expect(page2).toMatchObject({ total: 2, rows: [{ orderNo: no.C, status: 'diagnosing' }] });
    expect((await list({ q: 'hinge', pageSize: 20, page: 2 })).rows).toEqual([]);

    expect(await letters({ q: '屏幕', status: 'cancelled' })).toEqual(['E']);
    expect(await letters({ q: '屏幕', openOnly: true })).toEqual(['B']);
    expect(await letters({ q: 'thinkpad', channel: 'walkIn', status: 'diagnosing' })).toEqual(['G', 'C']);
    expect(await letters({ q: 'thinkpad', channel: 'phone' })).toEqual([]);
  });

  it('answers the longest texts of the most words the contract lets through', async () => {
    // 30 one-letter words, 20 two-character Chinese ones: every word its own set of lookups.
    const letters30 = 'abcdefghijklmnopqrstuvwxyz1234'.split('').join(' ');
    expect(letters30).toHaveLength(59);
    expect((await list({ q: letters30 })).total).toBe(0);
    const chinese20 = Array.from({ length: 20 }, () => '屏幕').join(' ');
    expect((await list({ q: chinese20 })).rows.map((r) => r.orderNo)).toEqual([no.E, no.B]);
    expect((await clerk.ok('search.global', { q: letters30 })).workOrders).toEqual([]);
    expect((await clerk.ok('search.global', { q: chinese20 })).workOrders.map((w) => w.orderNo)).toEqual([
      no.E,
      no.B,
    ]);
  });

  it('refuses an empty or over-long text with VALIDATION and changes nothing', async () => {
    for (const q of ['', '   ', 'x'.repeat(61), 42]) {
      const before = snapshot(app.core);
      const result = await clerk.raw('workOrders.list', { q });
      expect(result.ok, JSON.stringify(q)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.details).toMatchObject({ fields: [{ path: 'q' }] });
      }
      expect(snapshot(app.core)).toBe(before);
    }
    // 60 characters are fine, trimmed first.
    expect((await list({ q: ` ${'x'.repeat(60)} ` })).total).toBe(0);
  });
});
