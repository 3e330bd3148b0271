import { useEffect } from 'react';
import { Alert, Card, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useSettings } from '../../api/settings';
import { useCan } from '../../api/session';
import { Forbidden } from '../../components/Forbidden';
import { errorMessage } from '../../i18n/errorMessage';
import { AppointmentSettingsForm } from './AppointmentSettingsForm';
import { BillingForm } from './BillingForm';
import { ChannelSettings } from './channels/ChannelSettings';
import { ComplaintSettings } from './ComplaintSettings';
import { CounterForm } from './CounterForm';
import { FollowUpSettings } from './FollowUpSettings';
import { HandoverSettingsForm } from './HandoverSettingsForm';
import { SecurityForm } from './SecurityForm';
import { ShopProfileForm } from './ShopProfileForm';

/** The sections an address can open (`#/settings/billing`). */
const SECTIONS = ['shop', 'counter', 'billing', 'afterSales', 'security', 'channels'] as const;
type Section = (typeof SECTIONS)[number];

function isSection(value: string | undefined): value is Section {
  return value !== undefined && (SECTIONS as readonly string[]).includes(value);
}

/** Shop profile, counter settings, billing and security; roles without settings.write see the same forms, read-only. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const readOnly = !useCan('settings.write');
  const manageChannels = useCan('channels.manage');
  const { section } = useParams();
  const loaded = settings.isSuccess;

  useEffect(() => {
    if (loaded && isSection(section)) document.getElementById(`settings-${section}`)?.scrollIntoView();
  }, [loaded, section]);

  if (section !== undefined && !isSection(section)) return <Forbidden notFound />;
  if (settings.isPending) return <Skeleton active />;
  if (settings.isError) return <Alert type="error" showIcon title={errorMessage(settings.error, t)} />;

  return (
    <Flex vertical gap="middle">
      {readOnly && (
        <Alert
          type="warning"
          showIcon
          title={t('settings.readOnly')}
          description={t('settings.readOnlyHint')}
          data-testid="settings-read-only"
        />
      )}
      <Card title={t('settings.shopSection')} id="settings-shop">
        <ShopProfileForm shop={settings.data.shop} readOnly={readOnly} />
      </Card>
      <Card title={t('settings.counterSection')} id="settings-counter">
        <CounterForm counter={settings.data.counter} readOnly={readOnly} />
      </Card>
      <Card title={t('settlements.billing.section')} id="settings-billing" data-testid="settings-billing">
        <BillingForm billing={settings.data.billing} readOnly={readOnly} />
      </Card>
      <Card
        title={t('followUps.settings.section')}
        id="settings-afterSales"
        data-testid="settings-after-sales"
      >
        <FollowUpSettings afterSales={settings.data.afterSales} readOnly={readOnly} />
      </Card>
      <Card title={t('handover.settings.title')} id="settings-handover" data-testid="settings-handover">
        <HandoverSettingsForm handover={settings.data.handover} readOnly={readOnly} />
      </Card>
      <Card
        title={t('appointments.settings.title')}
        id="settings-appointments"
        data-testid="settings-appointments"
      >
        <AppointmentSettingsForm settings={settings.data.appointments} readOnly={readOnly} />
      </Card>
      <Card title={t('complaints.settings.title')} id="settings-complaints" data-testid="settings-complaints">
        <ComplaintSettings afterSales={settings.data.afterSales} readOnly={readOnly} />
      </Card>
      <Card title={t('settings.securitySection')} id="settings-security">
        <SecurityForm security={settings.data.security} readOnly={readOnly} />
      </Card>
      {manageChannels && (
        <Card title={t('channelSettings.section')} id="settings-channels" data-testid="settings-channels">
          <ChannelSettings />
        </Card>
      )}
    </Flex>
  );
}
