import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpShop, signedInAs, snapshot, type Client, type TestApp, startApp } from './harness';
import { allowCategories, Counter } from './searchFixtures';

let app: TestApp;
let admin: Client;
let clerk: Client;
let counter: Counter;

beforeEach(async () => {
  app = startApp();
  admin = await setUpShop(app);
  clerk = await signedInAs(app, admin, 'clerk');
  counter = new Counter(app, clerk);
});
afterEach(() => app.cleanup());

async function search(q: string, limit?: number) {
  return clerk.ok('search.global', limit ? { q, limit } : { q });
}

/** The order numbers found, in the order shown. */
async function orders(q: string): Promise<string[]> {
  return (await search(q)).workOrders.map((w) => w.orderNo);
}

/** One customer's laptop per fault, oldest first; returns the order numbers in the same order. */
async function faults(texts: string[]): Promise<string[]> {
  const c = await counter.customer('李雷');
  const d = await counter.device(c.id, { category: '电脑', brand: '联想', model: 'ThinkPad X1' });
  const made: string[] = [];
  for (const text of texts) made.push((await counter.order(c.id, d.id, text)).orderNo);
  return made;
}

describe('search.global: the fault and the diagnosis of a work order', () => {
  it('finds a word of the fault in any case, newest first, with the fault around it marked', async () => {
    const [hinge, other, hinges] = await faults([
      'Screen hinge broken, not booting up',
      'No power at all',
      'HINGE cracked on the left; customer wants data kept',
    ]);
    expect(await orders('hinge')).toEqual([hinges, hinge]);
    expect(await orders('Hinge')).toEqual([hinges, hinge]);
    expect(await orders('no power')).toEqual([other]);
    const [first] = (await search('hinge')).workOrders;
    expect(first).toMatchObject({
      orderNo: hinges,
      status: 'received',
      customerName: '李雷',
      deviceLabel: '联想 ThinkPad X1',
      snippet: {
        field: 'fault',
        text: 'HINGE cracked on the left; customer want…',
        highlights: [[0, 5]],
      },
    });
  });

  it('finds "won\'t charge" as typed, in texts written with ’ or \', the phrase before the scattered words', async () => {
    const [curly, straight, apart, neither] = await faults([
      'Won’t charge',
      "won't charge, battery swollen",
      "Charger port loose so it won't start",
      "Won't turn on",
    ]);
    expect(await orders("won't charge")).toEqual([straight, curly, apart]);
    expect(await orders('won’t charge')).toEqual([straight, curly, apart]);
    expect(await orders("won't")).toEqual([neither, apart, straight, curly]);
    // The snippet marks the words as they are written, curly apostrophe and all.
    const hit = (await search("won't charge")).workOrders.find((w) => w.orderNo === curly);
    expect(hit?.snippet).toEqual({
      field: 'fault',
      text: 'Won’t charge',
      highlights: [
        [0, 5],
        [6, 12],
      ],
    });
  });

  it('finds two Chinese characters anywhere in a fault, at its very end too, but not one character', async () => {
    const [start, end, inside, apart] = await faults([
      '屏幕碎裂，触摸失灵',
      '客户要求更换屏幕',
      '外屏幕有划痕',
      '屏碎了，幕布脱落',
    ]);
    expect(await orders('屏幕')).toEqual([inside, end, start]);
    expect(await orders('更换')).toEqual([end]);
    expect(await orders('屏幕碎')).toEqual([start]);
    expect(await orders('触摸失灵')).toEqual([start]);
    // One character would be every order: it looks at names and numbers only.
    expect(await orders('屏')).toEqual([]);
    expect(await orders('蓝牙')).toEqual([]);
    // Several words: each in the fault, in any order.
    expect(await orders('幕布 屏碎')).toEqual([apart]);
    const hit = (await search('屏幕')).workOrders.find((w) => w.orderNo === end);
    expect(hit?.snippet).toEqual({ field: 'fault', text: '客户要求更换屏幕', highlights: [[6, 8]] });
  });

  it('finds the diagnosis, follows edits of the fault and the diagnosis, and says which one matched', async () => {
    const [id] = await faults(['不开机']);
    const order = (await clerk.ok('workOrders.list', {})).rows[0];
    expect(order?.orderNo).toBe(id);
    const { version } = await clerk.ok('workOrders.get', { id: order?.id ?? '' });
    const diagnosed = await clerk.ok('workOrders.update', {
      id: order?.id ?? '',
      version,
      diagnosis: 'Charging IC faulty, replaced',
    });
    const [hit] = (await search('IC faulty')).workOrders;
    expect(hit).toMatchObject({
      orderNo: id,
      snippet: {
        field: 'diagnosis',
        text: 'Charging IC faulty, replaced',
        highlights: [
          [9, 11],
          [12, 18],
        ],
      },
    });
    expect(await orders('不开机')).toEqual([id]);

    await clerk.ok('workOrders.update', {
      id: order?.id ?? '',
      version: diagnosed.version,
      reportedFault: '进水后黑屏',
      diagnosis: '主板腐蚀',
    });
    expect(await orders('IC faulty')).toEqual([]);
    expect(await orders('不开机')).toEqual([]);
    expect(await orders('黑屏')).toEqual([id]);
    expect((await search('腐蚀')).workOrders[0]?.snippet).toEqual({
      field: 'diagnosis',
      text: '主板腐蚀',
      highlights: [[2, 4]],
    });
  });

  it('keeps to the limit and puts the orders it found by number or customer first', async () => {
    const c = await counter.customer('Hinge Ltd');
    const d = await counter.device(c.id, { category: '手机', brand: 'OPPO' });
    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push((await counter.order(c.id, d.id, `hinge ${i}`)).orderNo);
    expect(await orders('hinge')).toEqual([...made].reverse());
    expect((await search('hinge', 2)).workOrders.map((w) => w.orderNo)).toEqual([made[3], made[2]]);
    // A number found whole comes first, then the words of faults.
    const byNumber = await orders(made[1] ?? '');
    expect(byNumber[0]).toBe(made[1]);
  });

  it('takes FTS syntax and LIKE wildcards typed by a clerk as plain text, never as an error', async () => {
    const [code, percent, quoted] = await faults([
      'Error code: E-4 (door) *blinks*',
      '电量100%_掉电快',
      '客户说 "NEAR" 键坏了 -- OR AND NOT',
    ]);
    const queries = [
      '"',
      '""',
      "'",
      '*',
      '-',
      ':',
      '(',
      ')',
      '^',
      '{fault}: hinge',
      'fault:hinge',
      'a OR b',
      'NEAR(a b)',
      'hinge*',
      '-hinge',
      '"hinge',
      'hinge"',
      '屏幕"',
      '(屏幕',
      '%',
      '_',
      '%%',
      '\\',
      'won\'t"charge',
      "'; DROP TABLE work_orders; --",
      'AND',
      'NOT hinge',
    ];
    for (const q of queries) {
      const before = snapshot(app.core);
      const result = await clerk.call('search.global', { q });
      expect(result.ok, q).toBe(true);
      const listed = await clerk.call('workOrders.list', { q });
      expect(listed.ok, q).toBe(true);
      expect(snapshot(app.core)).toBe(before);
    }
    expect(await orders('code: E-4 (door)')).toEqual([code]);
    expect(await orders('*blinks*')).toEqual([code]);
    expect(await orders('100%_')).toEqual([percent]);
    expect(await orders('%_掉')).toEqual([percent]);
    expect(await orders('"NEAR"')).toEqual([quoted]);
    expect(await orders('-- OR AND NOT')).toEqual([quoted]);
    expect(await orders('OR')).toEqual([]);
  });
});

