import { useMemo } from 'react';
import { Alert, Card, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Dashboard } from '@shared/schemas/reports';
import { OPEN_STATUSES } from '@shared/workOrderStatus';
import { useDashboard } from '../../api/reports';
import { useSession } from '../../api/session';
import { BackupWarning } from '../../components/BackupWarning';
import { Chart } from '../../components/charts/LazyChart';
import { axisChart, sparkline } from '../../components/charts/options';
import { formatYuan } from '../../lib/money';
import { RoleTag } from '../../components/RoleTag';
import { errorMessage } from '../../i18n/errorMessage';
import { DashFigure, DashFigures } from './DashFigure';
import { OrderBriefTable } from './OrderBriefTable';
import { TodayAppointments } from '../appointments/TodayAppointments';
import { AfterSales, Quality } from './AfterSalesCards';

function Counter({ counter }: { counter: NonNullable<Dashboard['counter']> }) {
  const { t } = useTranslation();
  return (
    <Card title={t('home.counterTitle')} size="small" data-testid="dash-counter">
      <DashFigures>
        <DashFigure
          title={t('home.receivedToday')}
          value={counter.receivedToday}
          testId="dash-received-today"
          to="/work-orders?received=today"
        />
        <DashFigure
          title={t('home.deliveredToday')}
          value={counter.deliveredToday}
          testId="dash-delivered-today"
          to="/work-orders?status=delivered"
        />
        <DashFigure
          title={t('home.takingsToday')}
          value={formatYuan(counter.takingsToday)}
          testId="dash-takings-today"
          to="/day-close"
          extra={
            <Typography.Text type="secondary">
              {t('home.payments', { count: counter.paymentsToday })}
            </Typography.Text>
          }
        />
        <DashFigure
          title={t('home.readyWaiting')}
          value={counter.readyWaiting}
          testId="dash-ready-waiting"
          to="/work-orders?status=ready"
        />
      </DashFigures>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('home.pickupOverdue', { days: counter.pickupWaitDays })}
        <Typography.Text
          type={counter.pickupOverdue.length > 0 ? 'danger' : 'secondary'}
          style={{ marginInlineStart: 8 }}
        >
          <span data-testid="dash-pickup-overdue-count">{counter.pickupOverdue.length}</span>
        </Typography.Text>
      </Typography.Title>
      <OrderBriefTable
        orders={counter.pickupOverdue}
        testId="dash-pickup-overdue"
        since="readyAt"
        emptyText={t('home.pickupOverdueNone')}
      />
    </Card>
  );
}

function Shop({ shop }: { shop: NonNullable<Dashboard['shop']> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const byStatus = useMemo(
    () =>
      axisChart({
        categories: OPEN_STATUSES.map((s) => t(`statuses.${s}`)),
        series: [{ name: t('home.open'), data: OPEN_STATUSES.map((s) => shop.openByStatus[s]) }],
      }),
    [shop, t],
  );
  const week = useMemo(
    () =>
      sparkline(
        shop.takingsWeek.map((d) => d.key.slice(5)),
        shop.takingsWeek.map((d) => d.amount / 100),
      ),
    [shop],
  );
  const weekTotal = shop.takingsWeek.reduce((sum, d) => sum + d.amount, 0);
  const first = shop.takingsWeek.at(0)?.key;
  const last = shop.takingsWeek.at(-1)?.key;
  const weekLink =
    first && last
      ? `/reports?tab=revenue&preset=custom&from=${first}&to=${last}&bucket=day`
      : '/reports?tab=revenue';
  return (
    <Card title={t('home.shopTitle')} size="small" data-testid="dash-shop">
      <DashFigures>
        <DashFigure title={t('home.open')} value={shop.open} testId="dash-open" to="/work-orders" />
        <DashFigure
          title={t('home.overdueOrders')}
          value={shop.overdue}
          testId="dash-overdue"
          warn={shop.overdue > 0}
          to="/work-orders?overdue=1"
        />
        <DashFigure
          title={t('home.lowStock')}
          value={shop.lowStock}
          testId="dash-low-stock"
          warn={shop.lowStock > 0}
          to="/stock/alerts"
        />
        <DashFigure
          title={t('home.takingsWeek')}
          value={formatYuan(weekTotal)}
          testId="dash-takings-week"
          to={weekLink}
          extra={<Chart option={week} height={44} testId="dash-takings-sparkline" />}
        />
      </DashFigures>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('home.openByStatus')}
      </Typography.Title>
      <Chart
        option={byStatus}
        height={220}
        testId="dash-open-by-status"
        onClick={(index) => {
          const status = OPEN_STATUSES[index];
          if (status) void navigate(`/work-orders?status=${status}`);
        }}
      />
      <Flex gap="small" wrap>
        {OPEN_STATUSES.map((s) => (
          <Typography.Link
            key={s}
            onClick={() => void navigate(`/work-orders?status=${s}`)}
            data-testid={`dash-status-${s}`}
          >
            {t(`statuses.${s}`)} {shop.openByStatus[s]}
          </Typography.Link>
        ))}
      </Flex>
    </Card>
  );
}

function Queue({ queue }: { queue: NonNullable<Dashboard['queue']> }) {
  const { t } = useTranslation();
  return (
    <Card title={t('home.queueTitle')} size="small" data-testid="dash-queue">
      <DashFigures gapBelow>
        <DashFigure
          title={t('home.queueOpen')}
          value={queue.open}
          testId="dash-queue-open"
          to="/work-orders?view=mine"
        />
        <DashFigure
          title={t('home.overdueOrders')}
          value={queue.overdue}
          testId="dash-queue-overdue"
          warn={queue.overdue > 0}
          to="/work-orders?view=mine&overdue=1"
        />
      </DashFigures>
      <OrderBriefTable
        orders={queue.orders}
        testId="dash-queue-orders"
        since="promisedAt"
        emptyText={t('home.queueEmpty')}
      />
    </Card>
  );
}

/** 首页: the backup warning, then what the role needs today — the counter, the queue, the shop. */
export function HomePage() {
  const { t } = useTranslation();
  const { user, shopName } = useSession();
  const dashboard = useDashboard();
  const data = dashboard.data;

  return (
    <Flex vertical gap="middle" data-testid="home-dashboard">
      <BackupWarning />
      <Flex align="center" gap="small" wrap data-testid="home-welcome">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.welcome', { name: user.displayName })}
        </Typography.Title>
        <RoleTag role={user.role} />
        {shopName ? <Typography.Text type="secondary">{shopName}</Typography.Text> : null}
      </Flex>
      {dashboard.error && <Alert type="error" showIcon title={errorMessage(dashboard.error, t)} />}
      {!data && !dashboard.error && <Skeleton active />}
      <TodayAppointments />
      {data?.queue && <Queue queue={data.queue} />}
      {data?.shop && <Shop shop={data.shop} />}
      {data?.quality && <Quality quality={data.quality} />}
      {data?.counter && <Counter counter={data.counter} />}
      {data?.afterSales && <AfterSales afterSales={data.afterSales} />}
    </Flex>
  );
}
