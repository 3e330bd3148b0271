import type { HandlersFor } from '../handlerTypes';
import * as followUps from '../../services/followUps';

export const followUpHandlers: HandlersFor<'followUps.'> = {
  'followUps.list': (input, ctx) => followUps.listFollowUps(ctx, input),
  'followUps.record': (input, ctx) => followUps.recordFollowUpCall(ctx, input),
};
