import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomer, useCustomerList } from '../../api/customers';
import { deviceName } from '../../components/counterTags';

/** A customer found by phone tail, name or pinyin, as the search box finds them. */
export function CustomerSelect({
  value,
  onChange,
  testId,
}: {
  value?: string | null;
  onChange?: (id: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useCustomerList({ q: q.trim() || undefined, pageSize: 10 });
  return (
    <Select<string>
      showSearch
      filterOption={false}
      value={value ?? undefined}
      onChange={onChange}
      onSearch={setQ}
      placeholder={t('maintenance.customerSearch')}
      loading={list.isFetching}
      options={(list.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.name} ${c.primaryPhone}` }))}
      data-testid={testId}
    />
  );
}

/** The chosen customer's devices (not archived), for a plan or a contract. */
export function useCustomerDevices(customerId: string | null | undefined) {
  const customer = useCustomer(customerId ?? undefined);
  return (customer.data?.devices ?? [])
    .filter((d) => d.archivedAt === null)
    .map((d) => ({ value: d.id, label: [deviceName(d), d.serialNo].filter(Boolean).join(' · ') }));
}
