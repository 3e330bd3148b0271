import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { appointmentSettings, type AppointmentSettings } from '@shared/schemas/appointments';
import { useFormRules } from '../../components/formRules';
import { NumberInput } from '../../components/NumberInput';
import { numberOf, numberText } from '../../lib/numberText';
import { useSaveSettings } from './useSaveSettings';

const fields = appointmentSettings.shape;
const NUMBERS = ['slotMinutes', 'perTechnician', 'perBay', 'perSlot'] as const;
type NumberField = (typeof NUMBERS)[number];

/** The form's values: numbers as typed (never clamped: the rules refuse what is out of range). */
type Values = Record<NumberField, string> & Pick<AppointmentSettings, 'opensAt' | 'closesAt' | 'bays'>;

const whole = (text: string) => numberOf(text, 0) ?? 0;

/** 预约设置: slot length, capacity per technician / bay / slot, opening hours and the bays (工位). */
export function AppointmentSettingsForm({
  settings,
  readOnly,
}: {
  settings: AppointmentSettings;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { save, pending } = useSaveSettings(form);
  const rules = useFormRules();
  const clock = { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:MM' };

  return (
    <Form<Values>
      form={form}
      name="appointmentSettings"
      layout="vertical"
      data-testid="settings-appointments-form"
      initialValues={{
        ...Object.fromEntries(NUMBERS.map((k) => [k, numberText(settings[k])])),
        opensAt: settings.opensAt,
        closesAt: settings.closesAt,
        bays: settings.bays,
      }}
      disabled={readOnly}
      onFinish={(v) =>
        save({
          appointments: {
            ...Object.fromEntries(NUMBERS.map((k) => [k, whole(v[k])])),
            opensAt: v.opensAt,
            closesAt: v.closesAt,
            bays: v.bays,
          } as AppointmentSettings,
        })
      }
      style={{ maxWidth: 720 }}
    >
      <Row gutter={16}>
        {NUMBERS.map((k) => (
          <Col key={k} xs={12} md={6}>
            <Form.Item
              label={t(`appointments.settings.${k}`)}
              name={k}
              rules={[rules.whole(fields[k], { required: true })]}
            >
              <NumberInput data-testid={`settings-appointments-${k}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('appointments.settings.opensAt')}
            name="opensAt"
            rules={[{ required: true }, clock]}
          >
            <Input data-testid="settings-appointments-opensAt" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('appointments.settings.closesAt')}
            name="closesAt"
            rules={[{ required: true }, clock]}
          >
            <Input data-testid="settings-appointments-closesAt" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('appointments.settings.bays')}
            name="bays"
            extra={t('appointments.settings.baysHint')}
          >
            <Select mode="tags" open={false} data-testid="settings-appointments-bays" />
          </Form.Item>
        </Col>
      </Row>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={pending} data-testid="settings-appointments-submit">
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
