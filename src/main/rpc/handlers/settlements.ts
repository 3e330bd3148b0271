import type { HandlersFor } from '../handlerTypes';
import * as settlements from '../../services/settlements';

export const settlementHandlers: HandlersFor<'settlements.'> &
  HandlersFor<'dayClose.'> &
  HandlersFor<'deposits.'> = {
  'settlements.preview': (input, ctx) => settlements.previewSettlement(ctx, input),
  'settlements.create': (input, ctx) => settlements.createSettlement(ctx, input),
  'settlements.get': (input, ctx) => settlements.readSettlement(ctx.deps.db, input.id),
  'settlements.forOrder': (input, ctx) => settlements.settlementForOrder(ctx.deps.db, input.id),
  'settlements.list': (input, ctx) => settlements.listSettlements(ctx.deps.db, input),
  'settlements.pay': (input, ctx) => settlements.paySettlement(ctx, input),
  'settlements.refund': (input, ctx) => settlements.refundSettlement(ctx, input),
  'settlements.void': (input, ctx) => settlements.voidSettlement(ctx, input),

  'dayClose.get': (input, ctx) => settlements.getDay(ctx, input),
  'dayClose.close': (input, ctx) => settlements.closeDay(ctx, input),
  'dayClose.reopen': (input, ctx) => settlements.reopenDay(ctx, input),

  'deposits.take': (input, ctx) => settlements.takeDeposit(ctx, input),
  'deposits.refund': (input, ctx) => settlements.refundDeposit(ctx, input),
};
