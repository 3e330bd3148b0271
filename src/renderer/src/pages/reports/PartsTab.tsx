import { useMemo } from 'react';
import { Col, Flex, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PartsReport, PeriodInput } from '@shared/schemas/reports';
import { useReport } from '../../api/reports';
import { Chart } from '../../components/charts/LazyChart';
import { axisChart, pieChart } from '../../components/charts/options';
import { formatDateTime } from '../../lib/format';
import { formatYuan, fenToChartYuan } from '../../lib/money';
import { Figures, ReportError, ReportExport, ReportSection } from './ReportParts';

type Used = PartsReport['mostUsed'][number];
type Category = PartsReport['stockValue']['byCategory'][number];
type Slow = PartsReport['slowMovers'][number];

const yuan = (fen: number) => formatYuan(fen);

/** 配件: the most used parts, stock value by category, slow movers. */
export function PartsTab({ period }: { period: PeriodInput }) {
  const { t } = useTranslation();
  const report = useReport('parts', period);
  const data = report.data;

  const charts = useMemo(() => {
    if (!data) return null;
    const top = data.mostUsed.slice(0, 10);
    return {
      used: axisChart({
        categories: top.map((p) => p.name),
        horizontal: true,
        series: [{ name: t('reports.parts.quantity'), data: top.map((p) => p.quantity) }],
      }),
      value: pieChart({
        yuan: true,
        items: data.stockValue.byCategory.map((c) => ({
          name: c.category || t('reports.none'),
          value: fenToChartYuan(c.value),
        })),
      }),
    };
  }, [data, t]);

  if (report.error) return <ReportError error={report.error} />;
  return (
    <Flex vertical gap="middle">
      <Figures
        items={[
          {
            key: 'parts-stock-total',
            title: t('reports.parts.stockTotal'),
            value: yuan(data?.stockValue.total ?? 0),
          },
          { key: 'parts-used-count', title: t('reports.parts.mostUsed'), value: data?.mostUsed.length ?? 0 },
          {
            key: 'parts-slow-count',
            title: t('reports.parts.slowCount'),
            value: data?.slowMovers.length ?? 0,
          },
        ]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ReportSection
            title={t('reports.parts.mostUsed')}
            extra={<ReportExport report="parts" period={period} />}
            chart={charts && <Chart option={charts.used} height={280} testId="chart-parts-used" />}
          >
            <Table<Used>
              rowKey="partId"
              size="small"
              data-testid="parts-used-table"
              loading={report.isFetching}
              dataSource={data?.mostUsed}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t('reports.parts.empty') }}
              columns={[
                { title: t('reports.col.code'), dataIndex: 'code', width: 120 },
                { title: t('reports.col.name'), dataIndex: 'name' },
                {
                  title: t('reports.parts.quantity'),
                  dataIndex: 'quantity',
                  align: 'right',
                  render: (v: number, p) => <span data-testid={`parts-used-${p.code}`}>{v}</span>,
                },
                { title: t('reports.parts.amount'), dataIndex: 'amount', align: 'right', render: yuan },
                { title: t('reports.parts.orders'), dataIndex: 'orders', align: 'right' },
              ]}
            />
          </ReportSection>
        </Col>
        <Col xs={24} xl={12}>
          <ReportSection
            title={t('reports.parts.stockValue')}
            chart={charts && <Chart option={charts.value} height={280} testId="chart-parts-value" />}
          >
            <Table<Category>
              rowKey="category"
              size="small"
              data-testid="parts-value-table"
              dataSource={data?.stockValue.byCategory}
              pagination={false}
              columns={[
                {
                  title: t('reports.col.category'),
                  dataIndex: 'category',
                  render: (c: string) => c || t('reports.none'),
                },
                { title: t('reports.parts.partsCount'), dataIndex: 'parts', align: 'right' },
                { title: t('reports.parts.onHand'), dataIndex: 'quantity', align: 'right' },
                { title: t('reports.parts.value'), dataIndex: 'value', align: 'right', render: yuan },
              ]}
            />
          </ReportSection>
        </Col>
      </Row>
      <ReportSection title={t('reports.parts.slowMovers', { days: data?.slowDays ?? 0 })}>
        <Table<Slow>
          rowKey="partId"
          size="small"
          data-testid="parts-slow-table"
          dataSource={data?.slowMovers}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('reports.parts.empty') }}
          columns={[
            { title: t('reports.col.code'), dataIndex: 'code', width: 120 },
            { title: t('reports.col.name'), dataIndex: 'name' },
            { title: t('reports.parts.onHand'), dataIndex: 'onHand', align: 'right' },
            { title: t('reports.parts.value'), dataIndex: 'value', align: 'right', render: yuan },
            {
              title: t('reports.parts.lastOut'),
              dataIndex: 'lastOutAt',
              render: (v: number | null) => (v === null ? t('reports.parts.never') : formatDateTime(v)),
            },
          ]}
        />
      </ReportSection>
    </Flex>
  );
}
