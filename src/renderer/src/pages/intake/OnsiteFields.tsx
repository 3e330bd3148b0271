import { useEffect } from 'react';
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TRAVEL_FEE_CODE, visitAtIntake } from '@shared/schemas/onsite';
import { useCustomer } from '../../api/customers';
import { useSettings } from '../../api/settings';
import { useTechnicians } from '../../api/workOrders';
import { useFormRules } from '../../components/formRules';
import { YuanInput } from '../../components/YuanInput';
import { fenToYuan } from '../../lib/money';

/** The visit as the intake form holds it: texts as typed, the fee in 元. */
export interface OnsiteValues {
  address?: string;
  day?: string;
  fromTime?: string;
  toTime?: string;
  technicianIds?: string[];
  travelFee?: string;
}

const fields = visitAtIntake.shape;

/**
 * 上门 at intake: shown when the channel is 上门, required then. The address starts from the
 * customer's, the fee from the 上门费 service item; both stay editable.
 */
export function OnsiteFields({ customerId }: { customerId: string }) {
  const form = Form.useFormInstance<{ onsite?: OnsiteValues }>();
  const { t } = useTranslation();
  const rules = useFormRules();
  const customer = useCustomer(customerId);
  const settings = useSettings();
  const technicians = useTechnicians();
  const address = customer.data?.customer.address;
  const fee = settings.data?.billing.serviceItems.find((i) => i.code === TRAVEL_FEE_CODE && i.active)?.price;

  // Fill the defaults once they are known, never over what was typed.
  useEffect(() => {
    const current = form.getFieldValue('onsite') ?? {};
    const next: OnsiteValues = { ...current };
    if (!current.address && address) next.address = address;
    if (current.travelFee === undefined && fee !== undefined) next.travelFee = fenToYuan(fee);
    form.setFieldsValue({ onsite: next });
  }, [form, address, fee]);

  return (
    <Row gutter={16} data-testid="intake-onsite">
      <Col xs={24} md={12}>
        <Form.Item
          label={t('onsite.address')}
          name={['onsite', 'address']}
          extra={t('onsite.addressHelp')}
          rules={[rules.text(fields.address)]}
        >
          <Input data-testid="intake-onsite-address" />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item label={t('onsite.day')} name={['onsite', 'day']} rules={[rules.text(fields.day)]}>
          <Input placeholder="YYYY-MM-DD" data-testid="intake-onsite-day" />
        </Form.Item>
      </Col>
      <Col xs={6} md={4}>
        <Form.Item
          label={t('onsite.from')}
          name={['onsite', 'fromTime']}
          rules={[rules.text(fields.fromTime)]}
        >
          <Input placeholder="09:00" data-testid="intake-onsite-from" />
        </Form.Item>
      </Col>
      <Col xs={6} md={4}>
        <Form.Item label={t('onsite.to')} name={['onsite', 'toTime']} rules={[rules.text(fields.toTime)]}>
          <Input placeholder="11:00" data-testid="intake-onsite-to" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('onsite.technicians')} name={['onsite', 'technicianIds']}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            loading={technicians.isPending}
            options={(technicians.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            data-testid="intake-onsite-technicians"
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          label={t('onsite.travelFee')}
          name={['onsite', 'travelFee']}
          rules={[rules.money(fields.travelFee)]}
        >
          <YuanInput data-testid="intake-onsite-fee" />
        </Form.Item>
      </Col>
    </Row>
  );
}
