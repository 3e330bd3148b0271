import { useMemo } from 'react';
import { Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SATISFACTION_DIMENSIONS } from '@shared/schemas/followUps';
import type { PeriodInput, ServiceQualityFigures, ServiceQualityReport } from '@shared/schemas/reports';
import { OUTCOMES } from '@shared/workOrderStatus';
import { useReport } from '../../api/reports';
import { Chart } from '../../components/charts/LazyChart';
import { formatHours, formatRate } from '../../lib/format';
import { Figures, ReportError, ReportExport, ReportSection } from './ReportParts';
import { formatScore, qualityCharts, qualityHeadline } from '../../print/serviceQualityFigures';

type TypeRow = ServiceQualityReport['byServiceType'][number];
type TechRow = ServiceQualityReport['byTechnician'][number];

function figureColumns<R extends ServiceQualityFigures>(t: TFunction): ColumnsType<R> {
  const h = t('reports.hours');
  const rate = (title: string, pick: (r: R) => number | null) => ({
    title,
    key: title,
    align: 'right' as const,
    render: (_: unknown, r: R) => formatRate(pick(r)),
  });
  return [
    {
      title: t('reports.serviceQuality.received'),
      key: 'received',
      align: 'right',
      render: (_, r) => r.received,
    },
    {
      title: t('reports.serviceQuality.firstResponse'),
      key: 'firstResponse',
      align: 'right',
      render: (_, r) => formatHours(r.firstResponseHours, h),
    },
    {
      title: t('reports.serviceQuality.turnaround'),
      key: 'turnaround',
      align: 'right',
      render: (_, r) => formatHours(r.turnaroundHours, h),
    },
    rate(t('reports.serviceQuality.onTimeRate'), (r) => r.onTimeRate),
    rate(t('reports.serviceQuality.fixRate'), (r) => r.fixRate),
    rate(t('reports.serviceQuality.reworkRate'), (r) => r.reworkRate),
    rate(t('reports.serviceQuality.followUpRate'), (r) => r.followUpRate),
    rate(t('reports.serviceQuality.reachRate'), (r) => r.reachRate),
    {
      title: t('reports.serviceQuality.satisfaction'),
      key: 'satisfaction',
      align: 'right',
      render: (_, r) => formatScore(r.satisfaction.overall.mean),
    },
    {
      title: t('reports.serviceQuality.complaintsPer100'),
      key: 'complaintsPer100',
      align: 'right',
      render: (_, r) => formatScore(r.complaintsPer100),
    },
  ];
}

/** 服务质量: GB/T 27922's figures for the period, for the shop, per service type and per technician. */
export function ServiceQualityTab({ period }: { period: PeriodInput }) {
  const { t } = useTranslation();
  const report = useReport('serviceQuality', period);
  const data = report.data;
  const charts = useMemo(() => (data ? qualityCharts(data, t) : null), [data, t]);
  const export_ = <ReportExport report="serviceQuality" period={period} />;

  if (report.error) return <ReportError error={report.error} />;
  return (
    <Flex vertical gap="middle">
      {data ? (
        <Figures
          items={qualityHeadline(data.overall, t).map((f) => ({
            key: `sq-${f.key}`,
            title: f.label,
            value: f.value,
            warn: f.key === 'complaints' && data.overall.complaints > 0,
          }))}
        />
      ) : null}
      <Typography.Text type="secondary">{t('reports.serviceQuality.hint')}</Typography.Text>
      <ReportSection
        title={t('reports.serviceQuality.byServiceType')}
        extra={export_}
        chart={charts && <Chart option={charts.byServiceType} height={260} testId="chart-sq-service-type" />}
      >
        <Table<TypeRow>
          rowKey="serviceType"
          size="small"
          data-testid="sq-service-type-table"
          loading={report.isFetching}
          dataSource={data?.byServiceType}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('reports.col.serviceType'),
              key: 'serviceType',
              render: (_, r) => t(`serviceTypes.${r.serviceType}`),
            },
            ...figureColumns<TypeRow>(t),
          ]}
        />
      </ReportSection>
      <ReportSection
        title={t('reports.serviceQuality.byTechnician')}
        chart={
          charts && (
            <Chart
              option={charts.byTechnician}
              height={Math.max(160, 48 * (data?.byTechnician.length ?? 0) + 60)}
              testId="chart-sq-technician"
            />
          )
        }
      >
        <Table<TechRow>
          rowKey={(r) => r.technicianId ?? 'none'}
          size="small"
          data-testid="sq-technician-table"
          loading={report.isFetching}
          dataSource={data?.byTechnician}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('reports.col.technician'),
              key: 'name',
              render: (_, r) => r.technicianName ?? t('reports.col.unassigned'),
            },
            ...figureColumns<TechRow>(t),
          ]}
        />
      </ReportSection>
      <Flex gap="middle" wrap>
        <div style={{ flex: '1 1 360px' }}>
          <ReportSection
            title={t('reports.serviceQuality.outcomes')}
            chart={charts && <Chart option={charts.outcomes} height={240} testId="chart-sq-outcomes" />}
          >
            <Typography.Text data-testid="sq-outcomes">
              {[...OUTCOMES, 'open' as const]
                .map((o) =>
                  o === 'open'
                    ? `${t('reports.quality.open')} ${data?.overall.outcomes.open ?? 0}`
                    : `${t(`outcomes.${o}`)} ${data?.overall.outcomes[o] ?? 0}`,
                )
                .join(' · ')}
            </Typography.Text>
          </ReportSection>
        </div>
        <div style={{ flex: '1 1 360px' }}>
          <ReportSection
            title={t('reports.serviceQuality.satisfactionByDimension')}
            chart={
              charts && <Chart option={charts.satisfaction} height={200} testId="chart-sq-satisfaction" />
            }
          >
            <Table
              rowKey="dimension"
              size="small"
              data-testid="sq-satisfaction-table"
              pagination={false}
              dataSource={[...SATISFACTION_DIMENSIONS, 'overall' as const].map((d) => ({
                dimension: d,
                ...(data?.overall.satisfaction[d] ?? { n: 0, mean: null, good: null }),
              }))}
              columns={[
                {
                  title: t('reports.serviceQuality.dimension'),
                  dataIndex: 'dimension',
                  render: (d: (typeof SATISFACTION_DIMENSIONS)[number] | 'overall') =>
                    d === 'overall' ? t('reports.serviceQuality.overall') : t(`satisfactionDimensions.${d}`),
                },
                { title: t('reports.serviceQuality.scores'), dataIndex: 'n', align: 'right' },
                {
                  title: t('reports.serviceQuality.mean'),
                  dataIndex: 'mean',
                  align: 'right',
                  render: formatScore,
                },
                {
                  title: t('reports.serviceQuality.satisfactionGood'),
                  dataIndex: 'good',
                  align: 'right',
                  render: formatRate,
                },
              ]}
            />
          </ReportSection>
        </div>
      </Flex>
    </Flex>
  );
}
