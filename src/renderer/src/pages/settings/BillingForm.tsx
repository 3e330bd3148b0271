import { Button, Col, Form, Radio, Row, Select, Switch, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  billingSettings,
  ROUNDING_METHODS,
  ROUNDING_UNITS,
  SERVICE_ITEM_KINDS,
  serviceItem,
  type BillingSettings,
  type ServiceItem,
} from '@shared/schemas/billing';
import { useFormRules } from '../../components/formRules';
import { fenToYuan, yuanToFen } from '../../lib/money';
import { NumberInput } from '../../components/NumberInput';
import { numberOf, numberText } from '../../lib/numberText';
import { TextInput } from '../../components/TextInput';
import { YuanInput } from '../../components/YuanInput';
import { useSaveSettings } from './useSaveSettings';

const itemFields = serviceItem.shape;

/** A service item as the form holds it: the price in 元 and the hours as typed. */
type ItemValues = Omit<ServiceItem, 'price' | 'hours'> & { price: string; hours: string };
type Values = Omit<BillingSettings, 'serviceItems' | 'discountLimitPercent' | 'quoteTolerance'> & {
  serviceItems: ItemValues[];
  discountLimitPercent: string;
  /** 元 as typed; fen in the settings. */
  quoteTolerance: string;
};

function toValues(billing: BillingSettings): Values {
  return {
    ...billing,
    serviceItems: billing.serviceItems.map((i) => ({
      ...i,
      price: fenToYuan(i.price),
      hours: numberText(i.hours),
    })),
    discountLimitPercent: numberText(billing.discountLimitPercent),
    quoteTolerance: fenToYuan(billing.quoteTolerance),
  };
}

function toBilling(values: Values): BillingSettings {
  return {
    ...values,
    serviceItems: values.serviceItems.map((i) => ({
      ...i,
      code: i.code.trim().toUpperCase(),
      name: i.name.trim(),
      price: yuanToFen(i.price) ?? 0,
      // A fee is flat: it has no standard hours.
      hours: i.kind === 'fee' ? 0 : (numberOf(i.hours, 1) ?? 0),
    })),
    discountLimitPercent: numberOf(values.discountLimitPercent, 0) ?? 0,
    // Required in the form: never empty here.
    quoteTolerance: yuanToFen(values.quoteTolerance) ?? 0,
  };
}

/** The same code twice in the list (case and spaces ignored, as the server stores it). */
function codeUsedTwice(form: FormInstance<Values>, index: number, code: unknown): boolean {
  if (typeof code !== 'string' || !code.trim()) return false;
  const items = (form.getFieldValue('serviceItems') ?? []) as ItemValues[];
  const key = code.trim().toUpperCase();
  return items.some((other, i) => i !== index && other.code.trim().toUpperCase() === key);
}

/**
 * 收费设置: the price list of labor and fees (收费项目), the rounding rule (抹零), the discount
 * limit above which a manager approves, whether labor below its price needs one, and how far the
 * lines may exceed the approved quote before the customer must approve again.
 */
