import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Device } from '@shared/schemas/devices';
import { createWorkOrderInput } from '@shared/schemas/workOrders';
import { useFormRules } from '../../components/formRules';
import { NumberInput } from '../../components/NumberInput';
import { TextInput } from '../../components/TextInput';
import { numberOf } from '../../lib/numberText';

const fields = createWorkOrderInput.shape;

/**
 * 进厂里程: a vehicle is received with its odometer reading (required). The last reading is shown;
 * a reading below it asks for the reason (meter replaced, typo on the last visit…), which the server
 * keeps on the reading and the timeline — it never takes a lower reading silently.
 */
export function MileageFields({ device }: { device: Device }) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const form = Form.useFormInstance();
  const typed = numberOf(String(Form.useWatch('mileageKm', form) ?? ''), 0);
  if (device.kind !== 'vehicle') return null;
  const last = device.lastMileageKm;
  const backwards = last !== null && typed !== null && typed < last;
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item
          label={t('intake.mileage')}
          name="mileageKm"
          extra={last === null ? undefined : t('devices.lastMileage', { km: last.toLocaleString() })}
          rules={[rules.whole(fields.mileageKm, { required: true })]}
        >
          <NumberInput suffix={t('intake.mileageUnit')} data-testid="intake-mileage" />
        </Form.Item>
      </Col>
      {backwards && (
        <Col xs={24} md={16}>
          <Form.Item
            label={t('intake.mileageReason')}
            name="mileageReason"
            rules={[
              rules.text(fields.mileageReason),
              { required: true, message: t('intake.mileageReasonNeeded') },
            ]}
          >
            <TextInput schema={fields.mileageReason} data-testid="intake-mileage-reason" />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
