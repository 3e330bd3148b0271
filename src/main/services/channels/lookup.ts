import type { Deps } from '../context';
import { createAliyunSmsProvider } from './aliyunSms';
import type { ProviderLookup } from './provider';
import type { SecretBox } from './secrets';
import { openSecrets, readChannels } from './settings';
import { createSmtpEmailProvider } from './smtpEmail';

/**
 * Deps.messageProviders: the provider for a channel as the settings say now (read on every call, so
 * a save or a restore takes effect on the next message), or null when the channel is off, incomplete,
 * or its secret cannot be opened on this PC.
 */
export function createProviderLookup(deps: Deps, box: SecretBox): ProviderLookup {
  return (channel) => {
    const stored = readChannels(deps.db);
    const secrets = openSecrets(deps.db, box);
    if (channel === 'sms') {
      const sms = stored.sms;
      if (!sms.enabled || secrets.sms === null || !sms.accessKeyId || !sms.signName) return null;
      return createAliyunSmsProvider(
        {
          accessKeyId: sms.accessKeyId,
          accessKeySecret: secrets.sms,
          signName: sms.signName,
          endpoint: sms.endpoint,
          templateCodes: sms.templateCodes,
        },
        { now: deps.now },
      );
    }
    const email = stored.email;
    if (!email.enabled || !email.host || !email.fromAddress) return null;
    if (email.username && secrets.email === null) return null;
    return createSmtpEmailProvider({ ...email, password: secrets.email ?? '' });
  };
}
