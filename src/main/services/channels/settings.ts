import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, fieldError } from '@shared/errors';
import {
  emailSettings,
  smsSettings,
  type ChannelsView,
  type EmailSettings,
  type SecretChange,
  type SecretState,
  type SmsSettings,
} from '@shared/schemas/channels';
import type { ParsedInputOf } from '@shared/contract';
import { settings } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Deps, Queryable } from '../context';
import { DEFAULT_SMS_ENDPOINT, smsEndpoint } from './aliyunSms';
import { MESSAGE_EVENTS } from './provider';
import type { SecretBox } from './secrets';

/**
 * 消息通道 in the settings table: `channels` holds what may be shown, `channelSecrets` only sealed
 * text (secrets.ts). Neither is part of settings.get, the full export leaves the settings table out,
 * and the audit log records that a secret was set, replaced or cleared — never the value.
 */
const CHANNELS_KEY = 'channels';
const SECRETS_KEY = 'channelSecrets';
/** What each secret is sealed for (a sealed value opens only under its own label). */
export const SMS_SECRET_LABEL = 'sms.accessKeySecret';
export const EMAIL_SECRET_LABEL = 'email.password';

const storedChannels = z.object({ sms: smsSettings, email: emailSettings });
type StoredChannels = z.infer<typeof storedChannels>;
const storedSecrets = z.object({ sms: z.string().nullable(), email: z.string().nullable() });
type StoredSecrets = z.infer<typeof storedSecrets>;

const DEFAULT_CHANNELS: StoredChannels = {
  sms: { enabled: false, accessKeyId: '', signName: '', endpoint: DEFAULT_SMS_ENDPOINT, templateCodes: {} },
  email: {
    enabled: false,
    host: '',
    port: 465,
    security: 'tls',
    username: '',
    fromAddress: '',
    fromName: '',
  },
};
const NO_SECRETS: StoredSecrets = { sms: null, email: null };

function readKey<T>(q: Queryable, key: string, schema: z.ZodType<T>, fallback: T): T {
  const row = q.select().from(settings).where(eq(settings.key, key)).get();
  return row ? schema.parse(JSON.parse(row.value)) : fallback;
}

function writeKey(q: Queryable, key: string, value: unknown, now: number): void {
  const json = JSON.stringify(value);
  q.insert(settings)
    .values({ key, value: json, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now } })
    .run();
}

export function readChannels(q: Queryable): StoredChannels {
  return readKey(q, CHANNELS_KEY, storedChannels, DEFAULT_CHANNELS);
}

function readSecrets(q: Queryable): StoredSecrets {
  return readKey(q, SECRETS_KEY, storedSecrets, NO_SECRETS);
}

/** The secrets opened, for the providers only (lookup.ts); null where unset or unreadable. */
export function openSecrets(q: Queryable, box: SecretBox): { sms: string | null; email: string | null } {
  const sealed = readSecrets(q);
  return {
    sms: sealed.sms === null ? null : box.open(SMS_SECRET_LABEL, sealed.sms),
    email: sealed.email === null ? null : box.open(EMAIL_SECRET_LABEL, sealed.email),
  };
}

function stateOf(box: SecretBox, label: string, sealed: string | null): SecretState {
  if (sealed === null) return 'notSet';
  return box.open(label, sealed) === null ? 'unreadable' : 'set';
}

/** Every event gets a row, so the card lists them all (an empty code = no SMS for that event). */
function allEvents(codes: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(MESSAGE_EVENTS.map((event) => [event, codes[event] ?? '']));
}

export function channelsView(q: Queryable, box: SecretBox): ChannelsView {
  const stored = readChannels(q);
  const sealed = readSecrets(q);
  return {
    sms: {
      ...stored.sms,
      templateCodes: allEvents(stored.sms.templateCodes),
      accessKeySecret: stateOf(box, SMS_SECRET_LABEL, sealed.sms),
    },
    email: { ...stored.email, password: stateOf(box, EMAIL_SECRET_LABEL, sealed.email) },
    secretsKeptBy: box.keptBy,
  };
}

export function secretBoxOf(deps: Deps): SecretBox {
  if (!deps.secrets) throw new AppError('internal', {}, 'no secret box in this process');
  return deps.secrets;
}

/**
 * A secret after a change: whether one will be there (the checks need that) and how to get its sealed
 * text, which is made only once the checks passed, so a refused save touches nothing, key file included.
 * A kept secret this PC cannot open is refused: it must be typed again.
 */
