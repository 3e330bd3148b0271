/**
 * Message templates (设置 → 消息模板): the variables a template may use, the shipped texts in both
 * languages, rendering and the SMS length counter. Shared, so the settings screen previews exactly
 * what the outbox will send.
 */
import type { Language } from './languages';
import type { MessageEvent } from './schemas/messageKinds';

/**
 * The variables, by their Chinese name (what the shop types: `{客户}`) with an English alias that
 * means the same (`{customer}`), so an English template reads naturally. Every event may use every
 * variable; one the event has no value for (金额 before a quote) renders as MISSING_MARK.
 */
export const MESSAGE_VARIABLES = [
  /** The customer's name. */
  { name: '客户', alias: 'customer' },
  /** The work order's number (BJ01-20261122-0007). */
  { name: '工单号', alias: 'orderNo' },
  /** Brand and model, else the device's category. */
  { name: '设备', alias: 'device' },
  /** The order's current quote (报价), in yuan: ¥1,234.50. */
  { name: '金额', alias: 'amount' },
  /** The shop's name, phone and address (设置 → 店铺设置). */
  { name: '店名', alias: 'shop' },
  { name: '电话', alias: 'shopPhone' },
  { name: '地址', alias: 'shopAddress' },
  /** Days the device has waited for pickup (the pickup reminder). */
  { name: '天数', alias: 'days' },
  /** The complaint's number and where it stands (complaint updates). */
  { name: '投诉单号', alias: 'complaintNo' },
  { name: '投诉进度', alias: 'complaintStatus' },
  /** The appointment's day and time (the day-before reminder): 12月5日 10:00. */
  { name: '预约时间', alias: 'appointmentTime' },
] as const;
export type MessageVariable = (typeof MESSAGE_VARIABLES)[number]['name'];
export type MessageValues = Partial<Record<MessageVariable, string>>;

/** What a variable without a value prints as: visible in the text, never "undefined" or a blank. */
export const MISSING_MARK = '—';

const BY_TOKEN = new Map<string, MessageVariable>(
  MESSAGE_VARIABLES.flatMap((v) => [
    [v.name, v.name],
    [v.alias, v.name],
  ]),
);

/** `{name}`: no braces or spaces inside; anything else in the text is literal. */
const TOKEN = /\{([^{}\s]{1,20})\}/g;

/** Every `{…}` in the text that names no variable, once each, in order. */
export function unknownVariables(template: string): string[] {
  const seen = new Set<string>();
  for (const m of template.matchAll(TOKEN)) {
    const token = m[1] as string;
    if (!BY_TOKEN.has(token)) seen.add(token);
  }
  return [...seen];
}

export interface Rendered {
  text: string;
  /** Variables the template uses that had no value (shown as MISSING_MARK). */
  missing: MessageVariable[];
}

/** Fill in a template. Unknown tokens stay as typed (saving refuses them, so only old rows have any). */
export function renderTemplate(template: string, values: MessageValues): Rendered {
  const missing = new Set<MessageVariable>();
  const text = template.replace(TOKEN, (whole, token: string) => {
    const name = BY_TOKEN.get(token);
    if (!name) return whole;
    const value = values[name]?.trim();
    if (value) return value;
    missing.add(name);
    return MISSING_MARK;
  });
  return { text, missing: [...missing] };
}

/**
 * SMS length as China's carriers and Alibaba Cloud bill it: every character counts one (a Chinese
 * character, a Latin letter, a space or a digit alike; an emoji is one character), the shop's
 * signature 【店名】 included. Up to 70 is one message; a longer text goes as a long SMS of 67
 * characters per part. We apply 70/67 to GSM-only (Latin) text too: the Chinese gateways count it
 * the same way, so the 160/153 of GSM 7-bit would promise parts the shop is not billed for.
 */
export const SMS_SINGLE = 70;
export const SMS_PART = 67;

export function smsLength(text: string, signature = ''): number {
  return [...text].length + (signature ? [...signature].length + 2 : 0);
}

export function smsSegments(length: number): number {
  if (length <= 0) return 0;
  return length <= SMS_SINGLE ? 1 : Math.ceil(length / SMS_PART);
}

/**
 * The shipped templates: zh-CN is the default; en-US for shops that message in English. The Chinese
 * ones fit one SMS (70) for a typical order (BJ01-20261204-0001, Apple iPhone 13, a six-character
 * shop name), before the signature the gateway adds.
 */
export const DEFAULT_TEMPLATES: Record<Language, Record<MessageEvent, string>> = {
  'zh-CN': {
    received: '{客户}您好，{店名}已受理您的{设备}，工单号{工单号}。电话{电话}',
    quoteWaiting: '{客户}您好，{设备}（工单{工单号}）报价{金额}，请致电{电话}确认。',
    waitingParts: '{客户}您好，您的{设备}（工单{工单号}）正在等待配件，到货后尽快维修。{店名}',
    readyForPickup: '{客户}您好，您的{设备}已修好，请凭取机凭条到{店名}取机。工单{工单号}',
    pickupReminder: '{客户}您好，您的{设备}已在{店名}等候取机{天数}天，请尽快领取。工单{工单号}',
    followUpThanks: '{客户}您好，感谢您接听{店名}的回访，您的意见我们已记录，期待再次为您服务。',
    complaintUpdate: '{客户}您好，您的投诉（{投诉单号}）当前进度：{投诉进度}。如有疑问请致电{店名}{电话}。',
    appointmentReminder: '{客户}您好，您预约了{预约时间}到{店名}处理{设备}，如需改期请致电{电话}。',
  },
  'en-US': {
    received: 'Hello {customer}, {shop} has received your {device}, order {orderNo}. Questions: {shopPhone}.',
    quoteWaiting:
      'Hello {customer}, your {device} (order {orderNo}) has been checked: the repair quote is {amount}. Please reply or call {shopPhone} to approve.',
    waitingParts:
      'Hello {customer}, your {device} (order {orderNo}) is waiting for parts; we will repair it as soon as they arrive. {shop}',
    readyForPickup:
      'Hello {customer}, your {device} (order {orderNo}) is ready for pickup at {shop}. Please bring your claim ticket. {shopPhone}',
    pickupReminder:
      'Hello {customer}, your {device} (order {orderNo}) has been waiting {days} days for pickup at {shop}. {shopPhone}',
    followUpThanks:
      'Hello {customer}, thank you for taking our follow-up call. {shop} has noted your feedback and looks forward to serving you again.',
    complaintUpdate:
      'Hello {customer}, your complaint {complaintNo} is now: {complaintStatus}. Questions: {shop} {shopPhone}.',
    appointmentReminder:
      'Hello {customer}, a reminder of your appointment at {shop} on {appointmentTime} for your {device}. To change it: {shopPhone}.',
  },
};
