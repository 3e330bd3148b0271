import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '@shared/schemas/reports';
import { formatMinute, formatRate } from '../../lib/format';
import { DashFigure, DashFigures } from './DashFigure';
import { OrderBriefTable } from './OrderBriefTable';

type LateComplaint = NonNullable<Dashboard['quality']>['overdueComplaints'][number];

/** The clerk's after-sales work: follow-up calls due and held orders to call back (server clock). */
export function AfterSales({ afterSales }: { afterSales: NonNullable<Dashboard['afterSales']> }) {
  const { t } = useTranslation();
  return (
    <Card title={t('home.afterSalesTitle')} size="small" data-testid="dash-after-sales">
      <DashFigures gapBelow>
        <DashFigure
          title={t('home.followUpsToday')}
          value={afterSales.followUpsToday}
          testId="dash-follow-ups-today"
          to="/follow-ups?tab=today"
        />
        <DashFigure
          title={t('home.followUpsOverdue')}
          value={afterSales.followUpsOverdue}
          testId="dash-follow-ups-overdue"
          warn={afterSales.followUpsOverdue > 0}
          to="/follow-ups?tab=overdue"
        />
        <DashFigure
          title={t('home.recallDue')}
          value={afterSales.recallDueCount}
          testId="dash-recall-due"
          warn={afterSales.recallDueCount > 0}
          to="/work-orders?status=onHold"
        />
      </DashFigures>
      <OrderBriefTable
        orders={afterSales.recallDue}
        testId="dash-recall-orders"
        since="recallAt"
        emptyText={t('home.recallNone')}
      />
    </Card>
  );
}

/** The manager's quality: complaints past a deadline, and this month's main figures. */
export function Quality({ quality }: { quality: NonNullable<Dashboard['quality']> }) {
  const { t } = useTranslation();
  const month = `/reports?tab=serviceQuality&preset=month`;
  return (
    <Card title={t('home.qualityTitle')} size="small" data-testid="dash-quality">
      <DashFigures gapBelow>
        <DashFigure
          title={t('home.complaintsOverdue')}
          value={quality.complaintsOverdue}
          testId="dash-complaints-overdue"
          warn={quality.complaintsOverdue > 0}
          to="/complaints?overdue=1"
        />
        <DashFigure
          title={t('home.fixRateMonth')}
          value={formatRate(quality.fixRate)}
          testId="dash-fix-rate"
          to={month}
        />
        <DashFigure
          title={t('home.satisfactionMonth')}
          value={quality.satisfaction === null ? '–' : quality.satisfaction.toFixed(1)}
          testId="dash-satisfaction"
          to={month}
          extra={
            <Typography.Text type="secondary">
              {t('home.satisfactionGood', { rate: formatRate(quality.satisfactionGood) })}
            </Typography.Text>
          }
        />
        <DashFigure
          title={t('home.followUpRateMonth')}
          value={formatRate(quality.followUpRate)}
          testId="dash-follow-up-rate"
          to={month}
        />
      </DashFigures>
      <Table<LateComplaint>
        rowKey="id"
        size="small"
        data-testid="dash-complaints"
        dataSource={quality.overdueComplaints}
        pagination={false}
        locale={{ emptyText: t('home.complaintsNone') }}
        columns={[
          { title: t('home.complaintNo'), dataIndex: 'complaintNo' },
          { title: t('home.customer'), dataIndex: 'customerName', ellipsis: true },
          {
            title: t('home.severity'),
            dataIndex: 'severity',
            render: (s: LateComplaint['severity']) => t(`complaintSeverities.${s}`),
          },
          {
            title: t('home.status'),
            dataIndex: 'status',
            render: (s: LateComplaint['status']) => t(`complaintStatuses.${s}`),
          },
          {
            title: t('home.deadline'),
            key: 'late',
            // Late as the server decided it: this screen's clock may differ from the host's.
            render: (_, c) => (
              <Tag color="red" data-testid="dash-complaint-late">
                {t(`home.late.${c.late}`)} · {formatMinute(c.dueAt)}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
