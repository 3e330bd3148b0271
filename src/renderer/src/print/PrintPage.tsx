import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Button, Segmented } from 'antd';
import { invoke } from '../api/client';
import { useSettings } from '../api/settings';
import { errorMessage } from '../i18n/errorMessage';
import { ClaimTicket } from './ClaimTicket';
import { fitText, heightInMm, settle } from './fit';
import { IntakeA4, IntakeA5 } from './IntakeReceipt';
import { JobSheet } from './JobSheet';
import { usePrintLabels, type PrintLabels } from './labels';
import type { FormProps, PrintData } from './parts';
import './print.css';

type FormKind = 'intakeA5' | 'intakeA4' | 'claim' | 'jobsheet';

/** Route names → forms; `intake` is the shop's default receipt (A5 landscape). */
const ROUTE_FORMS: Record<string, FormKind> = {
  intake: 'intakeA5',
  'intake-a5': 'intakeA5',
  'intake-a4': 'intakeA4',
  claim: 'claim',
  jobsheet: 'jobsheet',
};

const FORM_ROUTES: Record<FormKind, string> = {
  intakeA5: 'intake-a5',
  intakeA4: 'intake-a4',
  claim: 'claim',
  jobsheet: 'jobsheet',
};

const FORMS: Record<FormKind, (props: FormProps) => ReactNode> = {
  intakeA5: IntakeA5,
  intakeA4: IntakeA4,
  claim: ClaimTicket,
  jobsheet: JobSheet,
};

const PAGE_SIZES: Record<Exclude<FormKind, 'claim'>, string> = {
  intakeA5: 'A5 landscape',
  intakeA4: 'A4 portrait',
  jobsheet: 'A4 portrait',
};

/** Until the slip is measured, a receipt page long enough for any slip. */
const RECEIPT_FALLBACK_MM = 297;

function pageRule(kind: FormKind, receiptMm: number | null): string {
  const size = kind === 'claim' ? `80mm ${receiptMm ?? RECEIPT_FALLBACK_MM}mm` : PAGE_SIZES[kind];
  return `@page { size: ${size}; margin: 0; }`;
}

function formTitle(kind: FormKind, labels: PrintLabels): string {
  if (kind === 'claim') return labels.claim.title;
  if (kind === 'jobsheet') return labels.jobSheet.title;
  return labels.intake.title;
}

/** The order and its device, read fresh each time a form is opened. */
function usePrintOrder(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['workOrders', 'print', id],
    enabled,
    staleTime: 0,
    gcTime: 0,
    queryFn: async () => {
      const order = await invoke('workOrders.get', { id });
      // The form still prints from the order's device label if the device cannot be read.
      const device = await invoke('devices.get', { id: order.deviceId }).then(
        (r) => r.device,
        () => null,
      );
      return { order, device };
    },
  });
}

/**
 * `/print/:form/:id`: a preview of the chosen form over the app with 打印 / 返回, and in print media
 * nothing but the form's sheets. `data-print-ready` turns true once the barcodes, logo and fonts are
 * ready and long texts have been fitted, so a print or PDF never catches a half-drawn form.
 */
export default function PrintPage() {
  const { form = '', id = '' } = useParams();
  const kind = Object.hasOwn(ROUTE_FORMS, form) ? ROUTE_FORMS[form] : undefined;
  const labels = usePrintLabels();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const settings = useSettings();
  const order = usePrintOrder(id, kind !== undefined);
  const pagesRef = useRef<HTMLDivElement>(null);
  const [prepared, setPrepared] = useState<{ key: string; receiptMm: number | null } | null>(null);

  const data = useMemo<PrintData | null>(
    () => (order.data && settings.data ? { ...order.data, settings: settings.data } : null),
    [order.data, settings.data],
  );
  const key = `${kind}|${id}|${i18n.language}|${order.dataUpdatedAt}|${settings.dataUpdatedAt}`;
  const ready = data !== null && prepared?.key === key;

  useLayoutEffect(() => {
    const root = pagesRef.current;
    if (!data || !root || !kind) return;
    let cancelled = false;
    void settle(root).then(() => {
      if (cancelled) return;
      fitText(root);
      const receipt = kind === 'claim' ? root.querySelector<HTMLElement>('.pf-sheet--receipt') : null;
      setPrepared({ key, receiptMm: receipt ? heightInMm(receipt) : null });
    });
    return () => {
      cancelled = true;
    };
  }, [data, kind, key]);

  // The browser's "save as PDF" names the file after the document title.
  const orderNo = data?.order.orderNo;
  useEffect(() => {
    if (!kind || !orderNo) return;
    const before = document.title;
    document.title = `${formTitle(kind, labels)} ${orderNo}`;
    return () => {
      document.title = before;
    };
  }, [kind, orderNo, labels]);

  const back = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) void navigate(-1);
    else void navigate('/');
  };
  const backRef = useRef(back);
  useEffect(() => {
    backRef.current = back;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') backRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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

  return createPortal(
    <div className="pf-root" data-testid="print-root" data-print-ready={ready ? 'true' : 'false'}>
      {kind ? <style>{pageRule(kind, ready ? (prepared?.receiptMm ?? null) : null)}</style> : null}
      <div className="pf-toolbar">
        <Button onClick={back} data-testid="print-back">
          {labels.toolbar.back}
        </Button>
        {kind ? (
          <Segmented<FormKind>
            value={kind}
            onChange={(next) => void navigate(`/print/${FORM_ROUTES[next]}/${id}`, { replace: true })}
            options={(Object.keys(FORM_ROUTES) as FormKind[]).map((value) => ({
              value,
              label: labels.forms[value],
            }))}
          />
        ) : null}
        <span className="pf-toolbar__hint">{labels.toolbar.hint}</span>
        <Button type="primary" disabled={!ready} onClick={() => window.print()} data-testid="print-submit">
          {labels.toolbar.print}
        </Button>
      </div>
      <div className="pf-pages" ref={pagesRef}>
        {body}
      </div>
    </div>,
    document.body,
  );
}
