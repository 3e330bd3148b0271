/**
 * The seam between the outbox (services/messages: what to send, when, retries, quiet hours) and
 * the channels that carry a message out of the shop (services/channels: Alibaba Cloud SMS, SMTP
 * e-mail). The outbox never knows a provider's wire format; a provider never decides whether to
 * retry beyond saying whether its failure is worth retrying.
 */

// The codes live in src/shared (the screens word them too); the seam re-exports them unchanged.
import type { MessageChannel, MessageEvent } from '@shared/schemas/messageKinds';
export { MESSAGE_CHANNELS, MESSAGE_EVENTS } from '@shared/schemas/messageKinds';
export type { MessageChannel, MessageEvent };

/** One message as a provider sees it: already rendered, already past quiet hours and opt-outs. */
export interface OutgoingMessage {
  /** Unique per outbox row and stable across retries: a provider that supports it dedupes on it. */
  idempotencyKey: string;
  event: MessageEvent;
  /** A mobile number for SMS, an address for e-mail. */
  to: string;
  /** The text as the shop's template rendered it (what the timeline and the outbox show). */
  text: string;
  /** E-mail subject; SMS ignores it. */
  subject?: string;
  /** The template's variables by name (客户, 工单号…): Alibaba SMS sends these, not the text. */
  params: Record<string, string>;
}

export type SendResult =
  | { ok: true; providerMessageId: string }
  /** `retryable`: offline, timeout, throttled, 5xx. Not: bad number, unapproved template, bad key. */
  | { ok: false; retryable: boolean; reason: string };

export interface MessageProvider {
  readonly channel: Exclude<MessageChannel, 'wechat'>;
  /** Never throws: every failure, network ones included, comes back as `{ ok: false }`. */
  send(message: OutgoingMessage): Promise<SendResult>;
}

/**
 * How the outbox finds the provider configured for a channel (Deps.messageProviders): null when the
 * shop has not set that channel up. Built from settings and the encrypted secrets by
 * services/channels; tests pass a double.
 */
export type ProviderLookup = (channel: Exclude<MessageChannel, 'wechat'>) => MessageProvider | null;
