import { useMemo } from 'react';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PeriodInput, TechnicianReport } from '@shared/schemas/reports';
import { useReport } from '../../api/reports';
import { Chart } from '../../components/charts/LazyChart';
import { axisChart } from '../../components/charts/options';
import { formatYuan } from '../../lib/money';
import { formatHours } from '../../lib/format';
import { ReportError, ReportExport, ReportSection } from './ReportParts';

type Row = TechnicianReport['rows'][number];

/** 技术员: each technician's completed orders, labor, repair time and reworks. */
export function TechniciansTab({ period }: { period: PeriodInput }) {
  const { t } = useTranslation();
  const report = useReport('technicians', period);
  const data = report.data;
  const name = (r: Row) => r.technicianName ?? t('reports.col.unassigned');
  const h = t('reports.hours');

  const chart = useMemo(
    () =>
      data
        ? axisChart({
            categories: data.rows.map((r) => r.technicianName ?? t('reports.col.unassigned')),
            series: [
              { name: t('reports.technicians.completed'), data: data.rows.map((r) => r.completed) },
              { name: t('reports.technicians.reworks'), data: data.rows.map((r) => r.reworks) },
            ],
          })
        : null,
    [data, t],
  );

  if (report.error) return <ReportError error={report.error} />;
  return (
    <ReportSection
      title={t('reports.technicians.chart')}
      extra={<ReportExport report="technicians" period={period} />}
      chart={chart && <Chart option={chart} height={280} testId="chart-technicians" />}
    >
      <Table<Row>
        rowKey={(r) => r.technicianId ?? 'none'}
        size="small"
        data-testid="technicians-table"
        loading={report.isFetching}
        dataSource={data?.rows}
        pagination={false}
        locale={{ emptyText: t('reports.technicians.empty') }}
        columns={[
          { title: t('reports.col.technician'), key: 'name', render: (_, r) => name(r) },
          {
            title: t('reports.technicians.completed'),
            dataIndex: 'completed',
            align: 'right',
            render: (v: number, r) => <span data-testid={`tech-completed-${name(r)}`}>{v}</span>,
          },
          {
            title: t('reports.technicians.laborAmount'),
            dataIndex: 'laborAmount',
            align: 'right',
            render: (v: number, r) => <span data-testid={`tech-labor-${name(r)}`}>{formatYuan(v)}</span>,
          },
          {
            title: t('reports.technicians.laborHours'),
            dataIndex: 'laborHours',
            align: 'right',
            render: (v: number) => formatHours(v, h),
          },
          {
            title: t('reports.technicians.avgRepairHours'),
            dataIndex: 'avgRepairHours',
            align: 'right',
            render: (v: number | null) => formatHours(v, h),
          },
          { title: t('reports.technicians.reworks'), dataIndex: 'reworks', align: 'right' },
        ]}
      />
    </ReportSection>
  );
}
