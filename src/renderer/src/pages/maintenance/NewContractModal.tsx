import { App, Button, Checkbox, DatePicker, Form, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CONTRACT_COVERS, createContractInput, type ContractCovers } from '@shared/schemas/maintenance';
import { useCreateContract } from '../../api/maintenance';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { NumberInput } from '../../components/NumberInput';
import { TextInput } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';
import { numberOf } from '../../lib/numberText';
import { serverToday } from '../../lib/serverClock';
import { CustomerSelect, useCustomerDevices } from './CustomerDevicePicker';

const fields = createContractInput.shape;

interface Values {
  customerId?: string;
  deviceIds: string[];
  period: [Dayjs, Dayjs];
  visits: string;
  covers: ContractCovers;
  note?: string;
}

/** 新建维保合同: customer, covered devices, period, included visits, what it covers. */
export function NewContractModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<Values>();
  const customerId = Form.useWatch('customerId', form);
  const devices = useCustomerDevices(customerId);
  const create = useCreateContract();

  const submit = (v: Values) =>
    create.mutate(
      {
        customerId: v.customerId ?? '',
        deviceIds: v.deviceIds,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
        visits: numberOf(v.visits, 0) ?? 0,
        covers: v.covers,
        note: v.note ?? '',
      },
      {
        onSuccess: (c) => {
          void message.success(t('maintenance.contractSaved', { no: c.contractNo }));
          form.resetFields();
          onClose();
        },
        onError: (e) => {
          showFieldErrors(form, e, t);
          void message.error(errorMessage(e, t));
        },
      },
    );

  const today = serverToday();
  // A list or a date range: antd's whitespace check is for text, so these say "required" plainly.
  const picked = { required: true, message: t('validation.required') };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('maintenance.newContract')}
      footer={
        <Button
          type="primary"
          loading={create.isPending}
          onClick={() => form.submit()}
          data-testid="contract-save"
        >
          {t('maintenance.newContract')}
        </Button>
      }
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="contract-form"
        initialValues={{
          deviceIds: [],
          period: [today, today.add(1, 'year').subtract(1, 'day')],
          covers: 'both',
        }}
      >
        <Form.Item name="customerId" label={t('maintenance.customer')} rules={[rules.required]}>
          <CustomerSelect testId="contract-customer" />
        </Form.Item>
        <Form.Item
          name="deviceIds"
          label={t('maintenance.devices')}
          rules={[picked]}
          extra={customerId ? undefined : t('maintenance.pickCustomerFirst')}
        >
          <Checkbox.Group options={devices} data-testid="contract-devices" />
        </Form.Item>
        <Form.Item name="period" label={t('maintenance.period')} rules={[picked]}>
          <DatePicker.RangePicker data-testid="contract-period" />
        </Form.Item>
        <Form.Item
          name="visits"
          label={t('maintenance.visits')}
          rules={[rules.whole(fields.visits, { required: true })]}
        >
          <NumberInput data-testid="contract-visits" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="covers" label={t('maintenance.covers')}>
          <Radio.Group
            options={CONTRACT_COVERS.map((c) => ({ value: c, label: t(`contractCovers.${c}`) }))}
            data-testid="contract-covers"
          />
        </Form.Item>
        <Form.Item name="note" label={t('maintenance.note')} rules={[rules.text(fields.note)]}>
          <TextInput schema={fields.note} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
