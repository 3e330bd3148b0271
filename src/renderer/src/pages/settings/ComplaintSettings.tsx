import { Button, Col, Form, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_SEVERITIES, type ComplaintSeverity } from '@shared/schemas/complaintKinds';
import { afterSalesSettings, type AfterSalesSettings } from '@shared/schemas/settings';
import { useFormRules } from '../../components/formRules';
import { NumberInput } from '../../components/NumberInput';
import { numberOf, numberText } from '../../lib/numberText';
import { useSaveSettings } from './useSaveSettings';

const hourFields = afterSalesSettings.shape.complaintHours.unwrap().shape;

type Deadline = { firstResponse: string; resolution: string };
type Values = { complaintHours: Record<ComplaintSeverity, Deadline> };

const whole = (text: string) => numberOf(text, 0) ?? 0;

/** 投诉时限: hours to the first response and to the resolution, per severity (afterSales.complaintHours). */
export function ComplaintSettings({
  afterSales,
  readOnly,
}: {
  afterSales: AfterSalesSettings;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { save, pending } = useSaveSettings(form);
  const rules = useFormRules();
  const initial: Values = {
    complaintHours: Object.fromEntries(
      COMPLAINT_SEVERITIES.map((s) => [
        s,
        {
          firstResponse: numberText(afterSales.complaintHours[s].firstResponse),
          resolution: numberText(afterSales.complaintHours[s].resolution),
        },
      ]),
    ) as Record<ComplaintSeverity, Deadline>,
  };

  const submit = (values: Values) =>
    save({
      // The other after-sales settings are kept as they are.
      afterSales: {
        ...afterSales,
        complaintHours: Object.fromEntries(
          COMPLAINT_SEVERITIES.map((s) => [
            s,
            {
              firstResponse: whole(values.complaintHours[s].firstResponse),
              resolution: whole(values.complaintHours[s].resolution),
            },
          ]),
        ) as AfterSalesSettings['complaintHours'],
      },
    });

  return (
    <Form<Values>
      form={form}
      name="complaintHours"
      layout="vertical"
      data-testid="settings-complaints-form"
      initialValues={initial}
      disabled={readOnly}
      onFinish={submit}
      style={{ maxWidth: 720 }}
    >
      <Typography.Paragraph type="secondary">{t('complaints.settings.help')}</Typography.Paragraph>
      {COMPLAINT_SEVERITIES.map((s) => (
        <Row key={s} gutter={16} align="bottom">
          <Col xs={24} md={4}>
            <Form.Item label={t('complaints.settings.severity')}>
              <strong>{t(`complaintSeverities.${s}`)}</strong>
            </Form.Item>
          </Col>
          <Col xs={12} md={10}>
            <Form.Item
              label={t('complaints.settings.firstResponse')}
              name={['complaintHours', s, 'firstResponse']}
              rules={[rules.whole(hourFields[s].shape.firstResponse, { required: true })]}
            >
              <NumberInput suffix={t('settings.hours')} data-testid={`settings-complaint-${s}-first`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={10}>
            <Form.Item
              label={t('complaints.settings.resolution')}
              name={['complaintHours', s, 'resolution']}
              dependencies={[['complaintHours', s, 'firstResponse']]}
              rules={[
                rules.whole(hourFields[s].shape.resolution, { required: true }),
                ({ getFieldValue }) => ({
                  validator: (_, value: string) => {
                    const first = numberOf(
                      String(getFieldValue(['complaintHours', s, 'firstResponse']) ?? ''),
                      0,
                    );
                    const resolution = numberOf(value ?? '', 0);
                    return first !== null && resolution !== null && first > resolution
                      ? Promise.reject(new Error(t('complaints.settings.firstAfterResolution')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <NumberInput suffix={t('settings.hours')} data-testid={`settings-complaint-${s}-resolution`} />
            </Form.Item>
          </Col>
        </Row>
      ))}
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={pending} data-testid="settings-complaints-save">
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
