import type { HandlersFor } from '../handlerTypes';
import { countPrints, recordPrint } from '../../services/prints';

export const printHandlers: HandlersFor<'prints.'> = {
  'prints.count': (input, ctx) => countPrints(ctx, input),
  'prints.record': (input, ctx) => recordPrint(ctx, input),
};
