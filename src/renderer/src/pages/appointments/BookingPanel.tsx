import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Skeleton, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppointmentRow, AppointmentSettings } from '@shared/schemas/appointments';
import { useCustomer } from '../../api/customers';
import { deviceName } from '../../components/counterTags';
import { errorMessage } from '../../i18n/errorMessage';
import { formatMinute } from '../../lib/format';
import { CustomerStep } from '../intake/CustomerStep';
import { DeviceStep } from '../intake/DeviceStep';
import { BookingForm, type BookingPrefill } from './BookingForm';

export interface BookingStart extends BookingPrefill {
  customerId?: string | null;
  deviceId?: string | null;
}

/**
 * 新预约 (a panel above the calendar, so the keyboard flows as in the intake): customer (found by phone tail, or new), device (one of theirs, or new), then the booking —
 * the intake's own first two steps, so a booking and a walk-in find and make customers alike.
 */
export function BookingPanel({
  start,
  settings,
  onClose,
}: {
  start: BookingStart;
  settings: AppointmentSettings;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [customerId, setCustomerId] = useState<string | null>(start.customerId ?? null);
  const [deviceId, setDeviceId] = useState<string | null>(start.deviceId ?? null);
  const customer = useCustomer(customerId ?? undefined);
  const device = customer.data?.devices.find((d) => d.id === deviceId) ?? null;
  const step = !customerId ? 0 : !device ? 1 : 2;

  const saved = (row: AppointmentRow) => {
    void message.success(
      t('appointments.saved', { time: formatMinute(row.startAt), name: row.customerName }),
    );
    onClose();
  };

  let body;
  if (!customerId) body = <CustomerStep initialText="" onPicked={setCustomerId} />;
  else if (customer.isPending || (deviceId && !device && customer.isFetching)) body = <Skeleton active />;
  else if (customer.isError) body = <Alert type="error" showIcon title={errorMessage(customer.error, t)} />;
  else if (!device)
    body = <DeviceStep customerId={customerId} devices={customer.data.devices} onPicked={setDeviceId} />;
  else
    body = (
      <BookingForm
        customerId={customerId}
        deviceId={device.id}
        settings={settings}
        prefill={start}
        onSaved={saved}
      />
    );

  const c = customer.data?.customer;
  return (
    <Card
      size="small"
      title={t('appointments.book')}
      extra={
        <Button size="small" onClick={onClose} data-testid="booking-close">
          {t('common.cancel')}
        </Button>
      }
    >
      <Flex vertical gap="middle" data-step={step} data-testid="booking-steps">
        <Steps
          size="small"
          current={step}
          items={[
            { title: t('appointments.stepCustomer') },
            { title: t('appointments.stepDevice') },
            { title: t('appointments.stepBooking') },
          ]}
        />
        {c && (
          <Flex gap="middle" align="baseline" wrap data-testid="booking-customer">
            <Typography.Text strong>{c.name}</Typography.Text>
            <span>{c.phones[0]?.phone}</span>
            <Tag>{c.level}</Tag>
            <Typography.Link
              onClick={() => {
                setCustomerId(null);
                setDeviceId(null);
              }}
            >
              {t('intake.change')}
            </Typography.Link>
          </Flex>
        )}
        {device && (
          <Flex gap="middle" align="baseline" wrap data-testid="booking-device">
            <Typography.Text type="secondary">{device.category}</Typography.Text>
            <Typography.Text strong>{deviceName(device)}</Typography.Text>
            <Typography.Link onClick={() => setDeviceId(null)}>{t('intake.change')}</Typography.Link>
          </Flex>
        )}
        {body}
      </Flex>
    </Card>
  );
}
