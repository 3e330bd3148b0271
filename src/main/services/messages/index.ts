export { readMessageSettings, updateMessageSettings } from './settings';
export { enqueueMessages, type MessageCause } from './enqueue';
export { previewValuesFor } from './values';
export { runOutbox, OutboxWorker, type OutboxTick } from './worker';
export {
  answerMessage,
  cancelMessage,
  composeMessage,
  copiedForWechat,
  listMessages,
  messagesForOrder,
  retryMessage,
} from './manage';
