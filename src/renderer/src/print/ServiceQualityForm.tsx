import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { SATISFACTION_DIMENSIONS } from '@shared/schemas/followUps';
import type {
  ByCategoryReport,
  PeriodInput,
  ServiceQualityFigures,
  ServiceQualityReport,
} from '@shared/schemas/reports';
import type { SettingsView } from '@shared/schemas/settings';
import { OUTCOMES } from '@shared/workOrderStatus';
import { Chart } from '../components/charts/LazyChart';
import { axisChart } from '../components/charts/options';
import { formatHours, formatRate } from '../lib/format';
import { formatYuan } from '../lib/money';
import { formatScore, qualityCharts, qualityHeadline } from './serviceQualityFigures';
import type { PrintLabels } from './labels';
import { KeyFigures, ReportHead, ReportTable, type Column } from './reportSheet';
import './reportSummary.css';
import './serviceQuality.css';

/** The charts on paper: fixed pixel sizes that fit the A4 text width (190 mm ≈ 718 px). */
const HALF = { width: 350, height: 220 };
const FULL = { width: 718, height: 260 };
export const SERVICE_QUALITY_CHARTS = 5;
/** Rows of the by-category and by-brand tables that fit their page; the export has them all. */
const CATEGORY_ROWS = 14;

/** One section of the report: a page of its own. */
function Section({
  title,
  head,
  children,
  testId,
}: {
  title: string;
  /** The report's head, on the first page only. */
  head?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  return (
    <section className="pf-sq-page" data-testid={testId}>
      {head}
      <h2 className="pf-rep-block__title">{title}</h2>
      {children}
    </section>
  );
}

function figureColumns<R extends ServiceQualityFigures>(t: TFunction): Column<R>[] {
  const h = t('reports.hours');
  return [
    { title: t('reports.serviceQuality.received'), value: (r) => r.received, num: true },
    {
      title: t('reports.serviceQuality.firstResponse'),
      value: (r) => formatHours(r.firstResponseHours, h),
      num: true,
    },
    {
      title: t('reports.serviceQuality.turnaround'),
      value: (r) => formatHours(r.turnaroundHours, h),
      num: true,
    },
    { title: t('reports.serviceQuality.onTimeRate'), value: (r) => formatRate(r.onTimeRate), num: true },
    { title: t('reports.serviceQuality.fixRate'), value: (r) => formatRate(r.fixRate), num: true },
    { title: t('reports.serviceQuality.reworkRate'), value: (r) => formatRate(r.reworkRate), num: true },
    { title: t('reports.serviceQuality.followUpRate'), value: (r) => formatRate(r.followUpRate), num: true },
    { title: t('reports.serviceQuality.reachRate'), value: (r) => formatRate(r.reachRate), num: true },
    {
      title: t('reports.serviceQuality.satisfaction'),
      value: (r) => formatScore(r.satisfaction.overall.mean),
      num: true,
    },
    { title: t('reports.serviceQuality.complaints'), value: (r) => r.complaints, num: true },
    {
      title: t('reports.serviceQuality.resolvedInTime'),
      value: (r) => formatRate(r.resolvedInTimeRate),
      num: true,
    },
  ];
}

type CategoryFigures = Omit<ByCategoryReport['byCategory'][number], 'category'>;
function categoryColumns<R extends CategoryFigures>(t: TFunction, name: Column<R>): Column<R>[] {
  return [
    name,
    { title: t('reports.byCategory.received'), value: (r) => r.received, num: true },
    ...OUTCOMES.map((o): Column<R> => ({
      title: t(`outcomes.${o}`),
      value: (r) => r.outcomes[o],
      num: true,
    })),
    { title: t('reports.byCategory.fixRate'), value: (r) => formatRate(r.fixRate), num: true },
    {
      title: t('reports.byCategory.turnaround'),
      value: (r) => formatHours(r.turnaroundHours, t('reports.hours')),
      num: true,
    },
    { title: t('reports.byCategory.revenue'), value: (r) => formatYuan(r.revenue), num: true },
  ];
}

/**
 * 服务质量报告: one A4 page per section — the key figures with the outcomes and satisfaction, by
 * service type, by technician, by device category and brand — each with its chart (SVG, drawn
 * without animation) and the table behind it.
 */
export function ServiceQualityForm({
  quality,
  byCategory,
  period,
  settings,
  labels,
  printedAt,
  onChartFinished,
}: {
  quality: ServiceQualityReport;
  byCategory: ByCategoryReport;
  period: PeriodInput;
  settings: SettingsView;
  labels: PrintLabels;
  printedAt: number;
  onChartFinished: (name: string) => void;
}) {
  const { t } = useTranslation();
  const o = quality.overall;
  const charts = useMemo(() => {
    const base = qualityCharts(quality, t, false);
    const top = byCategory.byCategory.slice(0, CATEGORY_ROWS);
    return {
      ...base,
      byCategory: axisChart({
        animation: false,
        categories: top.map((r) => r.category),
        percent: true,
        series: [{ name: t('reports.byCategory.fixRate'), data: top.map((r) => r.fixRate ?? 0) }],
      }),
    };
  }, [quality, byCategory, t]);
  const chart = (name: keyof typeof charts, size: { width: number; height: number }) => (
    <Chart
      option={charts[name]}
      renderer="svg"
      {...size}
      testId={`print-chart-sq-${name}`}
      onFinished={() => onChartFinished(name)}
    />
  );
  const techName = (r: ServiceQualityReport['byTechnician'][number]) =>
    r.technicianName ?? t('reports.col.unassigned');

  return (
    <div className="pf-flow pf-rep pf-sq" data-testid="print-report-service-quality">
      <Section
        title={t('reports.sheet.keyFigures')}
        testId="print-sq-section-summary"
        head={
          <ReportHead
            title={t('reports.sheet.serviceQualityTitle')}
            period={period}
            settings={settings}
            labels={labels}
            printedAt={printedAt}
          />
        }
      >
        <KeyFigures
          items={qualityHeadline(o, t).map((f) => ({ key: `sq-${f.key}`, label: f.label, value: f.value }))}
        />
        <div className="pf-rep-charts pf-sq-charts">
          <div>
            <h3 className="pf-sq-sub">{t('reports.serviceQuality.outcomes')}</h3>
            {chart('outcomes', HALF)}
          </div>
          <div>
            <h3 className="pf-sq-sub">{t('reports.serviceQuality.satisfactionByDimension')}</h3>
            {chart('satisfaction', HALF)}
          </div>
        </div>
        <div className="pf-rep-charts">
          <div className="pf-rep-side">
            <ReportTable
              columns={[
                { title: t('reports.serviceQuality.outcomes'), value: (k: string) => k },
                {
                  title: t('reports.byCategory.received'),
                  value: (_k, i) => [...OUTCOMES.map((x) => o.outcomes[x]), o.outcomes.open][i],
                  num: true,
                },
              ]}
              rows={[...OUTCOMES.map((x) => t(`outcomes.${x}`)), t('reports.quality.open')]}
              rowKey={(k) => k}
              total={[t('reports.sheet.total'), o.received]}
            />
          </div>
          <div className="pf-rep-side">
            <ReportTable
              columns={[
                {
                  title: t('reports.serviceQuality.dimension'),
                  value: (d: (typeof SATISFACTION_DIMENSIONS)[number] | 'overall') =>
                    d === 'overall' ? t('reports.serviceQuality.overall') : t(`satisfactionDimensions.${d}`),
                },
                { title: t('reports.serviceQuality.scores'), value: (d) => o.satisfaction[d].n, num: true },
                {
                  title: t('reports.serviceQuality.mean'),
                  value: (d) => formatScore(o.satisfaction[d].mean),
                  num: true,
                },
                {
                  title: t('reports.serviceQuality.satisfactionGood'),
                  value: (d) => formatRate(o.satisfaction[d].good),
                  num: true,
                },
              ]}
              rows={[...SATISFACTION_DIMENSIONS, 'overall' as const]}
              rowKey={(d) => d}
            />
          </div>
        </div>
        <p className="pf-sq-note">{t('reports.serviceQuality.hint')}</p>
      </Section>

      <Section title={t('reports.serviceQuality.byServiceType')} testId="print-sq-section-service-type">
        {chart('byServiceType', FULL)}
        <ReportTable
          columns={[
            {
              title: t('reports.col.serviceType'),
              value: (r) => t(`serviceTypes.${r.serviceType}`),
              width: '16mm',
            },
            ...figureColumns<ServiceQualityReport['byServiceType'][number]>(t),
          ]}
          rows={quality.byServiceType}
          rowKey={(r) => r.serviceType}
          total={[
            t('reports.sheet.total'),
            ...figureColumns<ServiceQualityFigures>(t).map((c) => c.value(o, 0)),
          ]}
        />
      </Section>

      <Section title={t('reports.serviceQuality.byTechnician')} testId="print-sq-section-technician">
        {chart('byTechnician', FULL)}
        <ReportTable
          columns={[
            { title: t('reports.col.technician'), value: techName, width: '16mm' },
            ...figureColumns<ServiceQualityReport['byTechnician'][number]>(t),
          ]}
          rows={quality.byTechnician}
          rowKey={(r) => r.technicianId ?? 'none'}
        />
      </Section>

      <Section title={t('reports.byCategory.byCategory')} testId="print-sq-section-category">
        {chart('byCategory', FULL)}
        <ReportTable
          columns={categoryColumns<ByCategoryReport['byCategory'][number]>(t, {
            title: t('reports.byCategory.category'),
            value: (r) => r.category,
            width: '22mm',
          })}
          rows={byCategory.byCategory.slice(0, CATEGORY_ROWS)}
          rowKey={(r) => r.category}
        />
        <h3 className="pf-sq-sub">{t('reports.byCategory.byBrand')}</h3>
        <ReportTable
          columns={categoryColumns<ByCategoryReport['byBrand'][number]>(t, {
            title: t('reports.byCategory.brand'),
            value: (r) => r.brand || '–',
            width: '22mm',
          })}
          rows={byCategory.byBrand.slice(0, CATEGORY_ROWS)}
          rowKey={(r) => r.brand}
        />
        {byCategory.byCategory.length > CATEGORY_ROWS || byCategory.byBrand.length > CATEGORY_ROWS ? (
          <p className="pf-sq-note">
            {t('reports.sheet.truncated', {
              shown: CATEGORY_ROWS,
              count: Math.max(byCategory.byCategory.length, byCategory.byBrand.length),
            })}
          </p>
        ) : null}
      </Section>
    </div>
  );
}
