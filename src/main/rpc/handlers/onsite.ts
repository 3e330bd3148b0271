import type { HandlersFor } from '../handlerTypes';
import * as onsite from '../../services/onsite';

export const onsiteHandlers: HandlersFor<'onsite.'> = {
  'onsite.get': (input, ctx) => onsite.onsiteOfOrder(ctx.deps.db, input.id),
  'onsite.set': (input, ctx) => onsite.setOnsite(ctx, input),
  'onsite.assign': (input, ctx) => onsite.assignOnsite(ctx, input),
  'onsite.arrive': (input, ctx) => onsite.arriveOnsite(ctx, input),
  'onsite.finish': (input, ctx) => onsite.finishOnsite(ctx, input),
  'onsite.sign': (input, ctx) => onsite.signOnsite(ctx, input),
  'onsite.board': (input, ctx) => onsite.onsiteBoard(ctx, input),
  'onsite.routeSheets': (input, ctx) => onsite.routeSheets(ctx, input),
  'onsite.report': (input, ctx) => onsite.onsiteReport(ctx, input),
};
