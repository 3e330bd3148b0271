import { useMemo } from 'react';
import { Col, Flex, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PeriodInput, RevenueReport } from '@shared/schemas/reports';
import { useReport } from '../../api/reports';
import { Chart } from '../../components/charts/LazyChart';
import { axisChart, pieChart } from '../../components/charts/options';
import { formatYuan, fenToChartYuan } from '../../lib/money';
import { pointLabel } from '../../lib/reportPeriod';
import { Figures, ReportError, ReportExport, ReportSection } from './ReportParts';

type Point = RevenueReport['points'][number];
type Method = RevenueReport['byMethod'][number];
type Brand = RevenueReport['warrantyByBrand'][number];

const yuan = (fen: number) => formatYuan(fen);

/** 营收: labor vs parts over time, payments by method, 三包 warranty by brand. */
export function RevenueTab({ period }: { period: PeriodInput }) {
  const { t } = useTranslation();
  const report = useReport('revenue', period);
  const data = report.data;

  const charts = useMemo(() => {
    if (!data) return null;
    return {
      overTime: axisChart({
        categories: data.points.map((p) => pointLabel(p.key, period.bucket)),
        stacked: true,
        yuan: true,
        series: (['labor', 'parts', 'fees'] as const).map((k) => ({
          name: t(`reports.revenue.${k}`),
          data: data.points.map((p) => fenToChartYuan(p[k])),
        })),
      }),
      byMethod: pieChart({
        yuan: true,
        items: data.byMethod.map((m) => ({
          name: t(`paymentMethods.${m.method}`),
          value: fenToChartYuan(m.net),
        })),
      }),
      warranty: axisChart({
        categories: data.warrantyByBrand.map((b) => b.brand),
        yuan: true,
        series: [
          {
            name: t('reports.revenue.claimAmount'),
            data: data.warrantyByBrand.map((b) => fenToChartYuan(b.amount)),
          },
        ],
      }),
    };
  }, [data, period.bucket, t]);

  if (report.error) return <ReportError error={report.error} />;
  const totals = data?.totals;
  return (
    <Flex vertical gap="middle">
      <Figures
        items={[
          { key: 'rev-billed', title: t('reports.revenue.billed'), value: yuan(totals?.billed ?? 0) },
          {
            key: 'rev-collected',
            title: t('reports.revenue.collected'),
            value: yuan(totals?.collected ?? 0),
          },
          { key: 'rev-labor', title: t('reports.revenue.labor'), value: yuan(totals?.labor ?? 0) },
          { key: 'rev-parts', title: t('reports.revenue.parts'), value: yuan(totals?.parts ?? 0) },
          { key: 'rev-fees', title: t('reports.revenue.fees'), value: yuan(totals?.fees ?? 0) },
          { key: 'rev-discount', title: t('reports.revenue.discount'), value: yuan(totals?.discount ?? 0) },
          { key: 'rev-refunds', title: t('reports.revenue.refunds'), value: yuan(totals?.refunds ?? 0) },
          {
            key: 'rev-settlements',
            title: t('reports.revenue.settlements'),
            value: totals?.settlements ?? 0,
          },
        ]}
      />
      <ReportSection
        title={t('reports.revenue.overTime')}
        extra={<ReportExport report="revenue" period={period} />}
        chart={charts && <Chart option={charts.overTime} height={280} testId="chart-revenue" />}
      >
        <Table<Point>
          rowKey="key"
          size="small"
          data-testid="revenue-table"
          loading={report.isFetching}
          dataSource={data?.points}
          pagination={false}
          scroll={data && data.points.length > 15 ? { y: 400 } : undefined}
          columns={[
            {
              title: t('reports.col.period'),
              dataIndex: 'key',
              render: (k: string) => pointLabel(k, period.bucket),
            },
            { title: t('reports.revenue.labor'), dataIndex: 'labor', align: 'right', render: yuan },
            { title: t('reports.revenue.parts'), dataIndex: 'parts', align: 'right', render: yuan },
            { title: t('reports.revenue.fees'), dataIndex: 'fees', align: 'right', render: yuan },
            { title: t('reports.col.total'), dataIndex: 'total', align: 'right', render: yuan },
          ]}
        />
      </ReportSection>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ReportSection
            title={t('reports.revenue.byMethod')}
            chart={charts && <Chart option={charts.byMethod} height={240} testId="chart-revenue-method" />}
          >
            <Table<Method>
              rowKey="method"
              size="small"
              data-testid="revenue-method-table"
              dataSource={data?.byMethod}
              pagination={false}
              columns={[
                {
                  title: t('reports.col.method'),
                  dataIndex: 'method',
                  render: (m: Method['method']) => t(`paymentMethods.${m}`),
                },
                { title: t('reports.revenue.count'), dataIndex: 'count', align: 'right' },
                { title: t('reports.revenue.amount'), dataIndex: 'amount', align: 'right', render: yuan },
                { title: t('reports.revenue.refunds'), dataIndex: 'refunds', align: 'right', render: yuan },
                {
                  title: t('reports.revenue.net'),
                  dataIndex: 'net',
                  align: 'right',
                  render: (v: number, m) => <span data-testid={`revenue-method-${m.method}`}>{yuan(v)}</span>,
                },
              ]}
            />
          </ReportSection>
        </Col>
        <Col xs={24} xl={12}>
          <ReportSection
            title={t('reports.revenue.warrantyByBrand')}
            extra={<ReportExport report="warrantyClaims" period={period} />}
            chart={charts && <Chart option={charts.warranty} height={240} testId="chart-revenue-warranty" />}
          >
            <Table<Brand>
              rowKey="brand"
              size="small"
              data-testid="revenue-warranty-table"
              dataSource={data?.warrantyByBrand}
              pagination={false}
              locale={{ emptyText: t('reports.revenue.warrantyEmpty') }}
              columns={[
                { title: t('reports.col.brand'), dataIndex: 'brand' },
                { title: t('reports.revenue.orders'), dataIndex: 'orders', align: 'right' },
                { title: t('reports.revenue.lines'), dataIndex: 'lines', align: 'right' },
                {
                  title: t('reports.revenue.claimAmount'),
                  dataIndex: 'amount',
                  align: 'right',
                  render: (v: number, b) => (
                    <span data-testid={`revenue-warranty-${b.brand}`}>{yuan(v)}</span>
                  ),
                },
              ]}
            />
          </ReportSection>
        </Col>
      </Row>
    </Flex>
  );
}
