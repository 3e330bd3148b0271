import { Button, Col, Form, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  counterSettings,
  LABEL_SIZES,
  PRIORITIES,
  type CounterSettings,
  type Priority,
} from '@shared/schemas/settings';
import { useFormRules } from '../../components/formRules';
import { NumberInput } from '../../components/NumberInput';
import { numberOf, numberText } from '../../lib/numberText';
import { TextArea } from '../../components/TextInput';
import { useSaveSettings } from './useSaveSettings';

const fields = counterSettings.shape;
const slaFields = fields.slaHours.unwrap().shape;

/** The counter settings as the form holds them: the numbers as typed. */
type CounterValues = Omit<
  CounterSettings,
  'slaHours' | 'repairWarrantyDays' | 'pickupWaitDays' | 'categoryKinds'
> & {
  slaHours: Record<Priority, string>;
  repairWarrantyDays: string;
  pickupWaitDays: string;
  /** categoryKinds as the form holds it: the categories of each kind with fields of its own. */
  kindCategories: Record<FieldKind, string[]>;
};

/** The kinds that bring fields of their own; every other category is general. */
const FIELD_KINDS = ['vehicle', 'appliance'] as const;
type FieldKind = (typeof FIELD_KINDS)[number];

function toValues(counter: CounterSettings): CounterValues {
  return {
    ...counter,
    slaHours: Object.fromEntries(PRIORITIES.map((p) => [p, numberText(counter.slaHours[p])])) as Record<
      Priority,
      string
    >,
    repairWarrantyDays: numberText(counter.repairWarrantyDays),
    pickupWaitDays: numberText(counter.pickupWaitDays),
    kindCategories: {
      vehicle: Object.keys(counter.categoryKinds).filter((c) => counter.categoryKinds[c] === 'vehicle'),
      appliance: Object.keys(counter.categoryKinds).filter((c) => counter.categoryKinds[c] === 'appliance'),
    },
  };
}

/** The form's lists → the settings' map (a category in both lists is refused by the form's rule). */
function categoryKindsOf(lists: CounterValues['kindCategories']): CounterSettings['categoryKinds'] {
  return Object.fromEntries(FIELD_KINDS.flatMap((kind) => (lists[kind] ?? []).map((c) => [c, kind])));
}

const whole = (text: string) => numberOf(text, 0) ?? 0;

interface CounterFormProps {
  counter: CounterSettings;
  readOnly: boolean;
}

/** 柜台设置: customer levels, device categories, promised-date SLAs, repair warranty, intake receipt. */
export function CounterForm({ counter, readOnly }: CounterFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CounterValues>();
  const { save, pending } = useSaveSettings(form);
  const rules = useFormRules();
  const categoryList = Form.useWatch('deviceCategories', form);

  const submit = ({ kindCategories, ...values }: CounterValues) =>
    save({
      counter: {
        ...values,
        categoryKinds: categoryKindsOf(kindCategories),
        customerLevels: values.customerLevels.map((v) => v.trim()),
        deviceCategories: values.deviceCategories.map((v) => v.trim()),
        slaHours: {
          low: whole(values.slaHours.low),
          normal: whole(values.slaHours.normal),
          high: whole(values.slaHours.high),
          urgent: whole(values.slaHours.urgent),
        },
        repairWarrantyDays: whole(values.repairWarrantyDays),
        pickupWaitDays: whole(values.pickupWaitDays),
      },
    });

  return (
    <Form<CounterValues>
      form={form}
      name="counter"
      layout="vertical"
      data-testid="settings-counter-form"
      initialValues={toValues(counter)}
      disabled={readOnly}
      onFinish={submit}
      style={{ maxWidth: 720 }}
    >
      <Form.Item
        label={t('settings.customerLevels')}
        name="customerLevels"
        extra={t('settings.customerLevelsHelp')}
        rules={[rules.text(fields.customerLevels)]}
      >
        <Select mode="tags" tokenSeparators={[',', '，']} data-testid="settings-customer-levels" />
      </Form.Item>
      <Form.Item
        label={t('settings.deviceCategories')}
        name="deviceCategories"
        extra={t('settings.deviceCategoriesHelp')}
        rules={[rules.text(fields.deviceCategories)]}
      >
        <Select mode="tags" tokenSeparators={[',', '，']} data-testid="settings-device-categories" />
      </Form.Item>
      <Row gutter={16}>
        {FIELD_KINDS.map((kind) => (
          <Col key={kind} xs={24} md={12}>
            <Form.Item
              label={t(`settings.kindCategories.${kind}`)}
              name={['kindCategories', kind]}
              extra={t(`settings.kindCategoriesHelp.${kind}`)}
              dependencies={[['kindCategories', kind === 'vehicle' ? 'appliance' : 'vehicle']]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: string[] | undefined) => {
                    const other = new Set<string>(
                      getFieldValue(['kindCategories', kind === 'vehicle' ? 'appliance' : 'vehicle']) ?? [],
                    );
                    return (value ?? []).some((c) => other.has(c))
                      ? Promise.reject(new Error(t('settings.kindCategoriesBoth')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <Select
                mode="multiple"
                options={(categoryList ?? []).map((c) => ({ value: c, label: c }))}
                data-testid={`settings-kind-${kind}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item label={t('settings.slaHours')} extra={t('settings.slaHelp')} style={{ marginBottom: 8 }}>
        <Row gutter={16}>
          {PRIORITIES.map((p) => (
            <Col key={p} xs={12} md={6}>
              <Form.Item
                label={t(`priorities.${p}`)}
                name={['slaHours', p]}
                style={{ marginBottom: 8 }}
                rules={[rules.whole(slaFields[p], { required: true })]}
              >
                <NumberInput suffix={t('settings.hours')} data-testid={`settings-sla-${p}`} />
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
            rules={[rules.whole(fields.repairWarrantyDays, { required: true })]}
          >
            <NumberInput
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
            rules={[rules.whole(fields.pickupWaitDays, { required: true })]}
          >
            <NumberInput
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
        <Col xs={24} md={12}>
          <Form.Item label={t('settings.labelSize')} name="labelSize" extra={t('settings.labelSizeHelp')}>
            <Radio.Group
              data-testid="settings-label-size"
              options={LABEL_SIZES.map((size) => ({ value: size, label: t(`settings.labelSizes.${size}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('settings.terms')}
        name="terms"
        extra={t('settings.termsHelp')}
        rules={[rules.text(fields.terms)]}
      >
        <TextArea schema={fields.terms} autoSize={{ minRows: 4, maxRows: 10 }} data-testid="settings-terms" />
      </Form.Item>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={pending} data-testid="settings-counter-submit">
          {t('settings.saveCounter')}
        </Button>
      )}
    </Form>
  );
}
