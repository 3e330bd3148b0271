import { Alert, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LanStatus } from '@shared/schemas/lan';

/** Whether the host listens, where terminals reach it, and the fingerprint the person pairing compares. */
export function HostStatus({ status }: { status: LanStatus }) {
  const { t } = useTranslation();
  const state = status.running ? 'running' : status.settings.enabled ? 'failed' : 'off';
  const color = { running: 'green', failed: 'red', off: 'default' }[state];
  return (
    <Flex vertical gap="middle">
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 200 } }}>
        <Descriptions.Item label={t('lan.status.section')}>
          <Tag color={color} data-testid="lan-state" data-state={state}>
            {t(`lan.status.${state}`)}
          </Tag>
        </Descriptions.Item>
        {status.running && (
          <Descriptions.Item label={t('lan.status.addresses')}>
            {status.addresses.length === 0 ? (
              <Typography.Text type="secondary">{t('lan.status.noAddresses')}</Typography.Text>
            ) : (
              <Flex vertical gap={4} data-testid="lan-addresses">
                {status.addresses.map((a) => (
                  <Typography.Text key={a.url} copyable={{ text: a.url }} data-testid="lan-address-url">
                    {a.url}
                  </Typography.Text>
                ))}
              </Flex>
            )}
          </Descriptions.Item>
        )}
        {status.fingerprint && (
          <Descriptions.Item label={t('lan.status.fingerprint')}>
            <Flex vertical gap={4}>
              <Typography.Text
                className="lan-fingerprint"
                copyable={{ text: status.fingerprint }}
                data-testid="lan-fingerprint"
              >
                {status.fingerprint}
              </Typography.Text>
              <Typography.Text type="secondary">{t('lan.status.fingerprintHint')}</Typography.Text>
            </Flex>
          </Descriptions.Item>
        )}
      </Descriptions>
      {state === 'failed' && status.listenError && (
        <Alert
          type="error"
          showIcon
          title={t('errors.lanListenFailed', { ...status.settings, detail: status.listenError })}
          data-testid="lan-listen-error"
        />
      )}
    </Flex>
  );
}
