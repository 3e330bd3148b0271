import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { PrintForm } from '@shared/schemas/prints';
import type { PeriodInput } from '@shared/schemas/reports';
import { fetchReport } from '../api/reports';
import { useSettings } from '../api/settings';
import { errorMessage } from '../i18n/errorMessage';
import { periodFromSegment, periodToSegment } from '../pages/reports/period';
import { usePrintLabels } from './labels';
import { PrintFrame, usePrepared } from './PrintFrame';
import { usePrintIssue } from './printIssue';
import { ReportSummaryForm, SUMMARY_CHARTS, type SummaryData } from './ReportSummaryForm';
import { reportPageRule } from './reportSheet';
import { TechnicianSheetForm } from './TechnicianSheetForm';
import { WarrantyClaimsForm } from './WarrantyClaimsForm';

export type ReportForm = 'report-summary' | 'report-technicians' | 'report-warranty';

const PRINT_FORMS: Record<ReportForm, PrintForm> = {
  'report-summary': 'reportSummary',
  'report-technicians': 'reportTechnicians',
  'report-warranty': 'reportWarranty',
};

/** Everything a report form prints, read fresh each time it opens. */
function useReportPrintData(form: ReportForm, period: PeriodInput | null) {
  return useQuery({
    queryKey: ['reports', 'print', form, period],
    enabled: period !== null,
    staleTime: 0,
    gcTime: 0,
    queryFn: async () => {
      if (!period) throw new Error('no period');
      if (form === 'report-warranty')
        return { form, warranty: await fetchReport('warrantyClaims', period) } as const;
      if (form === 'report-technicians') {
        const [technicians, turnaround] = await Promise.all([
          fetchReport('technicians', period),
          fetchReport('turnaround', period),
        ]);
        return { form, technicians, turnaround } as const;
      }
      const [volume, turnaround, quality, revenue, technicians] = await Promise.all([
        fetchReport('volume', period),
        fetchReport('turnaround', period),
        fetchReport('quality', period),
        fetchReport('revenue', period),
        fetchReport('technicians', period),
      ]);
      const summary: SummaryData = { volume, turnaround, quality, revenue, technicians };
      return { form, summary } as const;
    },
  });
}

/**
 * `/print/report-summary|report-technicians|report-warranty/<from>_<to>_<bucket>`: the printed
 * reports. The summary is ready only once its SVG charts have drawn.
 */
export function ReportPrintPage({ form, id }: { form: ReportForm; id: string }) {
  const labels = usePrintLabels();
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const period = periodFromSegment(id);
  const query = useReportPrintData(form, period);
  const [charts, setCharts] = useState<{ at: number; done: string[] }>({ at: 0, done: [] });
  const onChartFinished = useCallback(
    (name: string) =>
      setCharts((prev) => {
        const at = query.dataUpdatedAt;
        const done = prev.at === at ? prev.done : [];
        return done.includes(name) ? prev : { at, done: [...done, name] };
      }),
    [query.dataUpdatedAt],
  );
  const chartsDrawn =
    form !== 'report-summary' || (charts.at === query.dataUpdatedAt && charts.done.length >= SUMMARY_CHARTS);

  const loaded = query.data !== undefined && settings.data !== undefined;
  const printing = usePrintIssue(
    period && loaded ? { form: PRINT_FORMS[form], documentId: periodToSegment(period) } : null,
  );
  const key =
    loaded && chartsDrawn && printing.number !== null
      ? `${form}|${id}|${i18n.language}|${query.dataUpdatedAt}|${settings.dataUpdatedAt}|${printing.number}`
      : null;
  const { pagesRef, ready } = usePrepared(key, () => null);

  const titles: Record<ReportForm, string> = {
    'report-summary': t('reports.sheet.summaryTitle'),
    'report-technicians': t('reports.sheet.techniciansTitle'),
    'report-warranty': t('reports.sheet.warrantyTitle'),
  };

  let body: ReactNode;
  const data = query.data;
  if (!period) body = <div className="pf-message">{t('reports.sheet.badPeriod')}</div>;
  else if (query.isError || settings.isError) {
    body = (
      <div className="pf-message" data-testid="print-error">
        {t('reports.loadFailed')}: {errorMessage(query.error ?? settings.error, t)}
      </div>
    );
  } else if (!data || !settings.data) body = <div className="pf-message">{labels.toolbar.loading}</div>;
  else {
    const common = { period, settings: settings.data, labels, printedAt: query.dataUpdatedAt };
    if (data.form === 'report-summary') {
      body = <ReportSummaryForm data={data.summary} onChartFinished={onChartFinished} {...common} />;
    } else if (data.form === 'report-technicians') {
      body = <TechnicianSheetForm technicians={data.technicians} turnaround={data.turnaround} {...common} />;
    } else {
      body = <WarrantyClaimsForm report={data.warranty} {...common} />;
    }
  }

  return (
    <PrintFrame
      pagesRef={pagesRef}
      ready={ready}
      pageRule={reportPageRule(labels, form === 'report-warranty' ? 'landscape' : 'portrait')}
      docTitle={period ? `${titles[form]} ${period.from}~${period.to}` : null}
      printing={printing}
      switcher={<span className="pf-toolbar__title">{titles[form]}</span>}
    >
      {body}
    </PrintFrame>
  );
}
