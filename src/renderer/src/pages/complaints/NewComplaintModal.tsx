import { useState } from 'react';
import { App, Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintSeverity,
} from '@shared/schemas/complaintKinds';
import { createComplaintInput } from '@shared/schemas/complaints';
import { useComplaintStaff, useCreateComplaint } from '../../api/complaints';
import { useCustomer } from '../../api/customers';
import { searchTerm, useGlobalSearch } from '../../api/search';
import { FormModal } from '../../components/FormModal';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { TextArea } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';

interface Values {
  customerId: string;
  workOrderId?: string;
  staffUserId?: string;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  description: string;
  ownerId?: string;
}

/** The customer picker: type a phone (or its tail), a name or pinyin initials, as at intake. */
function CustomerPicker({
  value,
  onChange,
  known,
}: {
  value?: string;
  onChange?: (id: string) => void;
  /** The preset customer's name and phone, shown before anything is typed. */
  known?: { id: string; label: string };
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { query } = useGlobalSearch(text);
  const found = searchTerm(text) ? (query.data?.customers ?? []) : [];
  const options = found
    .filter((c) => !c.archived)
    .map((c) => ({
      value: c.id,
      label: `${c.name} ${c.phone}`,
      'data-testid': `complaint-customer-${c.id}`,
    }));
  if (known && !options.some((o) => o.value === known.id)) {
    options.unshift({ value: known.id, label: known.label, 'data-testid': `complaint-customer-${known.id}` });
  }
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(id: string) => onChange?.(id)}
      options={options}
      placeholder={t('complaints.form.customerPlaceholder')}
      notFoundContent={null}
      data-testid="complaint-customer"
    />
  );
}

/** 登记投诉: who, about which order and whom, how it came, what kind, how serious, what was said. */
export function NewComplaintModal({
  customerId,
  workOrderId,
  onClose,
  onCreated,
}: {
  customerId?: string;
  workOrderId?: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useFormRules();
  const create = useCreateComplaint();
  const staff = useComplaintStaff();
  const [error, setError] = useState<string | null>(null);
  const chosen = Form.useWatch('customerId', form) ?? customerId;
  const customer = useCustomer(chosen);
  const preset = useCustomer(customerId);
  const presetCustomer = preset.data?.customer;
  const known = presetCustomer
    ? {
        id: presetCustomer.id,
        label: `${presetCustomer.name} ${presetCustomer.phones[0]?.phone ?? ''}`.trim(),
      }
    : undefined;
  const orders = customer.data?.workOrders ?? [];
  const staffOptions = (staff.data ?? []).map((u) => ({
    value: u.id,
    label: `${u.displayName}（${t(`roles.${u.role}`)}）`,
  }));

  const submit = (values: Values) => {
    setError(null);
    create.mutate(
      {
        customerId: values.customerId,
        workOrderId: values.workOrderId ?? null,
        staffUserId: values.staffUserId ?? null,
        channel: values.channel,
        category: values.category,
        severity: values.severity,
        description: values.description,
        ownerId: values.ownerId ?? null,
      },
      {
        onSuccess: (c) => {
          void message.success(t('complaints.form.created', { no: c.complaintNo }));
          onCreated(c.id);
        },
        onError: (e) => {
          showFieldErrors(form, e, t);
          setError(errorMessage(e, t));
        },
      },
    );
  };

  return (
    <FormModal<Values>
      title={t('complaints.form.title')}
      testId="complaint"
      name="complaint"
      form={form}
      initialValues={{
        customerId,
        workOrderId,
        channel: 'counter',
        severity: 'minor',
        description: '',
      }}
      pending={create.isPending}
      error={error}
      submitText={t('complaints.form.submit')}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item label={t('complaints.form.customer')} name="customerId" rules={[rules.required]}>
        <CustomerPicker known={known} onChange={() => form.setFieldValue('workOrderId', undefined)} />
      </Form.Item>
      <Form.Item label={t('complaints.form.order')} name="workOrderId">
        <Select
          allowClear
          disabled={!chosen}
          placeholder={t('complaints.form.orderPlaceholder')}
          options={orders.map((o) => ({
            value: o.id,
            label: `${o.orderNo} · ${o.deviceLabel} · ${t(`statuses.${o.status}`)}`,
          }))}
          data-testid="complaint-order"
        />
      </Form.Item>
      <Form.Item label={t('complaints.form.channel')} name="channel" rules={[rules.required]}>
        <Radio.Group optionType="button" data-testid="complaint-channel">
          {COMPLAINT_CHANNELS.map((c) => (
            <Radio.Button key={c} value={c}>
              <span data-testid={`complaint-channel-${c}`}>{t(`complaintChannels.${c}`)}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item label={t('complaints.form.category')} name="category" rules={[rules.required]}>
        <Radio.Group data-testid="complaint-category">
          {COMPLAINT_CATEGORIES.map((c) => (
            <Radio key={c} value={c}>
              <span data-testid={`complaint-category-${c}`}>{t(`complaintCategories.${c}`)}</span>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item label={t('complaints.form.severity')} name="severity" rules={[rules.required]}>
        <Radio.Group optionType="button" data-testid="complaint-severity">
          {COMPLAINT_SEVERITIES.map((s) => (
            <Radio.Button key={s} value={s}>
              <span data-testid={`complaint-severity-${s}`}>{t(`complaintSeverities.${s}`)}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        label={t('complaints.form.description')}
        name="description"
        rules={[rules.text(createComplaintInput.shape.description)]}
      >
        <TextArea
          schema={createComplaintInput.shape.description}
          rows={3}
          data-testid="complaint-description"
        />
      </Form.Item>
      <Form.Item label={t('complaints.form.staff')} name="staffUserId">
        <Select allowClear options={staffOptions} data-testid="complaint-staff" />
      </Form.Item>
      <Form.Item label={t('complaints.form.owner')} name="ownerId">
        <Select allowClear options={staffOptions} data-testid="complaint-owner" />
      </Form.Item>
    </FormModal>
  );
}
