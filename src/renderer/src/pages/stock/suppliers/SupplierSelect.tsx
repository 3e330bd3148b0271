import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSuppliers } from '../../../api/stock';

interface SupplierSelectProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  testId: string;
  allowClear?: boolean;
  autoFocus?: boolean;
}

/** Active suppliers by name, searchable; a form field (value / onChange). */
export function SupplierSelect({
  value,
  onChange,
  testId,
  allowClear = true,
  autoFocus,
}: SupplierSelectProps) {
  const { t } = useTranslation();
  const suppliers = useSuppliers();
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      autoFocus={autoFocus}
      loading={suppliers.isPending}
      // Until the names arrive antd would show the bare id: the choice stays, shown once it has a name.
      value={suppliers.data ? (value ?? undefined) : undefined}
      onChange={(id) => onChange?.(id ?? null)}
      placeholder={t('stock.suppliers.pick')}
      options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
      notFoundContent={t('stock.suppliers.none')}
      data-testid={testId}
    />
  );
}
