import { Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { usePartsByIds } from '../../../api/stock';
import { useCan } from '../../../api/session';
import { Forbidden } from '../../../components/Forbidden';
import { DocumentEditor } from './DocumentEditor';
import { draftPart, isManualKind, newLine } from './draft';
import { errorMessage } from '../../../i18n/errorMessage';

/** What the alerts page hands over: reorder these, from this supplier. */
export interface ReceiptPrefill {
  supplierId: string | null;
  lines: { partId: string; qty: number }[];
}

function prefillOf(state: unknown): ReceiptPrefill | null {
  if (typeof state !== 'object' || state === null || !('prefill' in state)) return null;
  return (state as { prefill: ReceiptPrefill }).prefill;
}

/** `/stock/documents/new/:kind`, optionally prefilled (a receipt for the alert lines). */
export function NewDocumentPage() {
  const { kind } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const canAdjust = useCan('stock.adjust');
  const prefill = kind === 'receipt' ? prefillOf(location.state) : null;
  const ids = prefill?.lines.map((l) => l.partId) ?? [];
  const parts = usePartsByIds(ids);

  if (!isManualKind(kind)) {
    return (
      <Result
        status="404"
        title={t('stock.documents.unknownKind')}
        extra={<Link to="/stock/documents">{t('stock.documents.back')}</Link>}
      />
    );
  }
  if (kind === 'adjustment' && !canAdjust) return <Forbidden />;
  if (ids.length > 0) {
    if (parts.isPending) return <Skeleton active />;
    if (parts.isError) return <Result status="warning" title={errorMessage(parts.error, t)} />;
  }
  const lines = (parts.data ?? []).map((p) => {
    const qty = prefill?.lines.find((l) => l.partId === p.id)?.qty ?? 1;
    return newLine(draftPart(p), qty);
  });
  // A new key per kind and per hand-over: the editor starts clean each time.
  return (
    <DocumentEditor
      key={`${kind}:${location.key}`}
      kind={kind}
      start={{ supplierId: prefill?.supplierId ?? null, lines: ids.length > 0 ? lines : [] }}
    />
  );
}
