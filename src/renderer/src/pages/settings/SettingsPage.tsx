import { Alert, Card, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../api/settings';
import { useCan } from '../../app/session';
import { errorMessage } from '../../i18n/errorMessage';
import { BillingForm } from './BillingForm';
import { CounterForm } from './CounterForm';
import { SecurityForm } from './SecurityForm';
import { ShopProfileForm } from './ShopProfileForm';

/** Shop profile, counter settings, billing and security; roles without settings.write see the same forms, read-only. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const readOnly = !useCan('settings.write');

  if (settings.isPending) return <Skeleton active />;
  if (settings.isError) return <Alert type="error" showIcon title={errorMessage(settings.error, t)} />;

  return (
    <Flex vertical gap="middle">
      {readOnly && (
        <Alert type="info" showIcon title={t('common.readOnly')} data-testid="settings-read-only" />
      )}
      <Card title={t('settings.shopSection')}>
        <ShopProfileForm shop={settings.data.shop} readOnly={readOnly} />
      </Card>
      <Card title={t('settings.counterSection')}>
        <CounterForm counter={settings.data.counter} readOnly={readOnly} />
      </Card>
      <Card title={t('settlements.billing.section')} data-testid="settings-billing">
        <BillingForm billing={settings.data.billing} readOnly={readOnly} />
      </Card>
      <Card title={t('settings.securitySection')}>
        <SecurityForm security={settings.data.security} readOnly={readOnly} />
      </Card>
    </Flex>
  );
}
