import { useMemo } from 'react';
import { Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PeriodInput, QualityReport } from '@shared/schemas/reports';
import { useReport } from '../../api/reports';
import { Chart } from '../../components/charts/LazyChart';
import { axisChart } from '../../components/charts/options';
import { formatRate } from '../../lib/format';
import { Figures, ReportError, ReportExport, ReportSection } from './ReportParts';

type Row = QualityReport['byServiceType'][number];

/** 质量: completion (repaired), the outcome split, rework and first-time fix, overall and by service type. */
export function QualityTab({ period }: { period: PeriodInput }) {
  const { t } = useTranslation();
  const report = useReport('quality', period);
  const data = report.data;

  const chart = useMemo(
    () =>
      data
        ? axisChart({
            categories: data.byServiceType.map((r) => t(`serviceTypes.${r.serviceType}`)),
            percent: true,
            series: [
              {
                name: t('reports.quality.completionRate'),
                data: data.byServiceType.map((r) => r.completionRate ?? 0),
              },
              {
                name: t('reports.quality.reworkRate'),
                data: data.byServiceType.map((r) => r.reworkRate ?? 0),
              },
            ],
          })
        : null,
    [data, t],
  );

  if (report.error) return <ReportError error={report.error} />;
  return (
    <Flex vertical gap="middle">
      <Figures
        items={[
          { key: 'q-received', title: t('reports.quality.received'), value: data?.received ?? 0 },
          { key: 'q-completed', title: t('reports.quality.completed'), value: data?.completed ?? 0 },
          {
            key: 'q-completion-rate',
            title: t('reports.quality.completionRate'),
            value: formatRate(data?.completionRate ?? null),
          },
          { key: 'q-cancelled', title: t('reports.quality.cancelled'), value: data?.cancelled ?? 0 },
          {
            key: 'q-unrepairable',
            title: t('outcomes.unrepairable'),
            value: data?.outcomes.unrepairable ?? 0,
          },
          { key: 'q-declined', title: t('outcomes.declined'), value: data?.outcomes.declined ?? 0 },
          { key: 'q-open', title: t('reports.quality.open'), value: data?.outcomes.open ?? 0 },
          {
            key: 'q-reworks',
            title: t('reports.quality.reworks'),
            value: data?.reworks ?? 0,
            warn: (data?.reworks ?? 0) > 0,
          },
          {
            key: 'q-rework-rate',
            title: t('reports.quality.reworkRate'),
            value: formatRate(data?.reworkRate ?? null),
          },
          { key: 'q-delivered', title: t('reports.quality.delivered'), value: data?.delivered ?? 0 },
          {
            key: 'q-fixed-first',
            title: t('reports.quality.fixedFirstTime'),
            value: data?.fixedFirstTime ?? 0,
          },
          {
            key: 'q-first-fix-rate',
            title: t('reports.quality.firstTimeFixRate'),
            value: formatRate(data?.firstTimeFixRate ?? null),
          },
          {
            key: 'q-no-show-rate',
            title: t('reports.quality.noShowRate'),
            value: formatRate(data?.appointments.noShowRate ?? null),
            warn: (data?.appointments.noShow ?? 0) > 0,
          },
        ]}
      />
      <Typography.Text type="secondary">{t('reports.quality.hint')}</Typography.Text>
      <ReportSection
        title={t('reports.quality.byServiceType')}
        extra={<ReportExport report="quality" period={period} />}
        chart={chart && <Chart option={chart} height={260} testId="chart-quality" />}
      >
        <Table<Row>
          rowKey="serviceType"
          size="small"
          data-testid="quality-table"
          loading={report.isFetching}
          dataSource={data?.byServiceType}
          pagination={false}
          columns={[
            {
              title: t('reports.col.serviceType'),
              dataIndex: 'serviceType',
              render: (s: Row['serviceType']) => t(`serviceTypes.${s}`),
            },
            { title: t('reports.quality.received'), dataIndex: 'received', align: 'right' },
            { title: t('reports.quality.completed'), dataIndex: 'completed', align: 'right' },
            {
              title: t('reports.quality.completionRate'),
              dataIndex: 'completionRate',
              align: 'right',
              render: formatRate,
            },
            { title: t('reports.quality.reworks'), dataIndex: 'reworks', align: 'right' },
            {
              title: t('reports.quality.reworkRate'),
              dataIndex: 'reworkRate',
              align: 'right',
              render: formatRate,
            },
            ...(['unrepairable', 'declined', 'cancelled'] as const).map((o) => ({
              title: t(`outcomes.${o}`),
              key: o,
              align: 'right' as const,
              render: (_: unknown, r: Row) => r.outcomes[o],
            })),
            {
              title: t('reports.quality.open'),
              key: 'open',
              align: 'right',
              render: (_, r) => r.outcomes.open,
            },
          ]}
        />
      </ReportSection>
    </Flex>
  );
}
