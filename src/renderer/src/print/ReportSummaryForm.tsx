import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodInput } from '@shared/schemas/reports';
import type { SettingsView } from '@shared/schemas/settings';
import { CHANNELS, SERVICE_TYPES } from '@shared/schemas/workOrders';
import type { SummaryData } from '../api/reports';
import { Chart } from '../components/charts/LazyChart';
import { axisChart, pieChart } from '../components/charts/options';
import { pointLabel } from '../lib/reportPeriod';
import { fenToChartYuan, formatYuan } from '../lib/money';
import { formatHours, formatRate } from '../lib/format';
import type { PrintLabels } from './labels';
import { KeyFigures, ReportBlock, ReportHead, ReportTable } from './reportSheet';
import { technicianFigures } from './TechnicianSheetForm';
import './reportSummary.css';

/** The charts on paper: fixed pixel sizes that fit the A4 text width (190 mm ≈ 718 px). */
const HALF = { width: 350, height: 210 };
const FULL = { width: 718, height: 230 };
export const SUMMARY_CHARTS = 4;

/**
 * 经营汇总: the period on paper for the owner — key figures, the charts drawn as SVG without
 * animation, and the tables behind them. Flows over A4 pages; a block is kept whole when it fits.
 */
export function ReportSummaryForm({
  data,
  period,
  settings,
  labels,
  printedAt,
  onChartFinished,
}: {
  data: SummaryData;
  period: PeriodInput;
  settings: SettingsView;
  labels: PrintLabels;
  printedAt: number;
  onChartFinished: (name: string) => void;
}) {
  const { t } = useTranslation();
  const { volume, turnaround, quality, revenue, technicians } = data;
  const h = t('reports.hours');
  const yuan = (fen: number) => formatYuan(fen);

  const charts = useMemo(() => {
    const categories = volume.points.map((p) => pointLabel(p.key, period.bucket));
    return {
      volume: axisChart({
        animation: false,
        categories,
        stacked: true,
        series: CHANNELS.map((c) => ({
          name: t(`channels.${c}`),
          data: volume.points.map((p) => p.byChannel[c]),
        })),
      }),
      revenue: axisChart({
        animation: false,
        categories: revenue.points.map((p) => pointLabel(p.key, period.bucket)),
        stacked: true,
        yuan: true,
        series: (['labor', 'parts', 'fees'] as const).map((k) => ({
          name: t(`reports.revenue.${k}`),
          data: revenue.points.map((p) => fenToChartYuan(p[k])),
        })),
      }),
      share: pieChart({
        animation: false,
        items: SERVICE_TYPES.map((s) => ({
          name: t(`serviceTypes.${s}`),
          value: volume.totals.byServiceType[s],
        })),
      }),
      methods: pieChart({
        animation: false,
        yuan: true,
        items: revenue.byMethod.map((m) => ({
          name: t(`paymentMethods.${m.method}`),
          value: fenToChartYuan(m.net),
        })),
      }),
    };
  }, [volume, revenue, period.bucket, t]);

  const warrantyTotal = revenue.warrantyByBrand.reduce((sum, b) => sum + b.amount, 0);

  return (
    <div className="pf-flow pf-rep" data-testid="print-report-summary">
      <ReportHead
        title={t('reports.sheet.summaryTitle')}
        period={period}
        settings={settings}
        labels={labels}
        printedAt={printedAt}
      />
      <ReportBlock title={t('reports.sheet.keyFigures')}>
        <KeyFigures
          items={[
            { key: 'received', label: t('reports.volume.total'), value: volume.totals.total },
            { key: 'completed', label: t('reports.quality.completed'), value: quality.completed },
            { key: 'delivered', label: t('reports.quality.delivered'), value: quality.delivered },
            { key: 'billed', label: t('reports.revenue.billed'), value: yuan(revenue.totals.billed) },
            {
              key: 'collected',
              label: t('reports.revenue.collected'),
              value: yuan(revenue.totals.collected),
            },
            { key: 'labor', label: t('reports.revenue.labor'), value: yuan(revenue.totals.labor) },
            { key: 'parts', label: t('reports.revenue.parts'), value: yuan(revenue.totals.parts) },
            { key: 'warranty', label: t('reports.revenue.warrantyTotal'), value: yuan(warrantyTotal) },
            {
              key: 'completion',
              label: t('reports.quality.completionRate'),
              value: formatRate(quality.completionRate),
            },
            { key: 'rework', label: t('reports.quality.reworkRate'), value: formatRate(quality.reworkRate) },
            {
              key: 'ftf',
              label: t('reports.quality.firstTimeFixRate'),
              value: formatRate(quality.firstTimeFixRate),
            },
            {
              key: 'avg-ready',
              label: t('reports.turnaround.avgToReady'),
              value: formatHours(turnaround.overall.avgToReadyHours, h),
            },
            {
              key: 'on-time',
              label: t('reports.turnaround.onTimeRate'),
              value: formatRate(turnaround.overall.onTimeRate),
            },
            {
              key: 'settlements',
              label: t('reports.revenue.settlements'),
              value: revenue.totals.settlements,
            },
            { key: 'refunds', label: t('reports.revenue.refunds'), value: yuan(revenue.totals.refunds) },
          ]}
        />
      </ReportBlock>

      <ReportBlock title={t('reports.volume.overTime')}>
        <div className="pf-rep-charts">
          <Chart
            option={charts.volume}
            renderer="svg"
            {...HALF}
            testId="print-chart-volume"
            onFinished={() => onChartFinished('volume')}
          />
          <Chart
            option={charts.share}
            renderer="svg"
            {...HALF}
            testId="print-chart-share"
            onFinished={() => onChartFinished('share')}
          />
        </div>
        <ReportTable
          columns={[
            { title: t('reports.col.serviceType'), value: (s) => t(`serviceTypes.${s}`) },
            { title: t('reports.volume.total'), value: (s) => volume.totals.byServiceType[s], num: true },
            {
              title: t('reports.quality.completed'),
              value: (s) => quality.byServiceType.find((r) => r.serviceType === s)?.completed ?? 0,
              num: true,
            },
            {
              title: t('reports.quality.completionRate'),
              value: (s) =>
                formatRate(quality.byServiceType.find((r) => r.serviceType === s)?.completionRate ?? null),
              num: true,
            },
            {
              title: t('reports.turnaround.avgToReady'),
              value: (s) =>
                formatHours(
                  turnaround.byServiceType.find((r) => r.serviceType === s)?.avgToReadyHours ?? null,
                  h,
                ),
              num: true,
            },
            {
              title: t('reports.turnaround.onTimeRate'),
              value: (s) =>
                formatRate(turnaround.byServiceType.find((r) => r.serviceType === s)?.onTimeRate ?? null),
              num: true,
            },
          ]}
          rows={[...SERVICE_TYPES]}
          rowKey={(s) => s}
          total={[
            t('reports.sheet.total'),
            volume.totals.total,
            quality.completed,
            formatRate(quality.completionRate),
            formatHours(turnaround.overall.avgToReadyHours, h),
            formatRate(turnaround.overall.onTimeRate),
          ]}
        />
      </ReportBlock>

      <ReportBlock title={t('reports.revenue.overTime')}>
        <Chart
          option={charts.revenue}
          renderer="svg"
          {...FULL}
          testId="print-chart-revenue"
          onFinished={() => onChartFinished('revenue')}
        />
      </ReportBlock>

      <ReportBlock title={t('reports.revenue.byMethod')}>
        <div className="pf-rep-charts">
          <Chart
            option={charts.methods}
            renderer="svg"
            {...HALF}
            testId="print-chart-methods"
            onFinished={() => onChartFinished('methods')}
          />
          <div className="pf-rep-side">
            <ReportTable
              columns={[
                { title: t('reports.col.method'), value: (m) => t(`paymentMethods.${m.method}`) },
                { title: t('reports.revenue.count'), value: (m) => m.count, num: true },
                { title: t('reports.revenue.net'), value: (m) => yuan(m.net), num: true },
              ]}
              rows={revenue.byMethod}
              rowKey={(m) => m.method}
              total={[
                t('reports.sheet.total'),
                revenue.byMethod.reduce((sum, m) => sum + m.count, 0),
                yuan(revenue.totals.collected),
              ]}
            />
          </div>
        </div>
      </ReportBlock>

      <ReportBlock title={t('reports.technicians.chart')}>
        <ReportTable
          columns={[
            ...technicianFigures(t),
            { title: t('reports.technicians.reworks'), value: (r) => r.reworks, num: true },
          ]}
          rows={technicians.rows}
          rowKey={(r) => r.technicianId ?? 'none'}
        />
      </ReportBlock>

      <ReportBlock title={t('reports.revenue.warrantyByBrand')}>
        <ReportTable
          columns={[
            { title: t('reports.col.brand'), value: (b) => b.brand },
            { title: t('reports.revenue.orders'), value: (b) => b.orders, num: true },
            { title: t('reports.revenue.lines'), value: (b) => b.lines, num: true },
            { title: t('reports.revenue.claimAmount'), value: (b) => yuan(b.amount), num: true },
          ]}
          rows={revenue.warrantyByBrand}
          rowKey={(b) => b.brand}
          total={[t('reports.sheet.total'), '', '', yuan(warrantyTotal)]}
        />
      </ReportBlock>
    </div>
  );
}
