/** The printed reports' routes (`/print/<route>/<from>_<to>_<bucket>`): a light module, so the print route decides without loading echarts. */
export const REPORT_ROUTES = [
  'report-summary',
  'report-technicians',
  'report-warranty',
  'report-service-quality',
] as const;
export type ReportForm = (typeof REPORT_ROUTES)[number];
