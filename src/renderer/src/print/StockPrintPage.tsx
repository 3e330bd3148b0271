import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STOCK_LIST_DOCUMENT } from '@shared/schemas/prints';
import { useStockDocumentForPrint, useStockListForPrint } from '../api/stock';
import { useSettings } from '../api/settings';
import { errorMessage } from '../i18n/errorMessage';
import { usePrintLabels, type PrintLabels } from './labels';
import { flowPageRule } from './parts';
import { PrintFrame, usePrepared } from './PrintFrame';
import { usePrintIssue } from './printIssue';
import { StockDocumentForm } from './StockDocumentForm';
import { StockListForm } from './StockListForm';

const STOCK_FORMS = ['stockDocument', 'stockList'] as const;
type StockForm = (typeof STOCK_FORMS)[number];

export function isStockForm(form: string): form is StockForm {
  return (STOCK_FORMS as readonly string[]).includes(form);
}

/**
 * A document prints on fixed A4 sheets (margins inside the sheet). The list flows over as many pages
 * as it needs, so the page keeps margins and numbers itself at the foot.
 */
function pageRule(form: StockForm, labels: PrintLabels): string {
  return form === 'stockDocument' ? '@page { size: A4 portrait; margin: 0; }' : flowPageRule(labels);
}

/** The document or the valued list, read fresh each time the form opens. */
function useStockPrintData(form: StockForm, id: string) {
  const doc = useStockDocumentForPrint(id, form === 'stockDocument');
  const list = useStockListForPrint(form === 'stockList');
  return form === 'stockDocument' ? { kind: form, query: doc } : { kind: form, query: list };
}

/** `/print/stockDocument/:id` (入库单 and the other documents) and `/print/stockList/all` (库存清单). */
export function StockPrintPage({ form, id }: { form: StockForm; id: string }) {
  const labels = usePrintLabels();
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const data = useStockPrintData(form, id);
  const query = data.query;
  const loaded = query.data !== undefined && settings.data !== undefined;
  const printing = usePrintIssue(
    loaded ? { form, documentId: form === 'stockList' ? STOCK_LIST_DOCUMENT : id } : null,
  );
  const key =
    loaded && printing.number !== null
      ? `${form}|${id}|${i18n.language}|${query.dataUpdatedAt}|${settings.dataUpdatedAt}|${printing.number}`
      : null;
  const { pagesRef, ready } = usePrepared(key, () => null);

  let body: ReactNode;
  let docTitle: string | null = null;
  if (query.isError || settings.isError) {
    body = (
      <div className="pf-message" data-testid="print-error">
        {labels.stock.loadFailed}: {errorMessage(query.error ?? settings.error, t)}
      </div>
    );
  } else if (!settings.data || !query.data) {
    body = <div className="pf-message">{labels.toolbar.loading}</div>;
  } else if (data.kind === 'stockDocument' && data.query.data) {
    const doc = data.query.data;
    docTitle = `${labels.codes.stockDocuments[doc.kind]} ${doc.docNo}`;
    body = (
      <StockDocumentForm
        doc={doc}
        settings={settings.data}
        labels={labels}
        chinese={i18n.language !== 'en-US'}
      />
    );
  } else if (data.kind === 'stockList' && data.query.data) {
    docTitle = labels.stock.listTitle;
    body = (
      <StockListForm
        valuation={data.query.data}
        settings={settings.data}
        labels={labels}
        printedAt={data.query.dataUpdatedAt}
      />
    );
  }

  return (
    <PrintFrame
      pagesRef={pagesRef}
      ready={ready}
      pageRule={pageRule(form, labels)}
      docTitle={docTitle}
      printing={printing}
      switcher={<span className="pf-toolbar__title">{labels.stock.forms[form]}</span>}
    >
      {body}
    </PrintFrame>
  );
}
