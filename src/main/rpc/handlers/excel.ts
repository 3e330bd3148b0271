import type { ExcelMethod, Handlers } from '../handlerTypes';
import * as excel from '../../services/excel';

export const excelHandlers: Pick<Handlers, ExcelMethod> = {
  'parts.import': (input, ctx) => excel.importParts(ctx, input),
  'parts.importTemplate': (input, ctx) => excel.partsTemplate(ctx, input.lang),
  'parts.export': (input, ctx) => excel.exportParts(ctx, input.lang),
  'customers.import': (input, ctx) => excel.importCustomers(ctx, input),
  'customers.importTemplate': (input, ctx) => excel.customersTemplate(ctx, input.lang),
  'customers.export': (input, ctx) => excel.exportCustomers(ctx, input.lang),
  'stock.exportOnHand': (input, ctx) => excel.exportOnHand(ctx, input.lang),
  'stock.exportMovements': (input, ctx) => excel.exportMovements(ctx, input),
};
