/**
 * The codes of messages to customers, shared by the outbox (main), the provider seam
 * (services/channels/provider.ts re-exports the first two) and the screens.
 */

/** The channels an outbox message can take. `wechat` is copied by the clerk, never sent by us. */
export const MESSAGE_CHANNELS = ['sms', 'email', 'wechat'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** The events a message template exists for (one template per event, settings → 消息模板). */
export const MESSAGE_EVENTS = [
  'received',
  'quoteWaiting',
  'waitingParts',
  'readyForPickup',
  'pickupReminder',
  'followUpThanks',
  'complaintUpdate',
  'appointmentReminder',
] as const;
export type MessageEvent = (typeof MESSAGE_EVENTS)[number];

/** Per event: sent by itself, offered to the clerk after the action (send / copy / skip), or never. */
export const MESSAGE_MODES = ['auto', 'ask', 'off'] as const;
export type MessageMode = (typeof MESSAGE_MODES)[number];

/**
 * An outbox row's life: `ask` waits for the clerk's answer; `queued` waits for its time (a retry,
 * the end of quiet hours); `sending` is claimed by the worker; then `sent`, `failed` (with its
 * reason), `cancelled` (the manager, or the clerk's skip) or `skipped` (the customer opted out).
 */
export const OUTBOX_STATES = ['ask', 'queued', 'sending', 'sent', 'failed', 'cancelled', 'skipped'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** Why a row failed or was skipped (`provider`: the provider's own words are on the row). */
export const OUTBOX_REASONS = [
  'noRecipient',
  'channelNotConfigured',
  /** The app stopped while the message was with the provider: it may have gone out, so it is not resent by itself. */
  'interrupted',
  'provider',
  'optedOut',
] as const;
export type OutboxReason = (typeof OUTBOX_REASONS)[number];
