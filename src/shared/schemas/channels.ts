import { z } from 'zod';

/**
 * 消息通道: the shop's own SMS account (Alibaba Cloud SMS) and its SMTP mailbox. The secrets (the
 * AccessKey secret, the mailbox password) never travel out: a read says only whether one is set.
 */

/** `unreadable`: stored, but this PC cannot decrypt it (a backup restored on another PC): type it again. */
export const SECRET_STATES = ['notSet', 'set', 'unreadable'] as const;
export type SecretState = (typeof SECRET_STATES)[number];

/** How the mail server is reached: plain (port 25), STARTTLS (587), TLS from the first byte (465). */
export const SMTP_SECURITY = ['none', 'starttls', 'tls'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export const SENDING_CHANNELS = ['sms', 'email'] as const;
export type SendingChannel = (typeof SENDING_CHANNELS)[number];

/** Where the secrets' key lives: the system keychain (desktop app) or a key file in the data folder. */
export const SECRET_KEEPERS = ['os', 'keyFile'] as const;

/** An approved template's code in the Alibaba Cloud SMS console, e.g. SMS_15305****; '' = none. */
export const smsTemplateCode = z.union([
  z.literal(''),
  z
    .string()
    .trim()
    .regex(/^SMS_[0-9A-Za-z]{1,40}$/, 'SMS_ followed by letters or digits'),
]);

const smsFields = {
  enabled: z.boolean(),
  accessKeyId: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9]*$/, 'letters and digits'),
  /** 短信签名, as approved in the console. */
  signName: z.string().trim().max(30),
  /** dysmsapi.aliyuncs.com, a regional endpoint, or (loopback only) an http:// test double. */
  endpoint: z.string().trim().min(1).max(200),
  /** One template code per message event (keys: MESSAGE_EVENTS, checked by the main process). */
  templateCodes: z.record(z.string().max(40), smsTemplateCode),
};

const emailFields = {
  enabled: z.boolean(),
  host: z.string().trim().max(253),
  port: z.int().min(1).max(65535),
  security: z.enum(SMTP_SECURITY),
  /** The mailbox account; '' for a relay that takes mail without signing in. */
  username: z.string().trim().max(254),
  fromAddress: z.union([z.literal(''), z.email()]),
  fromName: z.string().trim().max(60),
};

/** What to do with a stored secret on save: keep it, replace it with a new one, or remove it. */
export const secretChange = z.discriminatedUnion('action', [
  z.object({ action: z.literal('keep') }).strict(),
  z.object({ action: z.literal('replace'), value: z.string().min(1).max(200) }).strict(),
  z.object({ action: z.literal('clear') }).strict(),
]);
export type SecretChange = z.infer<typeof secretChange>;

export const smsSettings = z.object(smsFields).strict();
export type SmsSettings = z.infer<typeof smsSettings>;
export const emailSettings = z.object(emailFields).strict();
export type EmailSettings = z.infer<typeof emailSettings>;

export const updateChannelsInput = z
  .object({
    sms: z
      .object({ ...smsFields, accessKeySecret: secretChange })
      .strict()
      .optional(),
    email: z
      .object({ ...emailFields, password: secretChange })
      .strict()
      .optional(),
  })
  .strict();

export const channelsView = z.object({
  sms: z.object({ ...smsFields, accessKeySecret: z.enum(SECRET_STATES) }),
  email: z.object({ ...emailFields, password: z.enum(SECRET_STATES) }),
  secretsKeptBy: z.enum(SECRET_KEEPERS),
});
export type ChannelsView = z.infer<typeof channelsView>;

/** A test message through the saved settings: SMS with one event's template, or an e-mail. */
export const testSendInput = z
  .object({
    channel: z.enum(SENDING_CHANNELS),
    to: z.string().trim().min(1).max(254),
    /** The SMS template to try (an event); e-mail ignores it. */
    event: z.string().max(40).optional(),
  })
  .strict();

/** What the provider answered; a refusal by the provider is an answer, not an error of the call. */
export const testSendResult = z.object({
  ok: z.boolean(),
  providerMessageId: z.string().nullable(),
  retryable: z.boolean(),
  reason: z.string(),
});
