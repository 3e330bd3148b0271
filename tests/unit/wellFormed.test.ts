import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpShop, snapshot, startApp, type Client, type TestApp } from './harness';
import { illFormedText } from '../../src/main/rpc/wellFormed';

let app: TestApp;
let admin: Client;

beforeEach(async () => {
  app = startApp();
  admin = await setUpShop(app);
});
afterEach(() => app.cleanup());

const customer = { name: '张三', phones: [{ phone: '13800138000', label: '手机' }] };

function invalid(...paths: string[]) {
  return {
    ok: false,
    error: {
      code: 'VALIDATION',
      reason: 'invalidInput',
      params: {},
      message: 'invalid input',
      details: {
        fields: paths.map((path) => ({
          reason: 'invalidInput',
          params: {},
          path,
          message: 'malformed text',
        })),
      },
    },
  };
}

describe('lone surrogates at the dispatch boundary', () => {
  it('refuses "x\\uD800y" in any field of any method, naming the field, and stores nothing', async () => {
    const before = snapshot(app.core);
    expect(await admin.raw('customers.create', { ...customer, name: 'x\uD800y' })).toEqual(invalid('name'));
    expect(
      await admin.raw('customers.create', {
        ...customer,
        phones: [{ phone: '13800138000', label: '\uDC00' }],
        notes: 'ok\uDBFF',
      }),
    ).toEqual(invalid('notes', 'phones.0.label'));
    expect(await admin.raw('suppliers.create', { name: '华强北\uD83D' })).toEqual(invalid('name'));
    // A key is text too (and a zod record would keep it).
    expect(await admin.raw('customers.create', { ...customer, ['\uD800']: 1 })).toEqual(invalid('\uD800'));
    expect(snapshot(app.core)).toBe(before);
  });

  it('keeps a well-formed surrogate pair (an emoji) exactly as typed', async () => {
    const created = await admin.ok('customers.create', { ...customer, name: '张三 😀', notes: '𠀀字' });
    expect(created).toMatchObject({ name: '张三 😀', notes: '𠀀字' });
    const got = await admin.ok('customers.get', { id: created.id });
    expect(got.customer).toMatchObject({ name: '张三 😀', notes: '𠀀字' });
  });

  it('still answers who may call first, and walks a deep input without blowing the stack', async () => {
    expect(await app.connect().raw('customers.create', { ...customer, name: 'x\uD800y' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    let deep: unknown = 'x\uD800y';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const answer = await admin.raw('customers.create', { ...customer, tags: deep });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(app.logs).toEqual([]);
  });

  it('lists at most 20 fields of a flood', () => {
    const flood = Array.from({ length: 1000 }, () => '\uD800');
    expect(illFormedText({ flood })).toHaveLength(20);
    expect(illFormedText({ a: ['ok', { b: '\uDFFF' }] })).toEqual([
      { reason: 'invalidInput', params: {}, path: 'a.1.b', message: 'malformed text' },
    ]);
    expect(illFormedText('fine')).toEqual([]);
  });
});
