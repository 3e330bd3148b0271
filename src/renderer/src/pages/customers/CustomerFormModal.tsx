import { useState } from 'react';
import { App, Button, Checkbox, Col, Flex, Form, Input, Radio, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_TYPES,
  createCustomerInput,
  customerPhone,
  type Customer,
  type CustomerType,
} from '@shared/schemas/customers';
import {
  useCreateCustomer,
  usePhoneMatches,
  useReloadCustomer,
  useUpdateCustomer,
} from '../../api/customers';
import { useSettings } from '../../api/settings';
import { DuplicatePhoneWarning, matchLabel } from '../../components/DuplicatePhoneWarning';
import { FormModal } from '../../components/FormModal';
import { conflictMatches, showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { useEditVersion } from '../../components/staleEdit';
import { TextArea, TextInput } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';

const fields = createCustomerInput.shape;
const phoneFields = customerPhone.shape;

interface CustomerFormValues {
  name: string;
  type: CustomerType;
  level: string;
  phones: { phone: string; label?: string }[];
  email?: string;
  address?: string;
  company?: string;
  tags?: string[];
  notes?: string;
  noContact?: boolean;
}

/** Form values → the contract's fields; empty phone rows are dropped. */
function toCustomerFields(values: CustomerFormValues) {
  return {
    name: values.name,
    type: values.type,
    level: values.level,
    phones: values.phones
      .filter((p) => p.phone?.trim())
      .map((p) => ({ phone: p.phone.trim(), label: p.label?.trim() ?? '' })),
    email: values.email?.trim() ?? '',
    address: values.address ?? '',
    company: values.company ?? '',
    tags: values.tags ?? [],
    notes: values.notes ?? '',
    noContact: values.noContact ?? false,
  };
}

/** A stored customer as the form shows it. */
function customerFormValues(customer: Customer): Partial<CustomerFormValues> {
  return { ...customer, phones: customer.phones.map((p) => ({ phone: p.phone, label: p.label })) };
}

/** Up to five numbers, each with a label (手机, 座机, 家人 …); the first is the primary one. */
function PhonesInput() {
  const { t } = useTranslation();
  const rules = useFormRules();
  return (
    <Form.List name="phones">
      {(fields, { add, remove }) => (
        <Flex vertical gap={0}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap="small" align="start">
              <Form.Item
                name={[field.name, 'phone']}
                label={index === 0 ? t('customers.phones') : undefined}
                style={{ flex: 1 }}
                rules={[rules.phone(phoneFields.phone)]}
              >
                <Input
                  inputMode="tel"
                  autoComplete="off"
                  aria-label={`${t('customers.phone')} ${index + 1}`}
                  data-testid={`customer-phone-${index}`}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'label']}
                label={index === 0 ? t('customers.phoneLabel') : undefined}
                style={{ width: 120 }}
                rules={[rules.text(phoneFields.label)]}
              >
                <TextInput
                  schema={phoneFields.label}
                  placeholder={t('customers.phoneLabelHint')}
                  aria-label={`${t('customers.phoneLabel')} ${index + 1}`}
                  data-testid={`customer-phone-label-${index}`}
                />
              </Form.Item>
              {fields.length > 1 && (
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('customers.removePhone')}
                  onClick={() => remove(field.name)}
                  style={{ marginTop: index === 0 ? 30 : 0 }}
                />
              )}
            </Flex>
          ))}
          {fields.length < 5 && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ phone: '', label: '' })}
              style={{ marginBottom: 16 }}
              data-testid="customer-add-phone"
            >
              {t('customers.addPhone')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

interface CustomerFormModalProps {
  customer?: Customer;
  onClose: () => void;
  onSaved?: (customer: Customer) => void;
}

export function CustomerFormModal({ customer, onClose, onSaved }: CustomerFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerFormValues>();
  const rules = useFormRules();
  const settings = useSettings();
  const create = useCreateCustomer();
  const update = useUpdateCustomer();
  const [acknowledged, setAcknowledged] = useState(false);
  const reload = useReloadCustomer(customer?.id ?? '');
  const edit = useEditVersion(customer?.version, reload, (fresh) =>
    form.setFieldsValue(customerFormValues(fresh)),
  );
  const phones = (Form.useWatch('phones', form) ?? []).map((p) => p?.phone ?? '');
  const live = usePhoneMatches(phones, customer?.id);
  const error = create.error ?? update.error;
  const refused = conflictMatches(error);
  const matches = live.length > 0 ? live.map((m) => ({ id: m.id, label: matchLabel(m) })) : refused;

  const levels = settings.data?.counter.customerLevels ?? [];
  const levelOptions = [...new Set([...levels, ...(customer ? [customer.level] : [])])].map((l) => ({
    value: l,
    label: l,
  }));

  const done = (saved: Customer) => {
    void message.success(t(customer ? 'customers.updated' : 'customers.created'));
    onSaved?.(saved);
    onClose();
  };
  const submit = (values: CustomerFormValues) => {
    const fields = { ...toCustomerFields(values), allowDuplicatePhone: acknowledged };
    const onError = (e: Error) => {
      showFieldErrors(form, e, t);
      edit.onSaveError(e);
    };
    if (customer)
      update.mutate({ id: customer.id, version: edit.version, ...fields }, { onSuccess: done, onError });
    else create.mutate(fields, { onSuccess: done, onError });
  };

  if (settings.isPending) return null;
  const initialValues: Partial<CustomerFormValues> = customer
    ? customerFormValues(customer)
    : { type: 'individual', level: levels[0] ?? '普通', phones: [{ phone: '', label: '' }], tags: [] };

  return (
    <FormModal<CustomerFormValues>
      title={customer ? t('customers.editTitle', { name: customer.name }) : t('customers.createTitle')}
      testId="customer"
      name={customer ? 'editCustomer' : 'createCustomer'}
      form={form}
      initialValues={initialValues}
      pending={create.isPending || update.isPending}
      error={error && !(refused.length > 0 && acknowledged) ? errorMessage(error, t) : null}
      onFinish={submit}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item label={t('customers.name')} name="name" rules={[rules.text(fields.name)]}>
            <TextInput schema={fields.name} autoFocus data-testid="customer-name" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label={t('customers.level')} name="level" rules={[rules.required]}>
            <Select options={levelOptions} data-testid="customer-level" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('customers.type')} name="type">
        <Radio.Group
          optionType="button"
          options={CUSTOMER_TYPES.map((ty) => ({ value: ty, label: t(`customerTypes.${ty}`) }))}
        />
      </Form.Item>
      <PhonesInput />
      <DuplicatePhoneWarning matches={matches} acknowledged={acknowledged} onAcknowledge={setAcknowledged} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={t('customers.company')} name="company" rules={[rules.text(fields.company)]}>
            <TextInput schema={fields.company} data-testid="customer-company" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('customers.email')} name="email" rules={[rules.text(fields.email, 'email')]}>
            <Input data-testid="customer-email" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('customers.address')} name="address" rules={[rules.text(fields.address)]}>
        <TextInput schema={fields.address} data-testid="customer-address" />
      </Form.Item>
      <Form.Item label={t('customers.tags')} name="tags" rules={[rules.text(fields.tags)]}>
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} data-testid="customer-tags" />
      </Form.Item>
      <Form.Item label={t('customers.notes')} name="notes" rules={[rules.text(fields.notes)]}>
        <TextArea schema={fields.notes} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="customer-notes" />
      </Form.Item>
      <Form.Item name="noContact" valuePropName="checked" extra={t('followUps.noContactHelp')}>
        <Checkbox data-testid="customer-no-contact">{t('followUps.noContact')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
