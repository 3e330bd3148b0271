import type { ExcelMethod, HandlersFor } from '../handlerTypes';
import * as stock from '../../services/stock';

export const stockHandlers: Omit<
  HandlersFor<'parts.'> & HandlersFor<'suppliers.'> & HandlersFor<'stock.'>,
  ExcelMethod
> = {
  'parts.list': (input, ctx) => stock.listParts(ctx.deps.db, input),
  'parts.get': (input, ctx) => stock.getPart(ctx.deps.db, input.id),
  'parts.create': (input, ctx) => stock.createPart(ctx, input),
  'parts.update': (input, ctx) => stock.updatePart(ctx, input),
  'parts.archive': (input, ctx) => stock.setPartArchived(ctx, input.id, true),
  'parts.restore': (input, ctx) => stock.setPartArchived(ctx, input.id, false),
  'parts.adjustCost': (input, ctx) => stock.adjustCost(ctx, input),

  'suppliers.list': (input, ctx) => stock.listSuppliers(ctx.deps.db, input),
  'suppliers.create': (input, ctx) => stock.createSupplier(ctx, input),
  'suppliers.update': (input, ctx) => stock.updateSupplier(ctx, input),
  'suppliers.archive': (input, ctx) => stock.archiveSupplier(ctx, input.id),

  'stock.post': (input, ctx) => stock.postStock(ctx, input),
  'stock.adjust': (input, ctx) => stock.adjustStock(ctx, input),
  'stock.reverse': (input, ctx) => stock.reverseStock(ctx, input),
  'stock.get': (input, ctx) => stock.readDocument(ctx.deps.db, input.id),
  'stock.list': (input, ctx) => stock.listDocuments(ctx.deps.db, input),
  'stock.movements': (input, ctx) => stock.listMovements(ctx.deps.db, input),
  'stock.check': (_input, ctx) => stock.checkStock(ctx.deps.db),
  'stock.alerts': (_input, ctx) => stock.stockAlerts(ctx.deps.db),
  'stock.valuation': (input, ctx) => stock.stockValuation(ctx.deps.db, input),
  'stock.usage': (input, ctx) => stock.stockUsage(ctx.deps.db, input),
};
