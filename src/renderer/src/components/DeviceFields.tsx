import { Col, DatePicker, Form, Row, Select, type FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/contract';
import { createDeviceInput, warrantyMonths, type Device } from '@shared/schemas/devices';
import { useFormRules } from './formRules';
import { serverToday } from '../lib/serverClock';
import { NumberInput } from './NumberInput';
import { numberOf } from '../lib/numberText';
import { fromIsoDate, toIsoDate } from '../lib/format';
import { TextInput } from './TextInput';
import { kindOfCategory, type DeviceKind } from '@shared/deviceKinds';
import { DeviceKindFields } from './DeviceKindFields';

const fields = createDeviceInput.shape;

type WarrantyMode = 'none' | 'end' | 'months';

export interface DeviceFormValues {
  category: string;
  brand?: string;
  model?: string;
  serialNo?: string;
  purchaseDate?: Dayjs | null;
  warrantyMode: WarrantyMode;
  warrantyEnd?: Dayjs | null;
  warrantyMonths?: string;
  invoiceNo?: string;
  notes?: string;
  // The kind's fields (DeviceKindFields).
  plateNo?: string;
  vin?: string;
  vinNoCheckDigit?: boolean;
  modelYear?: string;
  installAddress?: string;
  installDate?: Dayjs | null;
}

type DeviceFields = Omit<InputOf<'devices.update'>, 'id' | 'version'>;

/** Form values → the contract's device fields (dates as YYYY-MM-DD, the warranty as end or months). */
export function toDeviceInput(values: DeviceFormValues): DeviceFields {
  const warranty =
    values.warrantyMode === 'end' && values.warrantyEnd
      ? { end: toIsoDate(values.warrantyEnd) }
      : values.warrantyMode === 'months' && numberOf(values.warrantyMonths, 0) !== null
        ? { months: numberOf(values.warrantyMonths, 0) ?? 0 }
        : null;
  return {
    category: values.category,
    brand: values.brand ?? '',
    model: values.model ?? '',
    serialNo: values.serialNo ?? '',
    purchaseDate: values.purchaseDate ? toIsoDate(values.purchaseDate) : null,
    warranty,
    invoiceNo: values.invoiceNo ?? '',
    notes: values.notes ?? '',
    plateNo: values.plateNo ?? '',
    vin: values.vin ?? '',
    vinNoCheckDigit: values.vinNoCheckDigit ?? false,
    modelYear: numberOf(values.modelYear, 0),
    installAddress: values.installAddress ?? '',
    installDate: values.installDate ? toIsoDate(values.installDate) : null,
  };
}

export function deviceFormValues(device: Device | null, categories: string[]): DeviceFormValues {
  if (!device) return { category: categories[0] ?? '', warrantyMode: 'none' };
  return {
    category: device.category,
    brand: device.brand,
    model: device.model,
    serialNo: device.serialNo,
    purchaseDate: device.purchaseDate ? fromIsoDate(device.purchaseDate) : null,
    warrantyMode: device.warrantyEnd ? 'end' : 'none',
    warrantyEnd: device.warrantyEnd ? fromIsoDate(device.warrantyEnd) : null,
    invoiceNo: device.invoiceNo,
    notes: device.notes,
    plateNo: device.plateNo,
    vin: device.vin,
    vinNoCheckDigit: device.vinNoCheckDigit,
    modelYear: device.modelYear === null ? '' : String(device.modelYear),
    installAddress: device.installAddress,
    installDate: device.installDate ? fromIsoDate(device.installDate) : null,
  };
}

function upper(value: unknown): string {
  return typeof value === 'string' ? value.toUpperCase() : '';
}

interface DeviceFieldsProps {
  categories: string[];
  /** The shop's category → kind mapping (设置): which extra fields the category asks for. */
  categoryKinds: Readonly<Record<string, DeviceKind>>;
  /** Focus the first field when shown (inline in the intake). */
  autoFocus?: boolean;
  /** The intake shows the essentials only; the modal shows invoice and notes as well. */
  full?: boolean;
  /** Fields per row on a wide screen: 3 inline in a page, 2 in a modal. */
  perRow?: 2 | 3;
}

/**
 * A device's fields inside an antd Form. The maker's warranty is given either as an end date or
 * as months from the purchase date (the server computes the end).
 */
export function DeviceFieldsInputs({
  categories,
  categoryKinds,
  autoFocus,
  full,
  perRow = 3,
}: DeviceFieldsProps) {
  const span = perRow === 3 ? 8 : 12;
  const { t } = useTranslation();
  const rules = useFormRules();
  const form = Form.useFormInstance<DeviceFormValues>();
  // At least one of brand, model or serial (the same rule as devices.create / devices.update).
  const identity: FormRule = ({ getFieldValue }) => ({
    validator: () =>
      (['brand', 'model', 'serialNo'] as const).some((f) => String(getFieldValue(f) ?? '').trim())
        ? Promise.resolve()
        : Promise.reject(new Error(t('devices.identityNeeded'))),
  });
  const mode = Form.useWatch('warrantyMode', form) ?? 'none';
  // A category the shop has since removed stays selectable on the device that has it.
  const current = Form.useWatch('category', form);
  const options = [...new Set([...categories, ...(current ? [current] : [])])].map((c) => ({
    value: c,
    label: c,
  }));

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={span}>
          <Form.Item label={t('devices.category')} name="category" rules={[rules.required]}>
            <Select
              autoFocus={autoFocus}
              showSearch
              options={options}
              data-testid="device-category"
              aria-label={t('devices.category')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={span}>
          <Form.Item
            label={t('devices.brand')}
            name="brand"
            dependencies={['model', 'serialNo']}
            rules={[rules.text(fields.brand), identity]}
          >
            <TextInput schema={fields.brand} data-testid="device-brand" />
          </Form.Item>
        </Col>
        <Col xs={24} md={span}>
          <Form.Item
            label={t('devices.model')}
            name="model"
            dependencies={['brand', 'serialNo']}
            rules={[rules.text(fields.model), identity]}
          >
            <TextInput schema={fields.model} data-testid="device-model" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={span}>
          <Form.Item
            label={t('devices.serialNo')}
            name="serialNo"
            normalize={upper}
            dependencies={['brand', 'model']}
            rules={[rules.text(fields.serialNo), identity]}
          >
            <TextInput schema={fields.serialNo} data-testid="device-serial" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={span}>
          <Form.Item label={t('devices.purchaseDate')} name="purchaseDate">
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(serverToday(), 'day')}
              data-testid="device-purchase"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={span}>
          <Form.Item label={t('devices.warranty')} required={false}>
            <div style={{ display: 'flex', gap: 8 }}>
              <Form.Item name="warrantyMode" noStyle>
                <Select
                  style={{ width: 110, flex: 'none' }}
                  aria-label={t('devices.warranty')}
                  data-testid="device-warranty-mode"
                  options={[
                    { value: 'none', label: t('devices.warrantyNone') },
                    { value: 'end', label: t('devices.warrantyByEnd') },
                    { value: 'months', label: t('devices.warrantyByMonths') },
                  ]}
                />
              </Form.Item>
              {mode === 'end' && (
                <Form.Item
                  name="warrantyEnd"
                  noStyle
                  rules={[{ required: true, message: t('devices.warrantyEndRequired') }]}
                >
                  <DatePicker
                    style={{ flex: 1 }}
                    aria-label={t('devices.warrantyEnd')}
                    placeholder={t('devices.warrantyEnd')}
                    data-testid="device-warranty-end"
                  />
                </Form.Item>
              )}
              {mode === 'months' && (
                <Form.Item
                  name="warrantyMonths"
                  noStyle
                  dependencies={['purchaseDate']}
                  rules={[
                    { required: true, message: t('devices.monthsRequired') },
                    rules.whole(warrantyMonths),
                    ({ getFieldValue }) => ({
                      validator: () =>
                        getFieldValue('purchaseDate')
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('devices.monthsNeedPurchase'))),
                    }),
                  ]}
                >
                  <NumberInput
                    style={{ flex: 1 }}
                    suffix={t('devices.monthsUnit')}
                    aria-label={t('devices.warrantyMonths')}
                    data-testid="device-warranty-months"
                  />
                </Form.Item>
              )}
            </div>
          </Form.Item>
        </Col>
      </Row>
      <DeviceKindFields kind={kindOfCategory(categoryKinds, String(current ?? ''))} span={span} />
      {full && (
        <Row gutter={16}>
          <Col xs={24} md={span}>
            <Form.Item label={t('devices.invoiceNo')} name="invoiceNo" rules={[rules.text(fields.invoiceNo)]}>
              <TextInput schema={fields.invoiceNo} data-testid="device-invoice" />
            </Form.Item>
          </Col>
          <Col xs={24} md={perRow === 3 ? 16 : 24}>
            <Form.Item label={t('devices.notes')} name="notes" rules={[rules.text(fields.notes)]}>
              <TextInput schema={fields.notes} data-testid="device-notes" />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
