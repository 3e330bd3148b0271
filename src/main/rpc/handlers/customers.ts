import type { ExcelMethod, HandlersFor } from '../handlerTypes';
import * as customers from '../../services/customers';
import * as devices from '../../services/devices';
import * as search from '../../services/search';

export const customerHandlers: Omit<
  HandlersFor<'search.'> & HandlersFor<'customers.'> & HandlersFor<'devices.'>,
  ExcelMethod
> = {
  'search.global': (input, ctx) => search.searchGlobal(ctx.deps.db, input),

  'customers.list': (input, ctx) => customers.listCustomers(ctx.deps.db, input),
  'customers.get': (input, ctx) => customers.getCustomer(ctx, input.id),
  'customers.checkPhone': (input, ctx) => customers.checkPhone(ctx.deps.db, input),
  'customers.create': (input, ctx) => customers.createCustomer(ctx, input),
  'customers.update': (input, ctx) => customers.updateCustomer(ctx, input),
  'customers.archive': (input, ctx) => customers.archiveCustomer(ctx, input.id),
  'customers.restore': (input, ctx) => customers.restoreCustomer(ctx, input.id),
  'customers.merge': (input, ctx) => customers.mergeCustomers(ctx, input),

  'devices.get': (input, ctx) => devices.getDevice(ctx, input.id),
  'devices.create': (input, ctx) => devices.createDevice(ctx, input),
  'devices.update': (input, ctx) => devices.updateDevice(ctx, input),
  'devices.archive': (input, ctx) => devices.archiveDevice(ctx, input.id),
  'devices.restore': (input, ctx) => devices.restoreDevice(ctx, input.id),
};
