import { z } from 'zod';
import { LANGUAGES, type Language } from '../languages';
import { DEFAULT_TEMPLATES } from '../messageTemplates';
import { epochMs, id, page, pageSize, paged } from './common';
import {
  MESSAGE_CHANNELS,
  MESSAGE_EVENTS,
  MESSAGE_MODES,
  OUTBOX_REASONS,
  OUTBOX_STATES,
  type MessageEvent,
} from './messageKinds';

/** A template's text: what the manager typed, one SMS-sized paragraph or a few. */
export const templateText = z.string().trim().min(1).max(500);

const eventTemplate = z.object({ mode: z.enum(MESSAGE_MODES), text: templateText }).strict();

/**
 * Every event starts off: an existing shop sees nothing new until the manager turns an event on
 * (and sets up the SMS or e-mail channel, or chooses 询问前台 to copy messages for WeChat).
 */
export function defaultTemplates(language: Language) {
  return Object.fromEntries(
    MESSAGE_EVENTS.map((e) => [e, { mode: 'off', text: DEFAULT_TEMPLATES[language][e] }]),
  ) as Record<MessageEvent, z.infer<typeof eventTemplate>>;
}

/** Minutes after local midnight, on the server's clock. */
const minuteOfDay = z
  .int()
  .min(0)
  .max(24 * 60 - 1);

/**
 * 设置 → 消息模板 (manager): a template and a mode per event, the channels automatic messages take,
 * the pickup reminder's days, quiet hours for SMS and how often a failing message is tried.
 * Unknown variables are refused by the service (the reason names the variable), not here.
 */
export const messageSettings = z
  .object({
    templates: z
      .object(
        // An event added later starts off for a shop whose templates were saved before it existed.
        Object.fromEntries(
          MESSAGE_EVENTS.map((e) => [
            e,
            eventTemplate.default({ mode: 'off', text: DEFAULT_TEMPLATES['zh-CN'][e] }),
          ]),
        ) as Record<MessageEvent, z.ZodDefault<typeof eventTemplate>>,
      )
      .strict()
      .default(defaultTemplates('zh-CN')),
    /** Which channels an automatic (or a clerk's "send") message goes out on. */
    channels: z
      .object({ sms: z.boolean(), email: z.boolean() })
      .strict()
      .default({ sms: true, email: false }),
    /** Days an order waits 待取机 before the pickup reminder goes. */
    pickupReminderDays: z.int().min(1).max(90).default(7),
    /** No SMS between start and end (server local time; start after end spans midnight). */
    quietHours: z
      .object({ enabled: z.boolean(), start: minuteOfDay, end: minuteOfDay })
      .strict()
      .refine((q) => !q.enabled || q.start !== q.end, { message: 'quiet hours start and end are equal' })
      .default({ enabled: true, start: 21 * 60, end: 8 * 60 }),
    /** The language of the words a variable brings (投诉进度) and of the e-mail subject. */
    language: z.enum(LANGUAGES).default('zh-CN'),
    /** Tries before a message that keeps failing (offline, throttled) is given up as failed. */
    maxAttempts: z.int().min(1).max(10).default(5),
  })
  .strict();
export type MessageSettings = z.infer<typeof messageSettings>;

/** The variables' values for the live preview: a real order's (by number), else a sample. */
export const previewValuesInput = z.object({ orderNo: z.string().trim().max(40).default('') }).strict();
export const previewValues = z.object({
  /** The order the values come from; null = the built-in sample. */
  orderNo: z.string().nullable(),
  values: z.record(z.string(), z.string()),
});

export const outboxRow = z.object({
  id,
  workOrderId: id.nullable(),
  orderNo: z.string().nullable(),
  customerId: id,
  customerName: z.string(),
  event: z.enum(MESSAGE_EVENTS),
  channel: z.enum(MESSAGE_CHANNELS),
  recipient: z.string(),
  text: z.string(),
  state: z.enum(OUTBOX_STATES),
  reason: z.enum(OUTBOX_REASONS).nullable(),
  /** The provider's own words for its refusal (or the last retryable failure). */
  providerReason: z.string().nullable(),
  attempts: z.int(),
  nextAttemptAt: epochMs.nullable(),
  idempotencyKey: z.string(),
  createdAt: epochMs,
  updatedAt: epochMs,
  sentAt: epochMs.nullable(),
  /** Who sent it by hand (WeChat) or answered the prompt. */
  sentBy: z.string().nullable(),
});
export type OutboxRow = z.infer<typeof outboxRow>;

/** The outbox screen's filter: state, channel and the local days it was made in (server's time). */
export const listOutboxInput = z
  .object({
    state: z.enum(OUTBOX_STATES).optional(),
    channel: z.enum(MESSAGE_CHANNELS).optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
    page,
    pageSize,
  })
  .strict();
export const outboxList = paged(outboxRow);

export const orderMessagesInput = z.object({ workOrderId: id }).strict();

/** The clerk's answer to an `ask` row: send it on its channel, say it was copied to WeChat, or skip. */
export const answerMessageInput = z.object({ id, action: z.enum(['send', 'copied', 'skip']) }).strict();

/** Render an event's template for an order (Copy for WeChat); `copied` logs it as sent by the clerk. */
export const composeInput = z.object({ workOrderId: id, event: z.enum(MESSAGE_EVENTS) }).strict();
export const composed = z.object({
  text: z.string(),
  missing: z.array(z.string()),
});
