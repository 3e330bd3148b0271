import type {
  MessageProvider,
  OutgoingMessage,
  ProviderLookup,
  SendResult,
} from '../../src/main/services/channels/provider';

/**
 * A provider double for the outbox tests: it records every message handed to it and answers from a
 * script (ok by default). `delivered` counts distinct idempotency keys, as a deduping gateway would.
 */
export class ProviderDouble implements MessageProvider {
  readonly sent: OutgoingMessage[] = [];
  /** Answers for the next sends, in order; when empty, every send succeeds. */
  readonly script: SendResult[] = [];

  constructor(readonly channel: 'sms' | 'email' = 'sms') {}

  send(message: OutgoingMessage): Promise<SendResult> {
    this.sent.push(message);
    return Promise.resolve(this.script.shift() ?? { ok: true, providerMessageId: `pm-${this.sent.length}` });
  }

  get delivered(): number {
    return new Set(this.sent.map((m) => m.idempotencyKey)).size;
  }
}

export function lookupOf(...providers: ProviderDouble[]): ProviderLookup {
  return (channel) => providers.find((p) => p.channel === channel) ?? null;
}
