import { useState } from 'react';
import { Alert, App, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer } from '@shared/schemas/customers';
import { useMergeCustomers } from '../../api/customers';
import { useGlobalSearch } from '../../api/search';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../i18n/errorMessage';

interface MergeValues {
  mergeId: string;
}

/**
 * Merge a duplicate record into this customer: its phones, devices and orders move here and the
 * duplicate is retired. The other customer is found with the same search as the header box.
 */
export function MergeCustomerModal({ keep, onClose }: { keep: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MergeValues>();
  const [text, setText] = useState('');
  const { query: search } = useGlobalSearch(text);
  const merge = useMergeCustomers();
  const options = (search.data?.customers ?? [])
    .filter((c) => c.id !== keep.id)
    .map((c) => ({
      value: c.id,
      label: `${c.name}（${c.code}）${c.phone}`,
    }));

  const submit = ({ mergeId }: MergeValues) =>
    merge.mutate(
      { keepId: keep.id, mergeId },
      {
        onSuccess: () => {
          void message.success(t('customers.merged'));
          onClose();
        },
      },
    );

  return (
    <FormModal<MergeValues>
      title={t('customers.mergeTitle', { name: keep.name })}
      testId="customer-merge"
      name="mergeCustomer"
      form={form}
      pending={merge.isPending}
      error={merge.error && errorMessage(merge.error, t)}
      submitText={t('customers.mergeSubmit')}
      onFinish={submit}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('customers.mergeHelp')} style={{ marginBottom: 16 }} />
      <Form.Item
        label={t('customers.mergeWith')}
        name="mergeId"
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          autoFocus
          showSearch={{ filterOption: false, onSearch: setText }}
          placeholder={t('customers.mergeSearch')}
          options={options}
          loading={search.isFetching}
          notFoundContent={text ? t('search.empty') : null}
          data-testid="customer-merge-pick"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        {t('customers.mergeKeep', { name: `${keep.name}（${keep.code}）` })}
      </Typography.Paragraph>
    </FormModal>
  );
}
