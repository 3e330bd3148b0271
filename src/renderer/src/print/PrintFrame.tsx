import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useNavigate } from 'react-router-dom';
import { Button } from 'antd';
import { fitText, settle } from './fit';
import { usePrintLabels } from './labels';
import type { PrintIssue } from './printIssue';
import { PrintNumberProvider } from './reprint';
import './base.css';

/**
 * Once the form for `key` is on the page: wait for fonts and images, fit long texts, then measure
 * what the page rule needs. `ready` is true only for the current key, so a print or PDF never
 * catches a half-drawn or stale form. A null key means nothing to prepare yet.
 */
export function usePrepared<T>(key: string | null, measure: (root: HTMLElement) => T) {
  const pagesRef = useRef<HTMLDivElement>(null);
  const [prepared, setPrepared] = useState<{ key: string; measured: T } | null>(null);
  const measureRef = useRef(measure);
  useEffect(() => {
    measureRef.current = measure;
  });

  useLayoutEffect(() => {
    const root = pagesRef.current;
    if (key === null || !root) return;
    let cancelled = false;
    void settle(root).then(() => {
      if (cancelled) return;
      fitText(root);
      setPrepared({ key, measured: measureRef.current(root) });
    });
    return () => {
      cancelled = true;
    };
  }, [key]);

  const ready = key !== null && prepared?.key === key;
  return { pagesRef, ready, measured: ready ? (prepared?.measured ?? null) : null };
}

interface PrintFrameProps {
  pagesRef: RefObject<HTMLDivElement | null>;
  ready: boolean;
  /** The @page rule (size, margins); null for an unknown form. */
  pageRule: string | null;
  /** The browser's "save as PDF" names the file after the document title. */
  docTitle: string | null;
  /** Choices between related forms (intake A5 / A4, claim ticket, job sheet). */
  switcher?: ReactNode;
  /** The form's prints as the server counts them (usePrintIssue); the form's key carries its number. */
  printing: PrintIssue;
  children: ReactNode;
}

/**
 * The print preview over the app with 返回 / 打印 (Esc goes back), and in print media nothing but the
 * form's sheets. `data-print-ready` turns true once the form is prepared (see usePrepared).
 */
export function PrintFrame({
  pagesRef,
  ready,
  pageRule,
  docTitle,
  switcher,
  printing,
  children,
}: PrintFrameProps) {
  const labels = usePrintLabels();
  const navigate = useNavigate();
  const canPrint = ready && printing.canIssue;
  const issue = () => {
    if (canPrint) void printing.issue();
  };
  const issueRef = useRef(issue);

  // A recorded print goes to the printer once the form is redrawn and ready with its number.
  useEffect(() => {
    if (!printing.pending || !ready) return;
    printing.done();
    window.print();
  }, [printing, ready]);

  useEffect(() => {
    if (!docTitle) return;
    const before = document.title;
    document.title = docTitle;
    return () => {
      document.title = before;
    };
  }, [docTitle]);

  const back = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) void navigate(-1);
    else void navigate('/');
  };
  const backRef = useRef(back);
  useEffect(() => {
    backRef.current = back;
    issueRef.current = issue;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') backRef.current();
      // Ctrl+P prints through 打印 too, so no print leaves the counter unrecorded.
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        issueRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return createPortal(
    <div className="pf-root" data-testid="print-root" data-print-ready={ready ? 'true' : 'false'}>
      {pageRule ? <style>{pageRule}</style> : null}
      <div className="pf-toolbar">
        <Button onClick={back} data-testid="print-back">
          {labels.toolbar.back}
        </Button>
        {switcher}
        {printing.failure ? (
          <span className="pf-toolbar__hint pf-toolbar__error" role="alert" data-testid="print-record-error">
            {printing.failure}
          </span>
        ) : (
          <span className="pf-toolbar__hint">{labels.toolbar.hint}</span>
        )}
        <Button type="primary" disabled={!canPrint} onClick={issue} data-testid="print-submit">
          {labels.toolbar.print}
        </Button>
      </div>
      <div className="pf-pages" ref={pagesRef}>
        <PrintNumberProvider value={printing.number}>{children}</PrintNumberProvider>
      </div>
    </div>,
    document.body,
  );
}
