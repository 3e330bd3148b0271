import { Button, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type CounterSettings } from '@shared/schemas/settings';
import { useSaveSettings } from './useSaveSettings';

interface CounterFormProps {
  counter: CounterSettings;
  readOnly: boolean;
}

/** 柜台设置: customer levels, device categories, promised-date SLAs, repair warranty, intake receipt. */
export function CounterForm({ counter, readOnly }: CounterFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CounterSettings>();
  const { save, pending } = useSaveSettings(form);
  const required = { required: true, message: t('validation.required') };
  const list = (max: number) => [
    { required: true, type: 'array' as const, min: 1, message: t('settings.listRequired') },
    { type: 'array' as const, max, message: t('settings.listTooLong', { max }) },
    {
      validator: (_: unknown, value: unknown) =>
        Array.isArray(value) &&
        value.some((v) => typeof v !== 'string' || v.trim().length === 0 || v.length > 20)
          ? Promise.reject(new Error(t('settings.listItemLength')))
          : Promise.resolve(),
    },
  ];

  const submit = (values: CounterSettings) =>
    save({
      counter: {
        ...values,
        customerLevels: values.customerLevels.map((v) => v.trim()),
        deviceCategories: values.deviceCategories.map((v) => v.trim()),
      },
    });

  return (
    <Form<CounterSettings>
      form={form}
      name="counter"
      layout="vertical"
      data-testid="settings-counter-form"
      initialValues={counter}
      disabled={readOnly}
      onFinish={submit}
      style={{ maxWidth: 720 }}
    >
      <Form.Item
        label={t('settings.customerLevels')}
        name="customerLevels"
        extra={t('settings.customerLevelsHelp')}
        rules={list(20)}
      >
        <Select mode="tags" tokenSeparators={[',', '，']} data-testid="settings-customer-levels" />
      </Form.Item>
      <Form.Item
        label={t('settings.deviceCategories')}
        name="deviceCategories"
        extra={t('settings.deviceCategoriesHelp')}
        rules={list(50)}
      >
        <Select mode="tags" tokenSeparators={[',', '，']} data-testid="settings-device-categories" />
      </Form.Item>
      <Form.Item label={t('settings.slaHours')} extra={t('settings.slaHelp')} style={{ marginBottom: 8 }}>
        <Row gutter={16}>
          {PRIORITIES.map((p) => (
            <Col key={p} xs={12} md={6}>
              <Form.Item
                label={t(`priorities.${p}`)}
                name={['slaHours', p]}
                style={{ marginBottom: 8 }}
                rules={[required, { type: 'integer', min: 1, max: 24 * 90, message: t('settings.slaRange') }]}
              >
                <InputNumber
                  min={1}
                  max={24 * 90}
                  precision={0}
                  suffix={t('settings.hours')}
                  style={{ width: '100%' }}
                  data-testid={`settings-sla-${p}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('settings.repairWarrantyDays')}
            name="repairWarrantyDays"
            extra={t('settings.repairWarrantyHelp')}
            rules={[
              required,
              { type: 'integer', min: 0, max: 365, message: t('settings.repairWarrantyRange') },
            ]}
          >
            <InputNumber
              min={0}
              max={365}
              precision={0}
              suffix={t('settings.days')}
              style={{ width: 180 }}
              data-testid="settings-repair-warranty"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('reports.settings.pickupWaitDays')}
            name="pickupWaitDays"
            extra={t('reports.settings.pickupWaitHelp')}
            rules={[
              required,
              { type: 'integer', min: 1, max: 90, message: t('reports.settings.pickupWaitRange') },
            ]}
          >
            <InputNumber
              min={1}
              max={90}
              precision={0}
              suffix={t('settings.days')}
              style={{ width: 180 }}
              data-testid="settings-pickup-wait-days"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('settings.intakeCopies')} name="intakeCopies">
            <Radio.Group
              data-testid="settings-intake-copies"
              options={[
                { value: 1, label: t('settings.copies1') },
                { value: 2, label: t('settings.copies2') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('settings.terms')}
        name="terms"
        extra={t('settings.termsHelp')}
        rules={[{ max: 1000, message: t('validation.maxLength', { max: 1000 }) }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 10 }}
          maxLength={1000}
          showCount
          data-testid="settings-terms"
        />
      </Form.Item>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={pending} data-testid="settings-counter-submit">
          {t('settings.saveCounter')}
        </Button>
      )}
    </Form>
  );
}
