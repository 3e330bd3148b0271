import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { STOCK_DOCUMENT_KINDS, type StockDocumentKind } from '@shared/schemas/stock';

/** Filter by document kind; cleared, every kind. */
export function KindSelect({
  value,
  onChange,
  testId,
}: {
  value: StockDocumentKind | undefined;
  onChange: (kind: StockDocumentKind | undefined) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Select<StockDocumentKind>
      allowClear
      value={value}
      onChange={onChange}
      placeholder={t('stock.documents.anyKind')}
      aria-label={t('stock.documents.kind')}
      style={{ width: 140 }}
      options={STOCK_DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`stockDocuments.${k}`) }))}
      data-testid={testId}
    />
  );
}
