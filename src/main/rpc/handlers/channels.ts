import type { HandlersFor } from '../handlerTypes';
import { channelsView, secretBoxOf, updateChannels } from '../../services/channels/settings';
import { testSend } from '../../services/channels/testSend';

export const channelHandlers: HandlersFor<'channels.'> = {
  'channels.get': (_input, ctx) => channelsView(ctx.deps.db, secretBoxOf(ctx.deps)),
  'channels.update': (input, ctx) => updateChannels(ctx, input),
  'channels.test': (input, ctx) => testSend(ctx, input),
};
