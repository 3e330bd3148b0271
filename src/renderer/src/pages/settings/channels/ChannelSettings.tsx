import { Alert, Divider, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChannels } from '../../../api/channels';
import { errorMessage } from '../../../i18n/errorMessage';
import { EmailChannelForm } from './EmailChannelForm';
import { SmsChannelForm } from './SmsChannelForm';

/** 设置 → 消息通道 (managers and admins): the SMS account and the mailbox the outbox sends through. */
export function ChannelSettings() {
  const { t } = useTranslation();
  const channels = useChannels();
  if (channels.isPending) return <Skeleton active />;
  if (channels.isError) return <Alert type="error" showIcon title={errorMessage(channels.error, t)} />;
  const view = channels.data;
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="channels-intro">
        {t('channelSettings.intro', {
          keptBy: t(`channelSettings.keptBy.${view.secretsKeptBy}`),
          restore: t('channelSettings.restoreHint'),
        })}
      </Typography.Paragraph>
      <SmsChannelForm view={view.sms} />
      <Divider />
      <EmailChannelForm view={view.email} />
    </>
  );
}
