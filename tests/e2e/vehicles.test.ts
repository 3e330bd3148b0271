import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpc, startDesk, type Desk } from './fixture';
import { A4, expectSize, printToPdf } from './pdf';
import { setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'vehicle-admin-2026' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'laozhang', displayName: '张师傅', password: 'tech-pass-2026' };

/** PDF points of A5 landscape. */
const A5L = { width: 595.28, height: 419.53 };

let desk: Desk;
let customerId = '';
let orderId = '';

function hashOf(page: Page): string {
  return new URL(page.url()).hash;
}

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  customerId = (
    await rpc(page, 'customers.create', { name: '陈建国', phones: [{ phone: '13712345678', label: '手机' }] })
  ).id;
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('a car at the counter (汽车)', () => {
  it('takes a vehicle in with plate, VIN and mileage; the intake form and job sheet print them', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/intake?customerId=${customerId}`);
    await page.getByTestId('intake-device-form').waitFor();
    // The category has the focus: 汽车 brings the vehicle's fields.
    await expect.poll(() => page.locator('[data-testid="device-category"] :focus').count()).toBe(1);
    await page.keyboard.type('汽车');
    await page.keyboard.press('Enter');
    await page.getByTestId('device-plate').waitFor();
    await page.getByTestId('device-brand').fill('比亚迪');
    await page.getByTestId('device-model').fill('汉 EV');
    await page.getByTestId('device-plate').fill('粤bd12345');
    await page.getByTestId('device-model-year').fill('2022');
    // A VIN with a wrong check digit is refused by its own words, and the import confirmation is offered.
    await page.getByTestId('device-vin').fill('lsvau2180n2183294');
    await page.getByTestId('intake-device-submit').click();
    const vinHelp = page.locator('#intakeDevice_vin_help');
    await expect.poll(() => vinHelp.textContent()).toContain('第 9 位校验位不符');
    await page.getByTestId('device-vin-import').waitFor();
    await desk.stillShot(page, 'vehicle-01-vin-check-digit');
    expect((await rpc(page, 'customers.get', { id: customerId })).devices).toEqual([]);

    // The right VIN (its check digit is X) goes through.
    await page.getByTestId('device-vin').fill('LSVAU218XN2183294');
    await page.getByTestId('intake-device-submit').click();

    // The order asks a vehicle's odometer; saving without it is refused by the form.
    await page.getByTestId('intake-order-form').waitFor();
    await page.getByTestId('intake-fault').fill('常规保养，刹车异响');
    await page.getByTestId('intake-save').click();
    await expect.poll(() => page.locator('#intakeOrder_mileageKm_help').count()).toBe(1);
    await page.getByTestId('intake-mileage').fill('48230');
    await desk.stillShot(page, 'vehicle-02-intake-mileage');
    await page.getByTestId('intake-save').click();
    await page.getByTestId('wo-created').waitFor();
    orderId = /^#\/work-orders\/(.+)$/.exec(hashOf(page))?.[1] ?? '';
    await expect.poll(() => page.getByTestId('wo-mileage').textContent()).toBe('48,230 公里');
    const saved = await rpc(page, 'workOrders.get', { id: orderId });
    expect(saved.intakeMileage).toEqual({ km: 48_230, reason: '' });
    const device = (await rpc(page, 'customers.get', { id: customerId })).devices[0];
    expect(device).toMatchObject({
      category: '汽车',
      kind: 'vehicle',
      plateNo: '粤BD12345',
      vin: 'LSVAU218XN2183294',
      modelYear: 2022,
      lastMileageKm: 48_230,
    });
    await desk.stillShot(page, 'vehicle-03-order');

    // The intake receipt: two A5 copies, each with the plate, the VIN and the mileage.
    const receipt = await printToPdf(desk, page, `intake-a5/${orderId}`, 'vehicle-intake-a5');
    expect(receipt.pages).toBe(2);
    expectSize(receipt, A5L);
    for (const words of ['车牌号', '粤BD12345', 'LSVAU218XN2183294', '进厂里程', '48,230 公里']) {
      expect(receipt.text.split(words).length - 1, words).toBe(2);
    }
    // Both copies on one A4 sheet still fit one page with the vehicle's row.
    const a4 = await printToPdf(desk, page, `intake-a4/${orderId}`, 'vehicle-intake-a4');
    expect(a4.pages).toBe(1);
    expectSize(a4, A4);
    expect(a4.text).toContain('48,230 公里');
    // The job sheet: one A4 page.
    const job = await printToPdf(desk, page, `jobsheet/${orderId}`, 'vehicle-jobsheet');
    expect(job.pages).toBe(1);
    expectSize(job, A4);
    for (const words of ['粤BD12345', 'LSVAU218XN2183294', '48,230 公里']) expect(job.text).toContain(words);

    // The plate is found by any three characters of it.
    await page.goto(`${desk.server.origin}/#/`);
    await page.getByTestId('global-search').waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('D123');
    await expect.poll(() => page.getByText('比亚迪 汉 EV 粤BD12345').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('a lower reading on the next visit asks for the reason and keeps it', async () => {
    const page = await desk.signedIn(CLERK);
    const device = (await rpc(page, 'customers.get', { id: customerId })).devices[0];
    await page.goto(`${desk.server.origin}/#/intake?customerId=${customerId}&deviceId=${device?.id ?? ''}`);
    await page.getByTestId('intake-order-form').waitFor();
    expect(await page.locator('#intakeOrder_mileageKm_extra').textContent()).toBe('上次里程 48,230 公里');
    await page.getByTestId('intake-fault').fill('空调不制冷');
    await page.getByTestId('intake-mileage').fill('4823');
    await page.getByTestId('intake-mileage-reason').waitFor();
    await page.getByTestId('intake-save').click();
    await expect
      .poll(() => page.locator('#intakeOrder_mileageReason_help').textContent())
      .toBe('里程低于上次记录，请填写原因（如更换仪表）');
    expect((await rpc(page, 'workOrders.list', {})).total).toBe(1);
    await page.getByTestId('intake-mileage-reason').fill('上次多录了一位');
    await desk.stillShot(page, 'vehicle-04-mileage-reason');
    await page.getByTestId('intake-save').click();
    await page.getByTestId('wo-created').waitFor();
    await expect
      .poll(() => page.getByTestId('wo-mileage').textContent())
      .toBe('4,823 公里（上次多录了一位）');
    await expect
      .poll(() => page.locator('[data-testid="wo-event"][data-kind="created"]').textContent())
      .toContain('进厂里程：4,823 公里（低于上次，原因：上次多录了一位）');
    await page.context().close();
  });

  it('an appliance (家电) carries its installation address and date, on the form and the receipt', async () => {
    const page = await desk.signedIn(CLERK);
    const owner = await rpc(page, 'customers.create', {
      name: '刘阿姨',
      phones: [{ phone: '13698765432', label: '手机' }],
    });
    await page.goto(`${desk.server.origin}/#/intake?customerId=${owner.id}`);
    await page.getByTestId('intake-device-form').waitFor();
    await expect.poll(() => page.locator('[data-testid="device-category"] :focus').count()).toBe(1);
    await page.keyboard.type('家电');
    await page.keyboard.press('Enter');
    await page.getByTestId('device-install-address').waitFor();
    expect(await page.getByTestId('device-plate').count()).toBe(0);
    await page.getByTestId('device-brand').fill('格力');
    await page.getByTestId('device-model').fill('KFR-35GW 挂机');
    await page.getByTestId('device-install-address').fill('朝阳区和平街 12 号院 3-502');
    await page.getByTestId('intake-device-submit').click();
    await page.getByTestId('intake-order-form').waitFor();
    // No odometer for an appliance.
    expect(await page.getByTestId('intake-mileage').count()).toBe(0);
    await page.getByTestId('intake-fault').fill('不制冷，外机不转');
    await page.getByTestId('intake-save').click();
    await page.getByTestId('wo-created').waitFor();
    const id = /^#\/work-orders\/(.+)$/.exec(hashOf(page))?.[1] ?? '';
    const receipt = await printToPdf(desk, page, `intake-a5/${id}`, 'appliance-intake-a5');
    expect(receipt.pages).toBe(2);
    expect(receipt.text).toContain('安装地址');
    expect(receipt.text).toContain('朝阳区和平街 12 号院 3-502');
    expect(receipt.text).not.toContain('车牌号');
    await page.context().close();
  });
});
