import type { TFunction } from 'i18next';
import { SATISFACTION_DIMENSIONS } from '@shared/schemas/followUps';
import type { ServiceQualityFigures, ServiceQualityReport } from '@shared/schemas/reports';
import { OUTCOMES } from '@shared/workOrderStatus';
import { axisChart, pieChart } from '../components/charts/options';
import { formatHours, formatRate } from '../lib/format';

/** The service-quality report's figures and charts, worded once for the 服务质量 tab and the printed report. */

/** A mean score (1–5) or a per-100 figure, one decimal; – when there is none. */
export const formatScore = (value: number | null): string => (value === null ? '—' : value.toFixed(1));

/** The headline figures, in the order the screen and the printed report show them. */
export function qualityHeadline(f: ServiceQualityFigures, t: TFunction) {
  const h = t('reports.hours');
  return [
    { key: 'received', label: t('reports.serviceQuality.received'), value: f.received },
    {
      key: 'first-response',
      label: t('reports.serviceQuality.firstResponse'),
      value: formatHours(f.firstResponseHours, h),
    },
    {
      key: 'turnaround',
      label: t('reports.serviceQuality.turnaround'),
      value: formatHours(f.turnaroundHours, h),
    },
    { key: 'on-time', label: t('reports.serviceQuality.onTimeRate'), value: formatRate(f.onTimeRate) },
    { key: 'fix-rate', label: t('reports.serviceQuality.fixRate'), value: formatRate(f.fixRate) },
    { key: 'rework-rate', label: t('reports.serviceQuality.reworkRate'), value: formatRate(f.reworkRate) },
    {
      key: 'follow-up-rate',
      label: t('reports.serviceQuality.followUpRate'),
      value: formatRate(f.followUpRate),
    },
    { key: 'reach-rate', label: t('reports.serviceQuality.reachRate'), value: formatRate(f.reachRate) },
    {
      key: 'satisfaction',
      label: t('reports.serviceQuality.satisfaction'),
      value: formatScore(f.satisfaction.overall.mean),
    },
    {
      key: 'satisfaction-good',
      label: t('reports.serviceQuality.satisfactionGood'),
      value: formatRate(f.satisfaction.overall.good),
    },
    { key: 'complaints', label: t('reports.serviceQuality.complaints'), value: f.complaints },
    {
      key: 'complaints-per-100',
      label: t('reports.serviceQuality.complaintsPer100'),
      value: formatScore(f.complaintsPer100),
    },
    {
      key: 'complaint-first-response',
      label: t('reports.serviceQuality.complaintFirstResponse'),
      value: formatHours(f.complaintFirstResponseHours, h),
    },
    {
      key: 'complaint-resolution',
      label: t('reports.serviceQuality.complaintResolution'),
      value: formatHours(f.complaintResolutionHours, h),
    },
    {
      key: 'resolved-in-time',
      label: t('reports.serviceQuality.resolvedInTime'),
      value: formatRate(f.resolvedInTimeRate),
    },
  ];
}

/** The charts of the report, shared by the screen and the printed report. */
export function qualityCharts(data: ServiceQualityReport, t: TFunction, animation = true) {
  const techName = (r: ServiceQualityReport['byTechnician'][number]) =>
    r.technicianName ?? t('reports.col.unassigned');
  const rates = (rows: ServiceQualityFigures[], categories: string[], horizontal = false) =>
    axisChart({
      animation,
      categories,
      percent: true,
      horizontal,
      series: [
        { name: t('reports.serviceQuality.fixRate'), data: rows.map((r) => r.fixRate ?? 0) },
        { name: t('reports.serviceQuality.onTimeRate'), data: rows.map((r) => r.onTimeRate ?? 0) },
        { name: t('reports.serviceQuality.followUpRate'), data: rows.map((r) => r.followUpRate ?? 0) },
      ],
    });
  return {
    outcomes: pieChart({
      animation,
      items: [
        ...OUTCOMES.map((o) => ({ name: t(`outcomes.${o}`), value: data.overall.outcomes[o] })),
        { name: t('reports.quality.open'), value: data.overall.outcomes.open },
      ],
    }),
    byServiceType: rates(
      data.byServiceType,
      data.byServiceType.map((r) => t(`serviceTypes.${r.serviceType}`)),
    ),
    byTechnician: rates(data.byTechnician, data.byTechnician.map(techName), true),
    satisfaction: axisChart({
      animation,
      categories: SATISFACTION_DIMENSIONS.map((d) => t(`satisfactionDimensions.${d}`)),
      series: [
        {
          name: t('reports.serviceQuality.mean'),
          data: SATISFACTION_DIMENSIONS.map((d) => data.overall.satisfaction[d].mean ?? 0),
        },
      ],
    }),
  };
}