describe('search.global: brand, model and category', () => {
  it('finds a 1–2 letter brand or model start in any case (hp → HP), exact names first, newest first', async () => {
    await allowCategories(admin, ['Laptop', '笔记本']);
    const c = await counter.customer('王芳');
    const hp1 = await counter.device(c.id, { category: 'Laptop', brand: 'HP', model: 'EliteBook 840' });
    const compaq = await counter.device(c.id, { category: '电脑', brand: 'HP Compaq', model: 'nc6400' });
    const hp2 = await counter.device(c.id, { category: '笔记本', brand: 'hp', model: 'Pavilion 15' });
    await counter.device(c.id, { category: '电脑', brand: 'Hewlett-Packard', model: 'Omni' });
    const lg = await counter.device(c.id, { category: '家电', brand: 'LG', model: 'OLED55C3' });
    const lenovo = await counter.device(c.id, { category: '电脑', brand: '联想', model: 'LGA 1700 主机' });

    const ids = async (q: string, limit?: number) => (await search(q, limit)).devices.map((d) => d.id);
    expect(await ids('HP')).toEqual([hp2.id, hp1.id, compaq.id]);
    expect(await ids('hp')).toEqual([hp2.id, hp1.id, compaq.id]);
    expect(await ids('Hp', 2)).toEqual([hp2.id, hp1.id]);
    expect(await ids('LG')).toEqual([lg.id, lenovo.id]);
    expect(await ids('lg')).toEqual([lg.id, lenovo.id]);
    expect(await ids('El')).toEqual([hp1.id]);
    expect(await ids('pavilion')).toEqual([hp2.id]);
    // Brand and model together, as a clerk says them.
    expect(await ids('HP EliteBook')).toEqual([hp1.id]);
    expect(await ids('hp pavilion 15')).toEqual([hp2.id]);
    expect((await search('HP')).devices[0]).toEqual({
      id: hp2.id,
      customerId: c.id,
      customerName: '王芳',
      label: 'hp Pavilion 15',
      category: '笔记本',
      serialNo: '',
    });
  });

  it('finds a category by its start or, from 3 characters, anywhere in it (笔记本, Laptop)', async () => {
    await allowCategories(admin, ['笔记本', 'Laptop', 'Desktop computer']);
    const c = await counter.customer('赵敏');
    const nb = await counter.device(c.id, { category: '笔记本', brand: '联想' });
    const laptop = await counter.device(c.id, { category: 'Laptop', brand: 'Dell', model: 'XPS 13' });
    const desktop = await counter.device(c.id, { category: 'Desktop computer', brand: 'Acer' });
    const phone = await counter.device(c.id, { category: '手机', brand: '华为' });
    const ids = async (q: string) => (await search(q)).devices.map((d) => d.id);
    expect(await ids('笔记本')).toEqual([nb.id]);
    expect(await ids('笔记')).toEqual([nb.id]);
    expect(await ids('Laptop')).toEqual([laptop.id]);
    expect(await ids('lap')).toEqual([laptop.id]);
    expect(await ids('computer')).toEqual([desktop.id]);
    expect(await ids('desktop COMPUTER')).toEqual([desktop.id]);
    expect(await ids('手机')).toEqual([phone.id]);
    // The index follows a change of category.
    await clerk.ok('devices.update', { id: nb.id, version: nb.version, category: 'Laptop', brand: '联想' });
    expect(await ids('笔记本')).toEqual([]);
    // Newest device first (by when it was recorded, not when it was edited).
    expect(await ids('laptop')).toEqual([laptop.id, nb.id]);
  });
});
