import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';

/** The provider's answer to a test send, in its own words when it refused. */
export function TestSendResult({ result, testId }: { result: OutputOf<'channels.test'>; testId: string }) {
  const { t } = useTranslation();
  if (result.ok)
    return (
      <Alert
        type="success"
        showIcon
        title={t('channelSettings.testSent', { id: result.providerMessageId ?? '' })}
        data-testid={testId}
      />
    );
  return (
    <Alert
      type={result.retryable ? 'warning' : 'error'}
      showIcon
      title={t(result.retryable ? 'channelSettings.testFailedRetryable' : 'channelSettings.testFailed', {
        reason: result.reason,
      })}
      data-testid={testId}
    />
  );
}
