import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Segmented } from 'antd';
import type { PrintForm } from '@shared/schemas/prints';
import { useDayForPrint, useSettlementForPrint } from '../api/settlements';
import { useSettings } from '../api/settings';
import { errorMessage } from '../i18n/errorMessage';
import { DayCloseForm } from './DayCloseForm';
import { heightInMm } from './fit';
import { usePrintLabels, type PrintLabels } from './labels';
import { flowPageRule } from './parts';
import { PrintFrame, usePrepared } from './PrintFrame';
import { usePrintIssue } from './printIssue';
import type { SettlementPrintData } from './SettlementParts';
import { SettlementReceipt } from './SettlementReceipt';
import { SettlementA4, SettlementA5 } from './SettlementSheet';

const SETTLEMENT_FORMS = ['settlement-a5', 'settlement-a4', 'settlement-receipt'] as const;
type SettlementForm = (typeof SETTLEMENT_FORMS)[number];
type SettlementPageForm = SettlementForm | 'day-close';

export function isSettlementForm(form: string): form is SettlementPageForm {
  return form === 'day-close' || (SETTLEMENT_FORMS as readonly string[]).includes(form);
}

const FORM_LABEL: Record<SettlementForm, keyof PrintLabels['settlement']['forms']> = {
  'settlement-a5': 'a5',
  'settlement-a4': 'a4',
  'settlement-receipt': 'receipt',
};

/** A5 and A4 are one 结算单: printing the other size is a reprint. The slip counts on its own. */
const PRINT_FORMS: Record<SettlementPageForm, PrintForm> = {
  'settlement-a5': 'settlement',
  'settlement-a4': 'settlement',
  'settlement-receipt': 'settlementReceipt',
  'day-close': 'dayClose',
};

/** Until the slip is measured, a receipt page long enough for any slip. */
const RECEIPT_FALLBACK_MM = 400;

function pageRule(form: SettlementPageForm, labels: PrintLabels, receiptMm: number | null): string {
  switch (form) {
    case 'settlement-a5':
      return '@page { size: A5 landscape; margin: 0; }';
    case 'settlement-a4':
      return '@page { size: A4 portrait; margin: 0; }';
    case 'settlement-receipt':
      return `@page { size: 80mm ${receiptMm ?? RECEIPT_FALLBACK_MM}mm; margin: 0; }`;
    case 'day-close':
      return flowPageRule(labels);
  }
}

/**
 * `/print/settlement-a5|settlement-a4|settlement-receipt/:settlementId` (结算单 and 结算小票, one
 * switcher) and `/print/day-close/:YYYY-MM-DD` (日结单).
 */
export function SettlementPrintPage({ form, id }: { form: SettlementPageForm; id: string }) {
  const labels = usePrintLabels();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const settings = useSettings();
  const isDay = form === 'day-close';
  const settlement = useSettlementForPrint(id, !isDay);
  const day = useDayForPrint(id, isDay);
  const query = isDay ? day : settlement;

  const loaded = query.data !== undefined && settings.data !== undefined;
  const printing = usePrintIssue(loaded ? { form: PRINT_FORMS[form], documentId: id } : null);
  const key =
    loaded && printing.number !== null
      ? `${form}|${id}|${i18n.language}|${query.dataUpdatedAt}|${settings.dataUpdatedAt}|${printing.number}`
      : null;
  const { pagesRef, ready, measured } = usePrepared(key, (root) => {
    const receipt =
      form === 'settlement-receipt' ? root.querySelector<HTMLElement>('.pf-sheet--receipt') : null;
    return receipt ? heightInMm(receipt) : null;
  });

  let body: ReactNode;
  let docTitle: string | null = null;
  if (query.isError || settings.isError) {
    const failed = isDay ? labels.dayClose.loadFailed : labels.settlement.loadFailed;
    body = (
      <div className="pf-message" data-testid="print-error">
        {failed}: {errorMessage(query.error ?? settings.error, t)}
      </div>
    );
  } else if (!settings.data) {
    body = <div className="pf-message">{labels.toolbar.loading}</div>;
  } else if (isDay && day.data) {
    docTitle = `${labels.dayClose.title} ${day.data.date}`;
    body = (
      <DayCloseForm
        report={day.data}
        settings={settings.data}
        labels={labels}
        printedAt={day.dataUpdatedAt}
      />
    );
  } else if (!isDay && settlement.data) {
    const data: SettlementPrintData = { ...settlement.data, settings: settings.data };
    const s = settlement.data.settlement;
    if (form === 'settlement-receipt') {
      docTitle = `${labels.settlement.receiptTitle} ${s.settlementNo}`;
      body = <SettlementReceipt data={data} labels={labels} />;
    } else {
      docTitle = `${labels.settlement.title} ${s.settlementNo}`;
      const Sheet = form === 'settlement-a4' ? SettlementA4 : SettlementA5;
      body = <Sheet data={data} labels={labels} />;
    }
  } else {
    body = <div className="pf-message">{labels.toolbar.loading}</div>;
  }

  return (
    <PrintFrame
      pagesRef={pagesRef}
      ready={ready}
      pageRule={pageRule(form, labels, measured ?? null)}
      docTitle={docTitle}
      printing={printing}
      switcher={
        form === 'day-close' ? (
          <span className="pf-toolbar__title">{labels.dayClose.form}</span>
        ) : (
          <Segmented<SettlementForm>
            value={form}
            onChange={(next) => void navigate(`/print/${next}/${id}`, { replace: true })}
            options={SETTLEMENT_FORMS.map((value) => ({
              value,
              label: labels.settlement.forms[FORM_LABEL[value]],
            }))}
          />
        )
      }
    >
      {body}
    </PrintFrame>
  );
}
