import { Checkbox, Col, DatePicker, Form, Row, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceKind } from '@shared/deviceKinds';
import { createDeviceInput } from '@shared/schemas/devices';
import { isValidPlate, normalizePlate } from '@shared/plate';
import { normalizeVin, vinProblem } from '@shared/vin';
import { useFormRules } from './formRules';
import { serverToday } from '../lib/serverClock';
import { NumberInput } from './NumberInput';
import { TextInput } from './TextInput';

const fields = createDeviceInput.shape;

function upper(value: unknown): string {
  return typeof value === 'string' ? value.toUpperCase() : '';
}

/**
 * The fields a category's kind asks for (设置 maps categories to kinds): a vehicle's plate, VIN and
 * model year (make and model are the brand and model above); an appliance's installation address and
 * date. The plate and VIN are checked by the same validators as the server (src/shared/plate.ts, vin.ts).
 */
export function DeviceKindFields({ kind, span }: { kind: DeviceKind; span: number }) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const form = Form.useFormInstance();
  const vin = normalizeVin(String(Form.useWatch('vin', form) ?? ''));
  const confirmed = Form.useWatch('vinNoCheckDigit', form) === true;

  const plateRule: FormRule = {
    validator: (_, value: unknown) => {
      const plate = normalizePlate(String(value ?? ''));
      return plate === '' || isValidPlate(plate)
        ? Promise.resolve()
        : Promise.reject(new Error(t('fieldErrors.plateInvalid')));
    },
  };
  const vinRule: FormRule = ({ getFieldValue }) => ({
    validator: (_, value: unknown) => {
      const problem = vinProblem(normalizeVin(String(value ?? '')));
      if (String(value ?? '') === '' || problem === null) return Promise.resolve();
      if (problem === 'vinCheckDigit' && getFieldValue('vinNoCheckDigit') === true) return Promise.resolve();
      return Promise.reject(new Error(t(`fieldErrors.${problem}`)));
    },
  });

  if (kind === 'vehicle') {
    // The import confirmation is offered only where it applies: a VIN whose check digit is wrong.
    const offerImport = confirmed || (vin.length === 17 && vinProblem(vin) === 'vinCheckDigit');
    return (
      <Row gutter={16}>
        <Col xs={24} md={span}>
          <Form.Item label={t('devices.plateNo')} name="plateNo" normalize={upper} rules={[plateRule]}>
            <TextInput schema={fields.plateNo} data-testid="device-plate" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={span}>
          <Form.Item
            label={t('devices.vin')}
            name="vin"
            normalize={upper}
            dependencies={['vinNoCheckDigit']}
            rules={[vinRule]}
            extra={
              offerImport ? (
                <Form.Item name="vinNoCheckDigit" valuePropName="checked" noStyle>
                  <Checkbox data-testid="device-vin-import">{t('devices.vinNoCheckDigit')}</Checkbox>
                </Form.Item>
              ) : undefined
            }
          >
            <TextInput schema={fields.vin} data-testid="device-vin" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={span}>
          <Form.Item label={t('devices.modelYear')} name="modelYear" rules={[rules.whole(fields.modelYear)]}>
            <NumberInput data-testid="device-model-year" />
          </Form.Item>
        </Col>
      </Row>
    );
  }
  if (kind === 'appliance') {
    return (
      <Row gutter={16}>
        <Col xs={24} md={span * 2 > 24 ? 24 : span * 2}>
          <Form.Item
            label={t('devices.installAddress')}
            name="installAddress"
            rules={[rules.text(fields.installAddress)]}
          >
            <TextInput schema={fields.installAddress} data-testid="device-install-address" />
          </Form.Item>
        </Col>
        <Col xs={24} md={span}>
          <Form.Item label={t('devices.installDate')} name="installDate">
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(serverToday(), 'day')}
              data-testid="device-install-date"
            />
          </Form.Item>
        </Col>
      </Row>
    );
  }
  return null;
}
