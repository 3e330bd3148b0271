import { useMemo } from 'react';
import { Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ByCategoryReport, OutcomeSplit, PeriodInput } from '@shared/schemas/reports';
import { OUTCOMES } from '@shared/workOrderStatus';
import { useReport } from '../../api/reports';
import { Chart } from '../../components/charts/LazyChart';
import { axisChart } from '../../components/charts/options';
import { formatHours, formatRate } from '../../lib/format';
import { formatYuan } from '../../lib/money';
import { ReportError, ReportExport, ReportSection } from './ReportParts';

type Figures = Omit<ByCategoryReport['byCategory'][number], 'category'>;
type CategoryRow = ByCategoryReport['byCategory'][number];
type BrandRow = ByCategoryReport['byBrand'][number];
type PairRow = ByCategoryReport['byBrandCategory'][number];

/** The most categories or brands a chart draws; the table has them all. */
const CHART_ROWS = 12;

function figureColumns<R extends Figures>(
  t: TFunction,
  testPrefix: string,
  name: (r: R) => string,
): ColumnsType<R> {
  const h = t('reports.hours');
  return [
    {
      title: t('reports.byCategory.received'),
      key: 'received',
      align: 'right',
      render: (_, r) => <span data-testid={`${testPrefix}-received-${name(r)}`}>{r.received}</span>,
    },
    ...(OUTCOMES.map((o) => ({
      title: t(`outcomes.${o}`),
      key: o,
      align: 'right' as const,
      render: (_: unknown, r: R) => r.outcomes[o as keyof OutcomeSplit],
    })) as ColumnsType<R>),
    {
      title: t('reports.quality.open'),
      key: 'open',
      align: 'right',
      render: (_, r) => r.outcomes.open,
    },
    {
      title: t('reports.byCategory.fixRate'),
      key: 'fixRate',
      align: 'right',
      render: (_, r) => <span data-testid={`${testPrefix}-fix-${name(r)}`}>{formatRate(r.fixRate)}</span>,
    },
    {
      title: t('reports.byCategory.turnaround'),
      key: 'turnaround',
      align: 'right',
      render: (_, r) => formatHours(r.turnaroundHours, h),
    },
    {
      title: t('reports.byCategory.revenue'),
      key: 'revenue',
      align: 'right',
      render: (_, r) => formatYuan(r.revenue),
    },
  ];
}

/** 按品类/品牌: volume, outcomes, fix rate, turnaround and revenue by device category and brand. */
export function ByCategoryTab({ period }: { period: PeriodInput }) {
  const { t } = useTranslation();
  const report = useReport('byCategory', period);
  const data = report.data;

  const charts = useMemo(() => {
    if (!data) return null;
    const chart = (rows: (Figures & { label: string })[]) =>
      axisChart({
        categories: rows.slice(0, CHART_ROWS).map((r) => r.label),
        percent: true,
        series: [
          {
            name: t('reports.byCategory.fixRate'),
            data: rows.slice(0, CHART_ROWS).map((r) => r.fixRate ?? 0),
          },
        ],
      });
    return {
      category: chart(data.byCategory.map((r) => ({ ...r, label: r.category }))),
      brand: chart(data.byBrand.map((r) => ({ ...r, label: r.brand || '–' }))),
    };
  }, [data, t]);

  if (report.error) return <ReportError error={report.error} />;
  return (
    <Flex vertical gap="middle">
      <Typography.Text type="secondary">{t('reports.byCategory.hint')}</Typography.Text>
      <ReportSection
        title={t('reports.byCategory.byCategory')}
        extra={<ReportExport report="byCategory" period={period} />}
        chart={charts && <Chart option={charts.category} height={240} testId="chart-by-category" />}
      >
        <Table<CategoryRow>
          rowKey="category"
          size="small"
          data-testid="by-category-table"
          loading={report.isFetching}
          dataSource={data?.byCategory}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('reports.byCategory.category'), dataIndex: 'category' },
            ...figureColumns<CategoryRow>(t, 'cat', (r) => r.category),
          ]}
        />
      </ReportSection>
      <ReportSection
        title={t('reports.byCategory.byBrand')}
        chart={charts && <Chart option={charts.brand} height={240} testId="chart-by-brand" />}
      >
        <Table<BrandRow>
          rowKey="brand"
          size="small"
          data-testid="by-brand-table"
          loading={report.isFetching}
          dataSource={data?.byBrand}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('reports.byCategory.brand'), key: 'brand', render: (_, r) => r.brand || '–' },
            ...figureColumns<BrandRow>(t, 'brand', (r) => r.brand),
          ]}
        />
      </ReportSection>
      <ReportSection title={t('reports.byCategory.byBrandCategory')}>
        <Table<PairRow>
          rowKey={(r) => `${r.brand}\u0000${r.category}`}
          size="small"
          data-testid="by-brand-category-table"
          loading={report.isFetching}
          dataSource={data?.byBrandCategory}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('reports.byCategory.brand'), key: 'brand', render: (_, r) => r.brand || '–' },
            { title: t('reports.byCategory.category'), dataIndex: 'category' },
            ...figureColumns<PairRow>(t, 'pair', (r) => `${r.brand}-${r.category}`),
          ]}
        />
      </ReportSection>
    </Flex>
  );
}
