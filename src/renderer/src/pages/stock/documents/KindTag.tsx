import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StockDocumentKind } from '@shared/schemas/stock';

const KIND_COLORS: Record<StockDocumentKind, string> = {
  receipt: 'green',
  supplierReturn: 'orange',
  scrap: 'red',
  count: 'blue',
  adjustment: 'purple',
  orderIssue: 'geekblue',
  orderReturn: 'cyan',
  costAdjustment: 'gold',
};

/** A document's kind; a reversing document (冲销) says so, since it keeps the kind it reverses. */
export function KindTag({ kind, reversal = false }: { kind: StockDocumentKind; reversal?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={reversal ? 'default' : KIND_COLORS[kind]} data-testid={`kind-${kind}`} data-kind={kind}>
      {reversal ? t('stock.reversalOf', { kind: t(`stockDocuments.${kind}`) }) : t(`stockDocuments.${kind}`)}
    </Tag>
  );
}
