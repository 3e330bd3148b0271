import { useMemo } from 'react';
import { Col, Flex, Row, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PeriodInput, VolumeReport } from '@shared/schemas/reports';
import { CHANNELS, SERVICE_TYPES } from '@shared/schemas/workOrders';
import { useReport } from '../../api/reports';
import { Chart } from '../../components/charts/LazyChart';
import { axisChart, pieChart } from '../../components/charts/options';
import { pointLabel } from '../../lib/reportPeriod';
import { Figures, ReportError, ReportExport, ReportSection } from './ReportParts';

type Point = VolumeReport['points'][number];

/** 工单量: orders received over time, by channel and by service type, and the service-type share. */
export function VolumeTab({ period }: { period: PeriodInput }) {
  const { t } = useTranslation();
  const report = useReport('volume', period);
  const data = report.data;

  const charts = useMemo(() => {
    if (!data) return null;
    const categories = data.points.map((p) => pointLabel(p.key, period.bucket));
    return {
      byChannel: axisChart({
        categories,
        stacked: true,
        series: CHANNELS.map((c) => ({
          name: t(`channels.${c}`),
          data: data.points.map((p) => p.byChannel[c]),
        })),
      }),
      byServiceType: axisChart({
        categories,
        kind: 'line',
        series: SERVICE_TYPES.map((s) => ({
          name: t(`serviceTypes.${s}`),
          data: data.points.map((p) => p.byServiceType[s]),
        })),
      }),
      share: pieChart({
        items: SERVICE_TYPES.map((s) => ({
          name: t(`serviceTypes.${s}`),
          value: data.totals.byServiceType[s],
        })),
      }),
    };
  }, [data, period.bucket, t]);

  const columns: TableColumnsType<Point> = [
    {
      title: t('reports.col.period'),
      dataIndex: 'key',
      width: 110,
      fixed: 'start',
      render: (k: string) => pointLabel(k, period.bucket),
    },
    { title: t('reports.col.total'), dataIndex: 'total', align: 'right', width: 80 },
    ...CHANNELS.map((c) => ({
      title: t(`channels.${c}`),
      key: `c-${c}`,
      align: 'right' as const,
      render: (_: unknown, p: Point) => p.byChannel[c],
    })),
    ...SERVICE_TYPES.map((s) => ({
      title: t(`serviceTypes.${s}`),
      key: `s-${s}`,
      align: 'right' as const,
      render: (_: unknown, p: Point) => p.byServiceType[s],
    })),
  ];

  if (report.error) return <ReportError error={report.error} />;
  return (
    <Flex vertical gap="middle">
      <Figures
        items={[
          { key: 'volume-total', title: t('reports.volume.total'), value: data?.totals.total ?? 0 },
          ...CHANNELS.map((c) => ({
            key: `volume-channel-${c}`,
            title: t(`channels.${c}`),
            value: data?.totals.byChannel[c] ?? 0,
          })),
        ]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <ReportSection title={t('reports.volume.byChannel')}>
            {charts && <Chart option={charts.byChannel} height={280} testId="chart-volume-channel" />}
          </ReportSection>
        </Col>
        <Col xs={24} xl={10}>
          <ReportSection title={t('reports.volume.share')}>
            {charts && <Chart option={charts.share} height={280} testId="chart-volume-share" />}
          </ReportSection>
        </Col>
      </Row>
      <ReportSection
        title={t('reports.volume.overTime')}
        extra={<ReportExport report="volume" period={period} />}
        chart={charts && <Chart option={charts.byServiceType} height={260} testId="chart-volume-service" />}
      >
        <Table<Point>
          rowKey="key"
          size="small"
          data-testid="volume-table"
          loading={report.isFetching}
          dataSource={data?.points}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content', ...(data && data.points.length > 15 ? { y: 400 } : {}) }}
          summary={() =>
            data ? (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('reports.col.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <span data-testid="volume-table-total">{data.totals.total}</span>
                  </Table.Summary.Cell>
                  {CHANNELS.map((c, i) => (
                    <Table.Summary.Cell key={c} index={2 + i} align="right">
                      {data.totals.byChannel[c]}
                    </Table.Summary.Cell>
                  ))}
                  {SERVICE_TYPES.map((s, i) => (
                    <Table.Summary.Cell key={s} index={2 + CHANNELS.length + i} align="right">
                      <span data-testid={`volume-table-service-${s}`}>{data.totals.byServiceType[s]}</span>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </ReportSection>
    </Flex>
  );
}
