import type { HandlersFor } from '../handlerTypes';
import * as messages from '../../services/messages';

export const messageHandlers: HandlersFor<'messages.'> = {
  'messages.settings': (_input, ctx) => messages.readMessageSettings(ctx.deps.db),
  'messages.updateSettings': (input, ctx) => messages.updateMessageSettings(ctx, input),
  'messages.previewValues': (input, ctx) =>
    messages.previewValuesFor(
      ctx.deps.db,
      input.orderNo,
      ctx.deps.now(),
      messages.readMessageSettings(ctx.deps.db).language,
    ),
  'messages.list': (input, ctx) => messages.listMessages(ctx, input),
  'messages.retry': (input, ctx) => messages.retryMessage(ctx, input.id),
  'messages.cancel': (input, ctx) => messages.cancelMessage(ctx, input.id),
  'messages.forOrder': (input, ctx) => messages.messagesForOrder(ctx, input.workOrderId),
  'messages.answer': (input, ctx) => messages.answerMessage(ctx, input),
  'messages.compose': (input, ctx) => messages.composeMessage(ctx, input),
  'messages.copiedForWechat': (input, ctx) => messages.copiedForWechat(ctx, input),
};
