import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { modalOpen, rpc, startDesk, type Desk } from './fixture';
import { customerWithDevice, setUpShop } from './seed';

/**
 * Issue 13, item 5: two people on one record. 小李 opens a customer's edit form; 赵经理, in another
 * browser, saves a change to the same customer first. 小李's save is refused with a message naming
 * 赵经理, the form shows what 赵经理 saved, nothing of 赵经理's is overwritten, and a second save
 * (after checking) goes through.
 */
const ADMIN = { username: 'admin', displayName: '王店长', password: 'counter-admin-1' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
const MANAGER = { username: 'zhaojl', displayName: '赵经理', password: 'manager-pass-2026' };

let desk: Desk;
let customerId = '';

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  await rpc(page, 'users.create', { ...MANAGER, role: 'manager' });
  ({ customerId } = await customerWithDevice(
    page,
    { name: '张三', phones: [{ phone: '13800138000', label: '手机' }], notes: '老客户' },
    { category: '手机', brand: 'Apple', model: 'iPhone 13', serialNo: 'F2LX1234ABCD' },
  ));
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

async function openEdit(page: Page): Promise<void> {
  await page.goto(`${desk.server.origin}/#/customers/${customerId}`);
  await page.getByTestId('customer-edit').click();
  await modalOpen(page, 'customer-form');
}

describe('two people editing one customer', () => {
  it('refuses the stale save naming the other person, shows their values, and overwrites nothing', async () => {
    const clerk = await desk.signedIn(CLERK);
    const manager = await desk.signedIn(MANAGER);

    // 小李 opens the form and starts typing.
    await openEdit(clerk);
    await clerk.getByTestId('customer-notes').fill('小李：客户说换了新地址');
    await clerk.getByTestId('customer-address').fill('城东路 1 号');

    // Meanwhile 赵经理 saves a change to the same customer.
    desk.clock.advance(60_000);
    await openEdit(manager);
    await manager.getByTestId('customer-company').fill('华强电子');
    await manager.getByTestId('customer-notes').fill('赵经理：大客户，优先处理');
    await manager.getByTestId('customer-submit').click();
    await manager.getByTestId('customer-form').waitFor({ state: 'detached' });
    const saved = (await rpc(manager, 'customers.get', { id: customerId })).customer;
    expect(saved).toMatchObject({ company: '华强电子', notes: '赵经理：大客户，优先处理', version: 2 });

    // 小李 saves: refused, naming 赵经理 and the PC it was done at; the form shows 赵经理's values.
    desk.clock.advance(60_000);
    await clerk.getByTestId('customer-submit').click();
    const error = clerk.getByTestId('customer-error');
    await error.waitFor();
    const message = await error.innerText();
    expect(message).toContain('赵经理');
    expect(message).toContain(hostname());
    expect(message).toContain('已显示最新内容');
    await expect
      .poll(() => clerk.getByTestId('customer-notes').inputValue())
      .toBe('赵经理：大客户，优先处理');
    expect(await clerk.getByTestId('customer-company').inputValue()).toBe('华强电子');
    // The address 小李 typed is replaced by the stored one (empty): the form shows the record as saved.
    expect(await clerk.getByTestId('customer-address').inputValue()).toBe('');
    expect((await rpc(clerk, 'customers.get', { id: customerId })).customer).toMatchObject({
      company: '华强电子',
      notes: '赵经理：大客户，优先处理',
      address: '',
      version: 2,
    });
    await desk.stillShot(clerk, 'staleEdit-01-refused');

    // 小李 checks, adds the address again and saves: it goes through on top of 赵经理's change.
    await clerk.getByTestId('customer-address').fill('城东路 1 号');
    await clerk.getByTestId('customer-submit').click();
    await clerk.getByTestId('customer-form').waitFor({ state: 'detached' });
    expect((await rpc(clerk, 'customers.get', { id: customerId })).customer).toMatchObject({
      company: '华强电子',
      notes: '赵经理：大客户，优先处理',
      address: '城东路 1 号',
      version: 3,
    });
    await clerk.context().close();
    await manager.context().close();
  });
});
