import { useEffect } from 'react';
import { Alert, Button, Col, DatePicker, Flex, Form, Row, Select } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  APPOINTMENT_CHANNELS,
  bookAppointmentInput,
  type AppointmentChannel,
  type AppointmentRow,
  type AppointmentSettings,
} from '@shared/schemas/appointments';
import { SERVICE_TYPES } from '@shared/schemas/orderKinds';
import { useBookAppointment } from '../../api/appointments';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { TechnicianSelect } from '../../components/TechnicianSelect';
import { TextArea, TextInput } from '../../components/TextInput';
import { errorMessage, refusalOf } from '../../i18n/errorMessage';
import { serverToday } from '../../lib/serverClock';
import { atClock, nextSlot, slotTimes } from './slots';

const fields = bookAppointmentInput.shape;

export interface BookingPrefill {
  serviceType?: (typeof SERVICE_TYPES)[number];
  fault?: string;
  day?: Dayjs;
  time?: string;
  technicianId?: string | null;
  bay?: string | null;
}

interface BookingValues {
  fault: string;
  serviceType: (typeof SERVICE_TYPES)[number];
  day: Dayjs;
  time: string;
  slots: number;
  channel: AppointmentChannel;
  technicianId: string | null;
  bay: string | null;
  note?: string;
}

/**
 * Step 3 of a booking: what, when, who. The fault has the focus; Tab walks the form; Ctrl+Enter
 * saves. A collision (a full technician, bay or slot, closed hours) comes back from the server with
 * what it meets; 仍然预约 books it over the warning.
 */
export function BookingForm({
  customerId,
  deviceId,
  settings,
  prefill,
  onSaved,
}: {
  customerId: string;
  deviceId: string;
  settings: AppointmentSettings;
  prefill: BookingPrefill;
  onSaved: (row: AppointmentRow) => void;
}) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const [form] = Form.useForm<BookingValues>();
  const book = useBookAppointment();
  const next = nextSlot(serverToday(), settings);
  const collides = refusalOf(book.error)?.reason === 'appointmentCollides';

  const send = (values: BookingValues, confirmCollisions: boolean) =>
    book.mutate(
      {
        customerId,
        deviceId,
        serviceType: values.serviceType,
        fault: values.fault,
        startAt: atClock(values.day, values.time).valueOf(),
        slots: values.slots,
        channel: values.channel,
        technicianId: values.technicianId ?? null,
        bay: values.bay ?? null,
        note: values.note ?? '',
        confirmCollisions,
      },
      { onSuccess: onSaved, onError: (e) => showFieldErrors(form, e, t) },
    );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form]);

  return (
    <Form<BookingValues>
      form={form}
      name="booking"
      layout="vertical"
      data-testid="booking-form"
      initialValues={{
        serviceType: prefill.serviceType ?? 'repair',
        fault: prefill.fault ?? '',
        day: prefill.day ?? next.day,
        time: prefill.time ?? next.time,
        slots: 1,
        channel: 'phone',
        technicianId: prefill.technicianId ?? null,
        bay: prefill.bay ?? null,
      }}
      onValuesChange={() => book.reset()}
      onFinish={(values) => send(values, false)}
    >
      <Form.Item label={t('appointments.fault')} name="fault" rules={[rules.text(fields.fault)]}>
        <TextArea
          schema={fields.fault}
          autoFocus
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('appointments.faultPlaceholder')}
          data-testid="booking-fault"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item label={t('appointments.date')} name="day" rules={[{ required: true }]}>
            <DatePicker allowClear={false} style={{ width: '100%' }} data-testid="booking-day" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('appointments.startTime')} name="time" rules={[{ required: true }]}>
            <Select
              showSearch
              options={slotTimes(settings).map((s) => ({ value: s, label: s }))}
              data-testid="booking-time"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('appointments.slots')} name="slots">
            <Select
              options={[1, 2, 3, 4].map((n) => ({ value: n, label: `${n} × ${settings.slotMinutes}′` }))}
              data-testid="booking-slots"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('appointments.serviceType')} name="serviceType">
            <Select
              options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`serviceTypes.${s}`) }))}
              data-testid="booking-service-type"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item label={t('appointments.channel')} name="channel">
            <Select
              options={APPOINTMENT_CHANNELS.map((c) => ({ value: c, label: t(`appointmentChannels.${c}`) }))}
              data-testid="booking-channel"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('appointments.technician')} name="technicianId">
            <TechnicianSelect data-testid="booking-technician" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('appointments.bay')} name="bay">
            <Select
              allowClear
              disabled={settings.bays.length === 0}
              options={settings.bays.map((b) => ({ value: b, label: b }))}
              data-testid="booking-bay"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('appointments.note')} name="note" rules={[rules.text(fields.note)]}>
            <TextInput schema={fields.note} data-testid="booking-note" />
          </Form.Item>
        </Col>
      </Row>
      {book.error && (
        <Alert
          type={collides ? 'warning' : 'error'}
          showIcon
          title={errorMessage(book.error, t)}
          data-testid="booking-error"
          action={
            collides ? (
              <Button
                danger
                onClick={() => send(form.getFieldsValue(true) as BookingValues, true)}
                data-testid="booking-anyway"
              >
                {t('appointments.bookAnyway')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Flex gap="small">
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={book.isPending}
          data-testid="booking-submit"
        >
          {t('appointments.save')}
        </Button>
      </Flex>
    </Form>
  );
}
