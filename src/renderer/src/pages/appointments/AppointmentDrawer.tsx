import { useRef, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { cancelAppointmentInput, type AppointmentRow } from '@shared/schemas/appointments';
import { useCancelAppointment, useNoShow } from '../../api/appointments';
import { useCan } from '../../api/session';
import { useFormRules } from '../../components/formRules';
import { TextInput } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';
import { formatMinute } from '../../lib/format';
import { StateTag } from './StateTag';

/** Where 到店 goes: the intake, prefilled from the appointment (IntakePage reads appointmentId). */
export function intakeUrl(a: AppointmentRow): string {
  const q = new URLSearchParams({ customerId: a.customerId, deviceId: a.deviceId, appointmentId: a.id });
  return `/intake?${q.toString()}`;
}

/** One appointment: what was booked, and its moves — 到店 (the intake), 爽约 once late, 取消 with a reason. */
export function AppointmentDrawer({ row, onClose }: { row: AppointmentRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const rules = useFormRules();
  const canWrite = useCan('appointments.write');
  const canIntake = useCan('workOrders.write');
  const noShow = useNoShow();
  const cancel = useCancelAppointment();
  const [cancelling, setCancelling] = useState(false);
  // 到店 takes the focus when the drawer opens: Enter goes on to the intake.
  const arriveRef = useRef<HTMLButtonElement>(null);
  const booked = row.state === 'booked';
  const error = noShow.error ?? cancel.error;

  return (
    <Drawer
      open
      width={520}
      autoFocus={false}
      afterOpenChange={(opened) => opened && arriveRef.current?.focus()}
      title={t('appointments.title')}
      onClose={onClose}
    >
      <Flex vertical gap="middle" data-testid="appointment-drawer">
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('appointments.time')}>
            {formatMinute(row.startAt)} – {formatMinute(row.endAt).slice(11)}
          </Descriptions.Item>
          <Descriptions.Item label={t('appointments.state')}>
            <StateTag row={row} />
          </Descriptions.Item>
          <Descriptions.Item label={t('appointments.customer')}>
            <Link to={`/customers/${row.customerId}`}>{row.customerName}</Link> {row.phone}
          </Descriptions.Item>
          <Descriptions.Item label={t('appointments.device')}>{row.deviceLabel}</Descriptions.Item>
          <Descriptions.Item label={t('appointments.serviceType')}>
            {t(`serviceTypes.${row.serviceType}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('appointments.fault')}>{row.fault}</Descriptions.Item>
          <Descriptions.Item label={t('appointments.channel')}>
            {t(`appointmentChannels.${row.channel}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('appointments.technician')}>
            {row.technicianName ?? t('appointments.unassigned')}
          </Descriptions.Item>
          <Descriptions.Item label={t('appointments.bay')}>
            {row.bay ?? t('appointments.unassigned')}
          </Descriptions.Item>
          {row.note && <Descriptions.Item label={t('appointments.note')}>{row.note}</Descriptions.Item>}
          {row.cancelReason && (
            <Descriptions.Item label={t('appointments.cancelReason')}>{row.cancelReason}</Descriptions.Item>
          )}
          {row.workOrderId && (
            <Descriptions.Item label={t('appointments.order')}>
              <Link to={`/work-orders/${row.workOrderId}`}>{row.orderNo}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
        {row.late && <Tag color="orange">{t('appointments.lateHint')}</Tag>}
        {error && <Alert type="error" showIcon title={errorMessage(error, t)} />}
        {booked && canWrite && (
          <Flex gap="small" wrap>
            {canIntake && (
              <Button
                type="primary"
                ref={arriveRef}
                onClick={() => void navigate(intakeUrl(row))}
                data-testid="appointment-arrive"
              >
                {t('appointments.arrive')}
              </Button>
            )}
            {row.late && (
              <Button
                loading={noShow.isPending}
                onClick={() =>
                  noShow.mutate(row.id, {
                    onSuccess: () => {
                      void message.success(t('appointments.noShowDone'));
                      onClose();
                    },
                  })
                }
                data-testid="appointment-no-show"
              >
                {t('appointments.noShow')}
              </Button>
            )}
            <Button danger onClick={() => setCancelling(true)} data-testid="appointment-cancel">
              {t('appointments.cancel')}
            </Button>
          </Flex>
        )}
        {cancelling && booked && (
          <Form<{ reason: string }>
            layout="vertical"
            onFinish={(v) =>
              cancel.mutate(
                { id: row.id, reason: v.reason },
                {
                  onSuccess: () => {
                    void message.success(t('appointments.cancelled'));
                    onClose();
                  },
                },
              )
            }
          >
            <Form.Item
              label={t('appointments.cancelReason')}
              name="reason"
              rules={[rules.text(cancelAppointmentInput.shape.reason)]}
            >
              <TextInput
                schema={cancelAppointmentInput.shape.reason}
                autoFocus
                data-testid="appointment-cancel-reason"
              />
            </Form.Item>
            <Button
              danger
              htmlType="submit"
              loading={cancel.isPending}
              data-testid="appointment-cancel-confirm"
            >
              {t('appointments.cancel')}
            </Button>
          </Form>
        )}
      </Flex>
    </Drawer>
  );
}
