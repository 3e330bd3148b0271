import { lazy, Suspense } from 'react';
import { useParams } from 'react-router-dom';
import { REPORT_ROUTES, type ReportForm } from './reportRoutes';

/** The forms and the barcode encoder load only when something is printed. */
const PrintPage = lazy(() => import('./PrintPage'));
/** The printed reports bring echarts; they load on their own. */
const ReportPrintPage = lazy(() => import('./ReportPrintPage').then((m) => ({ default: m.ReportPrintPage })));

/** Report forms are named `report-…`; every other form is PrintPage's. */
function isReportRoute(form: string): form is ReportForm {
  return (REPORT_ROUTES as readonly string[]).includes(form);
}

export function PrintRoute() {
  const { form = '', id = '' } = useParams();
  return (
    <Suspense fallback={null}>
      {isReportRoute(form) ? <ReportPrintPage form={form} id={id} /> : <PrintPage />}
    </Suspense>
  );
}
