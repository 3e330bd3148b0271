import type { Page } from 'playwright-core';
import type { InputOf } from '@shared/contract';
import { rpc } from './fixture';

export interface Person {
  username: string;
  displayName: string;
  password: string;
}

/** The shop 城东维修中心 (BJ01) set up by its admin, with a clerk and a technician; the technician's id. */
export async function setUpShop(
  page: Page,
  staff: { admin: Person; clerk: Person; tech: Person },
): Promise<{ techId: string }> {
  await rpc(page, 'auth.setup', { shopName: '城东维修中心', branchCode: 'BJ01', admin: staff.admin });
  await rpc(page, 'users.create', { ...staff.clerk, role: 'clerk' });
  const tech = await rpc(page, 'users.create', { ...staff.tech, role: 'technician' });
  return { techId: tech.id };
}

/** A customer and one device of theirs. */
export async function customerWithDevice(
  page: Page,
  customer: InputOf<'customers.create'>,
  device: Omit<InputOf<'devices.create'>, 'customerId'>,
): Promise<{ customerId: string; deviceId: string }> {
  const { id: customerId } = await rpc(page, 'customers.create', customer);
  const { id: deviceId } = await rpc(page, 'devices.create', { ...device, customerId });
  return { customerId, deviceId };
}
