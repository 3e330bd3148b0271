import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnsiteReportForPrint, useRouteSheetsForPrint } from '../api/onsite';
import { useSettings } from '../api/settings';
import { errorMessage } from '../i18n/errorMessage';
import { usePrintLabels } from './labels';
import { OnsiteReportForm } from './OnsiteReportForm';
import { PrintFrame, usePrepared } from './PrintFrame';
import { usePrintIssue } from './printIssue';
import { RouteSheetForm } from './RouteSheetForm';

/** Route names of the 上门 forms: `/print/routes/:day` and `/print/onsite-report/:orderId`. */
const ONSITE_FORMS = ['routes', 'onsite-report'] as const;
type OnsiteForm = (typeof ONSITE_FORMS)[number];

export function isOnsiteForm(form: string): form is OnsiteForm {
  return (ONSITE_FORMS as readonly string[]).includes(form);
}

/** The day's route sheets (one A4 page per technician) or one visit's service report. */
export function OnsitePrintPage({ form, id }: { form: OnsiteForm; id: string }) {
  const labels = usePrintLabels();
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const routes = useRouteSheetsForPrint(id, form === 'routes');
  const report = useOnsiteReportForPrint(id, form === 'onsite-report');
  const query = form === 'routes' ? routes : report;
  const loaded = query.data !== undefined && settings.data !== undefined;
  const printing = usePrintIssue(
    loaded ? { form: form === 'routes' ? 'routeSheet' : 'onsiteReport', documentId: id } : null,
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
        {labels.toolbar.loadFailed}: {errorMessage(query.error ?? settings.error, t)}
      </div>
    );
  } else if (!settings.data) {
    body = <div className="pf-message">{labels.toolbar.loading}</div>;
  } else if (form === 'routes' && routes.data) {
    docTitle = `${t('onsite.route.title')} ${id}`;
    body =
      routes.data.sheets.length === 0 ? (
        <div className="pf-message">{t('onsite.noJobs')}</div>
      ) : (
        <RouteSheetForm data={routes.data} settings={settings.data} labels={labels} />
      );
  } else if (form === 'onsite-report' && report.data) {
    docTitle = `${t('onsite.serviceReport.title')} ${report.data.job.orderNo}`;
    body = <OnsiteReportForm report={report.data} settings={settings.data} labels={labels} />;
  } else {
    body = <div className="pf-message">{labels.toolbar.loading}</div>;
  }

  return (
    <PrintFrame
      pagesRef={pagesRef}
      ready={ready}
      pageRule="@page { size: A4 portrait; margin: 0; }"
      docTitle={docTitle}
      printing={printing}
      switcher={
        <span className="pf-toolbar__title">
          {form === 'routes' ? t('onsite.route.title') : t('onsite.serviceReport.title')}
        </span>
      }
    >
      {body}
    </PrintFrame>
  );
}
