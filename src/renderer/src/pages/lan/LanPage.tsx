import { Alert, Card, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanStatus } from '../../api/lan';
import { errorMessage } from '../../i18n/errorMessage';
import { HostStatus } from './HostStatus';
import { LanSettingsForm } from './LanSettingsForm';
import { PairingCodeCard } from './PairingCodeCard';
import { TerminalsTable } from './TerminalsTable';
import './lan.css';

/** 设置 → 局域网共享 (admin, at the host): host mode, where terminals reach it, pairing and terminals. */
export function LanPage() {
  const { t } = useTranslation();
  const status = useLanStatus();

  if (status.isPending) return <Skeleton active />;
  if (!status.data) return <Alert type="error" showIcon title={errorMessage(status.error, t)} />;

  return (
    <Flex vertical gap="middle" data-testid="lan-page">
      <Card title={t('lan.title')}>
        <Typography.Paragraph type="secondary">{t('lan.intro')}</Typography.Paragraph>
        <HostStatus status={status.data} />
      </Card>
      <Card title={t('lan.settings.section')}>
        <LanSettingsForm key={JSON.stringify(status.data.settings)} settings={status.data.settings} />
      </Card>
      <Card title={t('lan.code.section')}>
        <PairingCodeCard status={status.data} />
      </Card>
      <Card title={t('lan.terminals.section')}>
        <TerminalsTable />
      </Card>
    </Flex>
  );
}