export function BillingForm({ billing, readOnly }: { billing: BillingSettings; readOnly: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { save, pending } = useSaveSettings(form);
  const rules = useFormRules();
  const required = { required: true, message: t('validation.required') };

  return (
    <Form<Values>
      form={form}
      name="billing"
      layout="vertical"
      data-testid="settings-billing-form"
      initialValues={toValues(billing)}
      disabled={readOnly}
      onFinish={(values) => save({ billing: toBilling(values) })}
      style={{ maxWidth: 960 }}
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('settlements.billing.items')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('settlements.billing.itemsHelp')}</Typography.Paragraph>
      <Row gutter={8} style={{ fontWeight: 500, marginBottom: 4 }}>
        <Col span={3}>{t('settlements.billing.code')}</Col>
        <Col span={6}>{t('settlements.billing.name')}</Col>
        <Col span={4}>{t('settlements.billing.kind')}</Col>
        <Col span={4}>{t('settlements.billing.price')}</Col>
        <Col span={3}>{t('settlements.billing.hours')}</Col>
        <Col span={2}>{t('settlements.billing.active')}</Col>
        <Col span={2} />
      </Row>
      <Form.List
        name="serviceItems"
        rules={[
          {
            validator: (_, items: unknown[]) =>
              items.length > 0
                ? Promise.resolve()
                : Promise.reject(new Error(t('settlements.billing.itemsRequired'))),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => (
              <Row key={field.key} gutter={8} align="top" data-testid={`billing-item-${field.name}`}>
                <Col span={3}>
                  <Form.Item
                    name={[field.name, 'code']}
                    normalize={(value: unknown) => (typeof value === 'string' ? value.toUpperCase() : value)}
                    rules={[
                      required,
                      {
                        pattern: /^\s*[A-Za-z0-9_-]{1,20}\s*$/,
                        message: t('settlements.billing.codeFormat'),
                      },
                      rules.text(itemFields.code),
                      {
                        validator: (_, code: unknown) =>
                          codeUsedTwice(form, field.name, code)
                            ? Promise.reject(new Error(t('settlements.billing.codeTaken')))
                            : Promise.resolve(),
                      },
                    ]}
                  >
                    <TextInput
                      schema={itemFields.code}
                      aria-label={t('settlements.billing.code')}
                      data-testid="billing-item-code"
                    />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[field.name, 'name']} rules={[required, rules.text(itemFields.name)]}>
                    <TextInput
                      schema={itemFields.name}
                      aria-label={t('settlements.billing.name')}
                      data-testid="billing-item-name"
                    />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[field.name, 'kind']} rules={[required]}>
                    <Select
                      aria-label={t('settlements.billing.kind')}
                      options={SERVICE_ITEM_KINDS.map((k) => ({
                        value: k,
                        label: t(`chargeKinds.${k}`),
                      }))}
                      data-testid="billing-item-kind"
                    />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item
                    name={[field.name, 'price']}
                    rules={[rules.money(itemFields.price, { required: true })]}
                  >
                    <YuanInput aria-label={t('settlements.billing.price')} data-testid="billing-item-price" />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item noStyle dependencies={[['serviceItems', field.name, 'kind']]}>
                    {({ getFieldValue }) => (
                      <Form.Item name={[field.name, 'hours']} rules={[rules.decimal(itemFields.hours, 1)]}>
                        <NumberInput
                          decimal
                          disabled={readOnly || getFieldValue(['serviceItems', field.name, 'kind']) === 'fee'}
                          style={{ width: '100%' }}
                          aria-label={t('settlements.billing.hours')}
                          data-testid="billing-item-hours"
                        />
                      </Form.Item>
                    )}
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Form.Item name={[field.name, 'active']} valuePropName="checked">
                    <Switch aria-label={t('settlements.billing.active')} data-testid="billing-item-active" />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  {!readOnly && (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('settlements.billing.removeItem')}
                      onClick={() => remove(field.name)}
                      data-testid="billing-item-remove"
                    />
                  )}
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            {!readOnly && (
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ code: '', name: '', kind: 'labor', price: '', hours: '1', active: true })
                }
                style={{ marginBottom: 24 }}
                data-testid="billing-item-add"
              >
                {t('settlements.billing.addItem')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('settlements.billing.roundingUnit')} name="roundingUnit">
            <Radio.Group
              data-testid="billing-rounding-unit"
              options={ROUNDING_UNITS.map((u) => ({
                value: u,
                label: t(`roundingUnits.${u}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('settlements.billing.roundingMethod')} name="roundingMethod">
            <Radio.Group
              data-testid="billing-rounding-method"
              options={ROUNDING_METHODS.map((m) => ({
                value: m,
                label: t(`roundingMethods.${m}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('settlements.billing.discountLimit')}
            name="discountLimitPercent"
            extra={t('settlements.billing.discountLimitHelp')}
            rules={[rules.whole(billingSettings.shape.discountLimitPercent, { required: true })]}
          >
            <NumberInput suffix="%" style={{ width: 160 }} data-testid="billing-discount-limit" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('settlements.billing.laborBelowPrice')}
            name="laborBelowPriceNeedsApproval"
            valuePropName="checked"
          >
            <Switch data-testid="billing-below-price" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('settlements.billing.quoteTolerance')}
            name="quoteTolerance"
            extra={t('settlements.billing.quoteToleranceHelp')}
            rules={[rules.money(billingSettings.shape.quoteTolerance, { required: true })]}
          >
            <YuanInput style={{ width: 160 }} data-testid="billing-quote-tolerance" />
          </Form.Item>
        </Col>
      </Row>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={pending} data-testid="settings-billing-submit">
          {t('settlements.billing.save')}
        </Button>
      )}
    </Form>
  );
}
