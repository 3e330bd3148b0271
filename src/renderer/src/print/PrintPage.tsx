import { useMemo, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Segmented } from 'antd';
import type { PrintForm } from '@shared/schemas/prints';
import { useOrderForPrint } from '../api/workOrders';
import { useSettings } from '../api/settings';
import { errorMessage } from '../i18n/errorMessage';
import { ClaimTicket } from './ClaimTicket';
import { heightInMm } from './fit';
import { IntakeA4, IntakeA5 } from './IntakeReceipt';
import { JobSheet } from './JobSheet';
import { DeviceLabel, LABEL_PAPER } from './DeviceLabel';
import type { LabelSize } from '@shared/schemas/settings';
import { usePrintLabels, type PrintLabels } from './labels';
import type { FormProps, PrintData } from './parts';
import { PrintFrame, usePrepared } from './PrintFrame';
import { usePrintIssue } from './printIssue';
import { isSettlementForm, SettlementPrintPage } from './SettlementPrintPage';
import { isStockForm, StockPrintPage } from './StockPrintPage';
import { isOnsiteForm, OnsitePrintPage } from './OnsitePrintPage';

type FormKind = 'intakeA5' | 'intakeA4' | 'claim' | 'jobsheet' | 'label';

/** Route names → forms; `intake` is the shop's default receipt (A5 landscape). */
const ROUTE_FORMS: Record<string, FormKind> = {
  intake: 'intakeA5',
  'intake-a5': 'intakeA5',
  'intake-a4': 'intakeA4',
  claim: 'claim',
  jobsheet: 'jobsheet',
  label: 'label',
};

const FORM_ROUTES: Record<FormKind, string> = {
  intakeA5: 'intake-a5',
  intakeA4: 'intake-a4',
  claim: 'claim',
  jobsheet: 'jobsheet',
  label: 'label',
};

const FORMS: Record<FormKind, (props: FormProps) => ReactNode> = {
  intakeA5: IntakeA5,
  intakeA4: IntakeA4,
  claim: ClaimTicket,
  jobsheet: JobSheet,
  label: DeviceLabel,
};

/** The paper sizes of the intake receipt are one form: an A4 after an A5 is a reprint. */
const PRINT_FORMS: Record<FormKind, PrintForm> = {
  intakeA5: 'intakeReceipt',
  intakeA4: 'intakeReceipt',
  claim: 'claimTicket',
  jobsheet: 'jobSheet',
  label: 'deviceLabel',
};

const PAGE_SIZES: Record<Exclude<FormKind, 'claim' | 'label'>, string> = {
  intakeA5: 'A5 landscape',
  intakeA4: 'A4 portrait',
  jobsheet: 'A4 portrait',
};

/** Until the slip is measured, a receipt page long enough for any slip. */
const RECEIPT_FALLBACK_MM = 297;

function pageRule(kind: FormKind, receiptMm: number | null, labelSize: LabelSize): string {
  const paper = LABEL_PAPER[labelSize];
  const size =
    kind === 'claim'
      ? `80mm ${receiptMm ?? RECEIPT_FALLBACK_MM}mm`
      : kind === 'label'
        ? `${paper.width}mm ${paper.height}mm`
        : PAGE_SIZES[kind];
  return `@page { size: ${size}; margin: 0; }`;
}

function formTitle(kind: FormKind, labels: PrintLabels): string {
  if (kind === 'claim') return labels.claim.title;
  if (kind === 'jobsheet') return labels.jobSheet.title;
  if (kind === 'label') return labels.deviceLabel.title;
  return labels.intake.title;
}

/** The order forms: the intake receipt (A5 / A4), the claim ticket and the job sheet, one switcher. */
function OrderPrintPage({ form, id }: { form: string; id: string }) {
  const kind = Object.hasOwn(ROUTE_FORMS, form) ? ROUTE_FORMS[form] : undefined;
  const labels = usePrintLabels();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const settings = useSettings();
  const order = useOrderForPrint(id, kind !== undefined);

  const data = useMemo<PrintData | null>(
    () => (order.data && settings.data ? { ...order.data, settings: settings.data } : null),
    [order.data, settings.data],
  );
  const printing = usePrintIssue(kind && data ? { form: PRINT_FORMS[kind], documentId: id } : null);
  const key =
    data && kind && printing.number !== null
      ? `${kind}|${id}|${i18n.language}|${order.dataUpdatedAt}|${settings.dataUpdatedAt}|${printing.number}`
      : null;
  const { pagesRef, ready, measured } = usePrepared(key, (root) => {
    const receipt = kind === 'claim' ? root.querySelector<HTMLElement>('.pf-sheet--receipt') : null;
    return receipt ? heightInMm(receipt) : null;
  });

  let body: ReactNode;
  if (!kind) body = <div className="pf-message">{labels.toolbar.unknownForm}</div>;
  else if (order.isError || settings.isError) {
    body = (
      <div className="pf-message" data-testid="print-error">
        {labels.toolbar.loadFailed}: {errorMessage(order.error ?? settings.error, t)}
      </div>
    );
  } else if (!data) body = <div className="pf-message">{labels.toolbar.loading}</div>;
  else {
    const Form = FORMS[kind];
    body = <Form data={data} labels={labels} />;
  }

  const orderNo = data?.order.orderNo;
  return (
    <PrintFrame
      pagesRef={pagesRef}
      ready={ready}
      pageRule={
        kind && settings.data ? pageRule(kind, measured ?? null, settings.data.counter.labelSize) : null
      }
      docTitle={kind && orderNo ? `${formTitle(kind, labels)} ${orderNo}` : null}
      printing={printing}
      switcher={
        kind ? (
          <Segmented<FormKind>
            value={kind}
            onChange={(next) => void navigate(`/print/${FORM_ROUTES[next]}/${id}`, { replace: true })}
            options={(Object.keys(FORM_ROUTES) as FormKind[]).map((value) => ({
              value,
              label: labels.forms[value],
            }))}
          />
        ) : null
      }
    >
      {body}
    </PrintFrame>
  );
}

/**
 * `/print/:form/:id`: a preview of the chosen form over the app with 打印 / 返回, and in print media
 * nothing but the form's sheets. Stock documents and the stock list, settlements and the day close
 * have their own data and pages.
 */
export default function PrintPage() {
  const { form = '', id = '' } = useParams();
  if (isStockForm(form)) return <StockPrintPage form={form} id={id} />;
  if (isSettlementForm(form)) return <SettlementPrintPage form={form} id={id} />;
  if (isOnsiteForm(form)) return <OnsitePrintPage form={form} id={id} />;
  return <OrderPrintPage form={form} id={id} />;
}
