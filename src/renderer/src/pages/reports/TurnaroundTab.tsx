import { useMemo } from 'react';
import { Col, Flex, Row, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PeriodInput, TurnaroundReport } from '@shared/schemas/reports';
import { useReport } from '../../api/reports';
import { Chart } from '../../components/charts/LazyChart';
import { axisChart } from '../../components/charts/options';
import { formatHours, formatRate } from '../../lib/format';
import { Figures, ReportError, ReportExport, ReportSection } from './ReportParts';

type Figures = TurnaroundReport['overall'];
type ByService = TurnaroundReport['byServiceType'][number];
type ByTech = TurnaroundReport['byTechnician'][number];

/** The figure columns both tables share: counts, avg / median hours, on-time. */
function useFigureColumns<T extends Figures>(): TableColumnsType<T> {
  const { t } = useTranslation();
  const h = t('reports.hours');
  const hours = (v: number | null) => formatHours(v, h);
  return [
    { title: t('reports.turnaround.readied'), dataIndex: 'readied', align: 'right' },
    {
      title: t('reports.turnaround.avgToReady'),
      dataIndex: 'avgToReadyHours',
      align: 'right',
      render: hours,
    },
    {
      title: t('reports.turnaround.medianToReady'),
      dataIndex: 'medianToReadyHours',
      align: 'right',
      render: hours,
    },
    { title: t('reports.turnaround.onTime'), dataIndex: 'onTime', align: 'right' },
    {
      title: t('reports.turnaround.onTimeRate'),
      dataIndex: 'onTimeRate',
      align: 'right',
      render: formatRate,
    },
    { title: t('statuses.delivered'), dataIndex: 'delivered', align: 'right' },
    {
      title: t('reports.turnaround.avgToDelivered'),
      dataIndex: 'avgToDeliveredHours',
      align: 'right',
      render: hours,
    },
    {
      title: t('reports.turnaround.medianToDelivered'),
      dataIndex: 'medianToDeliveredHours',
      align: 'right',
      render: hours,
    },
  ];
}

/** 时效: intake → ready and → delivered, avg and median, by service type and technician; on-time rate. */
export function TurnaroundTab({ period }: { period: PeriodInput }) {
  const { t } = useTranslation();
  const report = useReport('turnaround', period);
  const data = report.data;
  const serviceColumns = useFigureColumns<ByService>();
  const techColumns = useFigureColumns<ByTech>();
  const techName = (r: ByTech) => r.technicianName ?? t('reports.col.unassigned');

  const charts = useMemo(() => {
    if (!data) return null;
    const hoursSeries = <T extends Figures>(rows: T[]) => [
      { name: t('reports.turnaround.avgToReady'), data: rows.map((r) => r.avgToReadyHours ?? 0) },
      { name: t('reports.turnaround.medianToReady'), data: rows.map((r) => r.medianToReadyHours ?? 0) },
      { name: t('reports.turnaround.avgToDelivered'), data: rows.map((r) => r.avgToDeliveredHours ?? 0) },
    ];
    return {
      service: axisChart({
        categories: data.byServiceType.map((r) => t(`serviceTypes.${r.serviceType}`)),
        series: hoursSeries(data.byServiceType),
      }),
      tech: axisChart({
        categories: data.byTechnician.map((r) => r.technicianName ?? t('reports.col.unassigned')),
        series: hoursSeries(data.byTechnician),
      }),
    };
  }, [data, t]);

  if (report.error) return <ReportError error={report.error} />;
  const o = data?.overall;
  const h = t('reports.hours');
  return (
    <Flex vertical gap="middle">
      <Figures
        items={[
          { key: 'ta-readied', title: t('reports.turnaround.readied'), value: o?.readied ?? 0 },
          {
            key: 'ta-avg-ready',
            title: t('reports.turnaround.avgToReady'),
            value: formatHours(o?.avgToReadyHours ?? null, h),
          },
          {
            key: 'ta-median-ready',
            title: t('reports.turnaround.medianToReady'),
            value: formatHours(o?.medianToReadyHours ?? null, h),
          },
          {
            key: 'ta-on-time-rate',
            title: t('reports.turnaround.onTimeRate'),
            value: formatRate(o?.onTimeRate ?? null),
          },
          { key: 'ta-delivered', title: t('statuses.delivered'), value: o?.delivered ?? 0 },
          {
            key: 'ta-avg-delivered',
            title: t('reports.turnaround.avgToDelivered'),
            value: formatHours(o?.avgToDeliveredHours ?? null, h),
          },
        ]}
      />
      <Typography.Text type="secondary">{t('reports.turnaround.hint')}</Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={12}>
          <ReportSection
            title={t('reports.turnaround.byServiceType')}
            extra={<ReportExport report="turnaround" period={period} />}
            chart={charts && <Chart option={charts.service} height={260} testId="chart-turnaround-service" />}
          >
            <Table<ByService>
              rowKey="serviceType"
              size="small"
              data-testid="turnaround-service-table"
              loading={report.isFetching}
              dataSource={data?.byServiceType}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t('reports.col.serviceType'),
                  dataIndex: 'serviceType',
                  render: (s: ByService['serviceType']) => t(`serviceTypes.${s}`),
                },
                ...serviceColumns,
              ]}
            />
          </ReportSection>
        </Col>
        <Col xs={24} xxl={12}>
          <ReportSection
            title={t('reports.turnaround.byTechnician')}
            chart={charts && <Chart option={charts.tech} height={260} testId="chart-turnaround-tech" />}
          >
            <Table<ByTech>
              rowKey={(r) => r.technicianId ?? 'none'}
              size="small"
              data-testid="turnaround-tech-table"
              loading={report.isFetching}
              dataSource={data?.byTechnician}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('reports.col.technician'), key: 'name', render: (_, r) => techName(r) },
                ...techColumns,
              ]}
            />
          </ReportSection>
        </Col>
      </Row>
    </Flex>
  );
}
