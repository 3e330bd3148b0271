import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Skeleton, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { useAppointment } from '../../api/appointments';
import { useCustomer } from '../../api/customers';
import { useSettings } from '../../api/settings';
import { deviceName, WarrantyTag } from '../../components/counterTags';
import '../../components/counter.css';
import { CustomerStep } from './CustomerStep';
import { DeviceStep } from './DeviceStep';
import { OrderStep, type OrderStart } from './OrderStep';
import { SERVICE_TYPES } from '@shared/schemas/workOrders';
import { errorMessage } from '../../i18n/errorMessage';
import { formatMinute } from '../../lib/format';

/** A link's start for the order step (the 保养 due list, a 维保合同): only values the form knows. */
function orderStart(params: URLSearchParams): OrderStart {
  const serviceType = SERVICE_TYPES.find((s) => s === params.get('serviceType'));
  const fault = params.get('fault');
  const contractId = params.get('contractId');
  return {
    ...(serviceType ? { serviceType } : {}),
    ...(fault ? { reportedFault: fault } : {}),
    ...(contractId ? { contractId } : {}),
  };
}

/**
 * 接机: customer → device → order, all by keyboard. Opened from the search box (?phone= for a new
 * customer), from a customer's page (?customerId=) or a device row (&deviceId=).
 */
function Intake() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [customerId, setCustomerId] = useState<string | null>(params.get('customerId'));
  const [deviceId, setDeviceId] = useState<string | null>(params.get('deviceId'));
  const customer = useCustomer(customerId ?? undefined);
  const settings = useSettings();
  // 预约到店: opened from an appointment (?appointmentId=), whose booking fills the order.
  const appointmentId = params.get('appointmentId');
  const appointment = useAppointment(appointmentId);
  const booked =
    appointment.data?.state === 'booked' &&
    appointment.data.customerId === customerId &&
    appointment.data.deviceId === deviceId
      ? appointment.data
      : null;

  const device = customer.data?.devices.find((d) => d.id === deviceId) ?? null;
  const step = !customerId ? 0 : !device ? 1 : 2;

  const saved = (order: WorkOrderDetail) => {
    void message.success(t('intake.saved', { orderNo: order.orderNo }));
    void navigate(`/work-orders/${order.id}`, { state: { created: true } });
  };

  let body;
  if (!customerId) {
    body = <CustomerStep initialText={params.get('phone') ?? ''} onPicked={setCustomerId} />;
  } else if (customer.isPending || settings.isPending || (appointmentId && appointment.isPending)) {
    body = <Skeleton active />;
  } else if (customer.isError || settings.isError) {
    body = <Alert type="error" showIcon title={errorMessage(customer.error ?? settings.error, t)} />;
  } else if (deviceId && !device && customer.isFetching) {
    // The device was just created: wait for the customer's list to include it.
    body = <Skeleton active />;
  } else if (!device) {
    body = <DeviceStep customerId={customerId} devices={customer.data.devices} onPicked={setDeviceId} />;
  } else {
    body = (
      <OrderStep
        customerId={customerId}
        device={device}
        counter={settings.data.counter}
        onSaved={saved}
        appointment={booked}
        start={orderStart(params)}
      />
    );
  }

  const c = customer.data?.customer;
  return (
    <Card title={t('intake.title')} data-testid="intake" data-step={step}>
      <Flex vertical gap="middle" className="intake-steps">
        <Steps
          size="small"
          current={step}
          items={[
            { title: t('intake.stepCustomer') },
            { title: t('intake.stepDevice') },
            { title: t('intake.stepOrder') },
          ]}
        />
        {booked && (
          <Alert
            type="info"
            showIcon
            data-testid="intake-appointment"
            title={t('appointments.fromAppointment', { time: formatMinute(booked.startAt) })}
            description={
              [booked.bay, booked.note && t('appointments.appointmentNote', { note: booked.note })]
                .filter(Boolean)
                .join(' · ') || undefined
            }
          />
        )}
        {c && (
          <Flex
            className="intake-summary"
            align="center"
            justify="space-between"
            data-testid="intake-chosen-customer"
          >
            <Flex gap="middle" align="baseline" wrap>
              <Typography.Text type="secondary">{t('intake.stepCustomer')}</Typography.Text>
              <Typography.Text strong>{c.name}</Typography.Text>
              <span>{c.phones[0]?.phone}</span>
              <Typography.Text type="secondary">{c.code}</Typography.Text>
              <Tag>{c.level}</Tag>
            </Flex>
            <Button
              size="small"
              onClick={() => {
                setCustomerId(null);
                setDeviceId(null);
              }}
              data-testid="intake-change-customer"
            >
              {t('intake.change')}
            </Button>
          </Flex>
        )}
        {device && (
          <Flex
            className="intake-summary"
            align="center"
            justify="space-between"
            data-testid="intake-chosen-device"
          >
            <Flex gap="middle" align="baseline" wrap>
              <Typography.Text type="secondary">{t('intake.stepDevice')}</Typography.Text>
              <Typography.Text type="secondary">{device.category}</Typography.Text>
              <Typography.Text strong>{deviceName(device)}</Typography.Text>
              {device.serialNo && <span>{device.serialNo}</span>}
              <WarrantyTag status={device.warrantyToday} />
            </Flex>
            <Button size="small" onClick={() => setDeviceId(null)} data-testid="intake-change-device">
              {t('intake.change')}
            </Button>
          </Flex>
        )}
        {body}
      </Flex>
    </Card>
  );
}

/** A fresh intake each time the page is opened, even from itself. */
export function IntakePage() {
  const location = useLocation();
  return <Intake key={location.key} />;
}
