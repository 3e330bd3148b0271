import ExcelJS from 'exceljs';
import { setUpShop, signedInAs, startApp, type Client, type TestApp } from './harness';

export interface StockShop {
  app: TestApp;
  admin: Client;
  clerk: Client;
  tech: Client;
  manager: Client;
  /** 华强北配件行. */
  supplierId: string;
}

/**
 * A shop for the parts and stock tests: the admin, a signed-in clerk, technician and manager, and
 * one supplier. The idle lock is off: the tests move the clock by hours and days.
 */
export async function startStockShop(): Promise<StockShop> {
  const app = startApp();
  const admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  const clerk = await signedInAs(app, admin, 'clerk');
  const tech = await signedInAs(app, admin, 'technician');
  const manager = await signedInAs(app, admin, 'manager');
  const supplierId = (await clerk.ok('suppliers.create', { name: '华强北配件行' })).id;
  return { app, admin, clerk, tech, manager, supplierId };
}

/** The header row of the parts import template, required columns marked with `*`. */
export const PART_IMPORT_HEADER = [
  '编码*',
  '名称*',
  '规格',
  '适用机型',
  '分类',
  '单位',
  '条码',
  '成本价(元)',
  '售价(元)',
  '安全库存',
  '库位',
  '供应商',
];

/** A workbook file as the contract carries it, read back with exceljs. */
export async function openXlsx(file: { base64: string }): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}
