import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { AppError, fieldError } from '@shared/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { CallContext } from '../context';
import { readShop } from '../settings';
import { mainlandMobile } from './mobile';
import { MESSAGE_EVENTS, type MessageEvent, type OutgoingMessage } from './provider';
import { channelsView, secretBoxOf } from './settings';

const emailAddress = z.email();

function isEvent(value: string): value is MessageEvent {
  return (MESSAGE_EVENTS as readonly string[]).includes(value);
}

/**
 * A test message through the saved settings and the same lookup the outbox uses. The provider's
 * answer, refusal included, comes back as data for the card to show; only what stops us from asking
 * (a bad number, a channel not set up, a secret this PC cannot open) is refused.
 */
export async function testSend(
  ctx: CallContext,
  input: ParsedInputOf<'channels.test'>,
): Promise<OutputOf<'channels.test'>> {
  const { channel } = input;
  const event = input.event ?? 'readyForPickup';
  if (!isEvent(event)) throw fieldError('event', 'unknownMessageEvent', { event }, `no event ${event}`);
  let to: string;
  if (channel === 'sms') {
    const mobile = mainlandMobile(input.to);
    if (!mobile) throw fieldError('to', 'notAMobileNumber', {}, 'not a mainland mobile number');
    to = mobile;
  } else {
    if (!emailAddress.safeParse(input.to).success)
      throw fieldError('to', 'notAnEmailAddress', {}, 'not an e-mail address');
    to = input.to;
  }
  const view = channelsView(ctx.deps.db, secretBoxOf(ctx.deps));
  const secret = channel === 'sms' ? view.sms.accessKeySecret : view.email.password;
  if (secret === 'unreadable')
    throw new AppError('channelSecretUnreadable', { channel }, `the ${channel} secret cannot be opened here`);
  const provider = ctx.deps.messageProviders?.(channel) ?? null;
  if (!provider) throw new AppError('channelNotSetUp', { channel }, `${channel} is off or incomplete`);
  if (channel === 'sms' && !view.sms.templateCodes[event])
    throw fieldError('event', 'smsTemplateMissing', { event }, `no template code for ${event}`);

  const shop = readShop(ctx.deps.db);
  const shopName = shop?.name ?? '';
  const message: OutgoingMessage = {
    idempotencyKey: `test-${uuidv7()}`,
    event,
    to,
    subject: `测试邮件 · ${shopName}`,
    text: `这是${shopName}售后服务台发出的测试消息，收到即说明消息通道设置正确。`,
    // Sample values for the template's variables (the names templates use).
    params: {
      客户: '张先生',
      工单号: `${shop?.branchCode ?? 'BJ01'}-20260101-0001`,
      设备: 'iPhone 13',
      金额: '0.00',
      店名: shopName,
      电话: shop?.phone ?? '',
    },
  };
  const result = await provider.send(message);
  ctx.deps.log.info(`test ${channel} message ${result.ok ? 'accepted' : 'refused'} by the provider`);
  return result.ok
    ? { ok: true, providerMessageId: result.providerMessageId, retryable: false, reason: '' }
    : { ok: false, providerMessageId: null, retryable: result.retryable, reason: result.reason };
}
