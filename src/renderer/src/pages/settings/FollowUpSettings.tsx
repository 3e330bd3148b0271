import { Button, Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { afterSalesSettings, type AfterSalesSettings } from '@shared/schemas/settings';
import { SERVICE_TYPES } from '@shared/schemas/orderKinds';
import { useFormRules } from '../../components/formRules';
import { NumberInput } from '../../components/NumberInput';
import { numberOf, numberText } from '../../lib/numberText';
import { useSaveSettings } from './useSaveSettings';

type ServiceType = (typeof SERVICE_TYPES)[number];

const fields = afterSalesSettings.shape;
const dayFields = fields.followUpDays.unwrap().shape;

/** The follow-up settings as the form holds them: the numbers as typed. */
interface FollowUpValues {
  followUpDays: Record<ServiceType, string>;
  followUpMaxAttempts: string;
  followUpRetryDays: string;
  warrantyReminderDays: string;
}

function toValues(a: AfterSalesSettings): FollowUpValues {
  return {
    followUpDays: Object.fromEntries(SERVICE_TYPES.map((s) => [s, numberText(a.followUpDays[s])])) as Record<
      ServiceType,
      string
    >,
    followUpMaxAttempts: numberText(a.followUpMaxAttempts),
    followUpRetryDays: numberText(a.followUpRetryDays),
    warrantyReminderDays: numberText(a.warrantyReminderDays),
  };
}

const whole = (text: string) => numberOf(text, 0) ?? 0;

/**
 * 售后 → 回访: days after delivery per service type (0 = no call), tries and days between them, and
 * how far ahead the warranty-expiry call list looks. The
 * rest of the after-sales settings (complaint deadlines) is sent back as it is.
 */
export function FollowUpSettings({
  afterSales,
  readOnly,
}: {
  afterSales: AfterSalesSettings;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FollowUpValues>();
  const { save, pending } = useSaveSettings(form);
  const rules = useFormRules();

  const submit = (values: FollowUpValues) =>
    save({
      afterSales: {
        ...afterSales,
        followUpDays: Object.fromEntries(
          SERVICE_TYPES.map((s) => [s, whole(values.followUpDays[s])]),
        ) as AfterSalesSettings['followUpDays'],
        followUpMaxAttempts: whole(values.followUpMaxAttempts),
        followUpRetryDays: whole(values.followUpRetryDays),
        warrantyReminderDays: whole(values.warrantyReminderDays),
      },
    });

  return (
    <Form<FollowUpValues>
      form={form}
      name="followUpSettings"
      layout="vertical"
      data-testid="settings-follow-up-form"
      initialValues={toValues(afterSales)}
      disabled={readOnly}
      onFinish={submit}
      style={{ maxWidth: 720 }}
    >
      <Form.Item
        label={t('followUps.settings.days')}
        extra={t('followUps.settings.daysHelp')}
        style={{ marginBottom: 8 }}
      >
        <Row gutter={16}>
          {SERVICE_TYPES.map((s) => (
            <Col key={s} xs={12} md={8}>
              <Form.Item
                label={t(`serviceTypes.${s}`)}
                name={['followUpDays', s]}
                style={{ marginBottom: 8 }}
                rules={[rules.whole(dayFields[s], { required: true })]}
              >
                <NumberInput suffix={t('settings.days')} data-testid={`settings-follow-up-days-${s}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('followUps.settings.maxAttempts')}
            name="followUpMaxAttempts"
            extra={t('followUps.settings.maxAttemptsHelp')}
            rules={[rules.whole(fields.followUpMaxAttempts, { required: true })]}
          >
            <NumberInput
              suffix={t('followUps.settings.times')}
              style={{ width: 180 }}
              data-testid="settings-follow-up-max-attempts"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('followUps.settings.retryDays')}
            name="followUpRetryDays"
            extra={t('followUps.settings.retryDaysHelp')}
            rules={[rules.whole(fields.followUpRetryDays, { required: true })]}
          >
            <NumberInput
              suffix={t('settings.days')}
              style={{ width: 180 }}
              data-testid="settings-follow-up-retry-days"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('followUps.settings.warrantyReminderDays')}
            name="warrantyReminderDays"
            extra={t('followUps.settings.warrantyReminderDaysHelp')}
            rules={[rules.whole(fields.warrantyReminderDays, { required: true })]}
          >
            <NumberInput
              suffix={t('settings.days')}
              style={{ width: 180 }}
              data-testid="settings-warranty-reminder-days"
            />
          </Form.Item>
        </Col>
      </Row>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={pending} data-testid="settings-follow-up-submit">
          {t('followUps.settings.save')}
        </Button>
      )}
    </Form>
  );
}
