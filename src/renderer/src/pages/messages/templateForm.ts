import { MESSAGE_EVENTS, type MessageEvent, type MessageMode } from '@shared/schemas/messageKinds';
import type { MessageSettings } from '@shared/schemas/messages';
import { numberOf, numberText } from '../../lib/numberText';

/** The templates form as it holds the settings: numbers as typed, quiet hours as minutes. */
export interface TemplateFormValues {
  templates: Record<MessageEvent, { mode: MessageMode; text: string }>;
  sms: boolean;
  email: boolean;
  pickupReminderDays: string;
  quietEnabled: boolean;
  quietStart: number;
  quietEnd: number;
  maxAttempts: string;
  language: MessageSettings['language'];
}

export function toFormValues(s: MessageSettings): TemplateFormValues {
  return {
    templates: Object.fromEntries(
      MESSAGE_EVENTS.map((e) => [e, { ...s.templates[e] }]),
    ) as TemplateFormValues['templates'],
    sms: s.channels.sms,
    email: s.channels.email,
    pickupReminderDays: numberText(s.pickupReminderDays),
    quietEnabled: s.quietHours.enabled,
    quietStart: s.quietHours.start,
    quietEnd: s.quietHours.end,
    maxAttempts: numberText(s.maxAttempts),
    language: s.language,
  };
}

const whole = (text: string) => numberOf(text, 0) ?? 0;

export function toSettings(v: TemplateFormValues): MessageSettings {
  return {
    templates: v.templates,
    channels: { sms: v.sms, email: v.email },
    pickupReminderDays: whole(v.pickupReminderDays),
    quietHours: { enabled: v.quietEnabled, start: v.quietStart, end: v.quietEnd },
    maxAttempts: whole(v.maxAttempts),
    language: v.language,
  };
}

/** 00:00, 00:15 … 23:45: quiet hours start and end on a quarter hour. */
export const QUARTER_HOURS = Array.from({ length: 96 }, (_, i) => i * 15);

export function minuteText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