function secretAfter(
  box: SecretBox,
  label: string,
  current: string | null,
  change: SecretChange,
  path: string,
  channel: 'sms' | 'email',
): { present: boolean; sealed: () => string | null } {
  if (change.action === 'clear') return { present: false, sealed: () => null };
  if (change.action === 'replace') return { present: true, sealed: () => box.seal(label, change.value) };
  if (current !== null && box.open(label, current) === null)
    throw fieldError(path, 'channelSecretUnreadable', { channel }, `${label} cannot be opened on this PC`);
  return { present: current !== null, sealed: () => current };
}

function required(path: string, filled: boolean): void {
  if (!filled)
    throw fieldError(path, 'channelSettingRequired', {}, `${path} is required to turn the channel on`);
}

function checkSms(next: SmsSettings, secret: boolean): void {
  for (const event of Object.keys(next.templateCodes)) {
    if (!(MESSAGE_EVENTS as readonly string[]).includes(event))
      throw fieldError(`sms.templateCodes.${event}`, 'unknownMessageEvent', { event }, `no event ${event}`);
  }
  const endpoint = smsEndpoint(next.endpoint);
  if (!endpoint.ok)
    throw fieldError('sms.endpoint', 'smsEndpointRefused', { problem: endpoint.problem }, 'bad SMS endpoint');
  if (!next.enabled) return;
  required('sms.accessKeyId', next.accessKeyId !== '');
  required('sms.accessKeySecret', secret);
  required('sms.signName', next.signName !== '');
}

function checkEmail(next: EmailSettings, secret: boolean): void {
  if (secret && next.username === '')
    throw fieldError('email.password', 'smtpPasswordWithoutAccount', {}, 'a password without its account');
  if (!next.enabled) return;
  required('email.host', next.host !== '');
  required('email.fromAddress', next.fromAddress !== '');
  required('email.password', next.username === '' || secret);
}

/** What the audit log keeps of a channel: its settings, and of its secret only set / replaced / cleared. */
function audited<T extends object>(
  settingsPart: T,
  secret: 'set' | 'notSet' | 'replaced',
): Record<string, unknown> {
  return { ...settingsPart, secret };
}

export function updateChannels(ctx: CallContext, input: ParsedInputOf<'channels.update'>): ChannelsView {
  const box = secretBoxOf(ctx.deps);
  const { db, now } = ctx.deps;
  const current = readChannels(db);
  const sealed = readSecrets(db);
  const next: StoredChannels = { ...current };
  const nextSecrets: StoredSecrets = { ...sealed };
  const audits: { key: 'sms' | 'email'; before: Record<string, unknown>; after: Record<string, unknown> }[] =
    [];
  const stateAfter = (change: SecretChange, present: boolean) =>
    change.action === 'replace' ? 'replaced' : present ? 'set' : 'notSet';

  // Every check first; sealing (which may make the key file) only once all passed.
  const sms = input.sms && {
    ...input.sms,
    secret: secretAfter(
      box,
      SMS_SECRET_LABEL,
      sealed.sms,
      input.sms.accessKeySecret,
      'sms.accessKeySecret',
      'sms',
    ),
  };
  const email = input.email && {
    ...input.email,
    secret: secretAfter(
      box,
      EMAIL_SECRET_LABEL,
      sealed.email,
      input.email.password,
      'email.password',
      'email',
    ),
  };
  if (sms) checkSms(sms, sms.secret.present);
  if (email) checkEmail(email, email.secret.present);

  if (sms) {
    const { accessKeySecret, secret, ...fields } = sms;
    // Codes left empty are not stored: an event without a code sends no SMS.
    next.sms = {
      ...fields,
      templateCodes: Object.fromEntries(
        Object.entries(fields.templateCodes).filter(([, code]) => code !== ''),
      ),
    };
    nextSecrets.sms = secret.sealed();
    audits.push({
      key: 'sms',
      before: audited(current.sms, sealed.sms === null ? 'notSet' : 'set'),
      after: audited(next.sms, stateAfter(accessKeySecret, secret.present)),
    });
  }
  if (email) {
    const { password, secret, ...fields } = email;
    next.email = fields;
    nextSecrets.email = secret.sealed();
    audits.push({
      key: 'email',
      before: audited(current.email, sealed.email === null ? 'notSet' : 'set'),
      after: audited(next.email, stateAfter(password, secret.present)),
    });
  }

  const actor = ctx.user && { id: ctx.user.id, username: ctx.user.username };
  db.transaction((tx) => {
    const at = now();
    writeKey(tx, CHANNELS_KEY, next, at);
    writeKey(tx, SECRETS_KEY, nextSecrets, at);
    for (const { key, before, after } of audits) {
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      writeAudit(tx, {
        at,
        actor,
        action: 'update',
        entity: 'settings',
        entityId: `channels.${key}`,
        before,
        after,
      });
    }
  });
  return channelsView(db, box);
}
