import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportForPrint, type ReportPrintForm } from '../api/reports';
import { useSettings } from '../api/settings';
import { errorMessage } from '../i18n/errorMessage';
import { periodFromSegment, periodToSegment } from '../lib/reportPeriod';
import { usePrintLabels } from './labels';
import { PrintFrame, usePrepared } from './PrintFrame';
import { usePrintIssue } from './printIssue';
import { ReportSummaryForm, SUMMARY_CHARTS } from './ReportSummaryForm';
import { reportPageRule } from './reportSheet';
import type { ReportForm } from './reportRoutes';
import { SERVICE_QUALITY_CHARTS, ServiceQualityForm } from './ServiceQualityForm';
import { TechnicianSheetForm } from './TechnicianSheetForm';
import { WarrantyClaimsForm } from './WarrantyClaimsForm';

const PRINT_FORMS: Record<ReportForm, ReportPrintForm> = {
  'report-summary': 'reportSummary',
  'report-technicians': 'reportTechnicians',
  'report-warranty': 'reportWarranty',
  'report-service-quality': 'reportServiceQuality',
};

/** The charts a form waits for before it is ready to print. */
const CHARTS: Record<ReportForm, number> = {
  'report-summary': SUMMARY_CHARTS,
  'report-technicians': 0,
  'report-warranty': 0,
  'report-service-quality': SERVICE_QUALITY_CHARTS,
};

/**
 * `/print/report-summary|report-technicians|report-warranty|report-service-quality/<from>_<to>_<bucket>`:
 * the printed reports. The summary and the service-quality report are ready only once their SVG
 * charts have drawn.
 */
export function ReportPrintPage({ form, id }: { form: ReportForm; id: string }) {
  const labels = usePrintLabels();
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const period = periodFromSegment(id);
  const query = useReportForPrint(PRINT_FORMS[form], period);
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
    CHARTS[form] === 0 || (charts.at === query.dataUpdatedAt && charts.done.length >= CHARTS[form]);

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
    'report-service-quality': t('reports.sheet.serviceQualityTitle'),
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
    if (data.form === 'reportSummary') {
      body = <ReportSummaryForm data={data.summary} onChartFinished={onChartFinished} {...common} />;
    } else if (data.form === 'reportServiceQuality') {
      body = (
        <ServiceQualityForm
          quality={data.serviceQuality}
          byCategory={data.byCategory}
          onChartFinished={onChartFinished}
          {...common}
        />
      );
    } else if (data.form === 'reportTechnicians') {
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
