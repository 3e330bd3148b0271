import { useState } from 'react';
import { Alert, Button, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { DUE_TABS, type DueRow, type DueTab } from '@shared/schemas/maintenance';
import { useDueList } from '../../api/maintenance';
import { errorMessage } from '../../i18n/errorMessage';
import { bookingLink, intakeLink } from './links';
import { DevicePlansModal } from './DevicePlansModal';
import { DueTag, dueText, intervalText } from './planText';

/** 保养到期: overdue / within 7 days / within 30 days on the server's day; one step to an order or a booking. */
export function DueList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [tab, setTab] = useState<DueTab>('overdue');
  const [plansOf, setPlansOf] = useState<string | null>(null);
  const list = useDueList(tab);
  const counts = list.data?.counts;

  return (
    <Flex vertical gap="middle" data-testid="due-list" data-today={list.data?.today}>
      <Flex justify="space-between" align="center">
        <Segmented<DueTab>
          value={tab}
          onChange={setTab}
          options={DUE_TABS.map((d) => ({
            value: d,
            label: (
              <span data-testid={`due-tab-${d}`} data-count={counts?.[d] ?? ''}>
                {t(`maintenance.tabs.${d}`)} {counts ? `(${counts[d]})` : ''}
              </span>
            ),
          }))}
        />
        {list.data && (
          <Typography.Text type="secondary">
            {t('maintenance.serverDay', { date: list.data.today })}
          </Typography.Text>
        )}
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error, t)} />}
      <Table<DueRow>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.rows ?? []}
        pagination={false}
        onRow={(row) => ({ 'data-testid': `due-row-${row.name}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('maintenance.customer'),
            render: (_, r) => (
              <Flex vertical>
                <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>
                {r.noContact ? (
                  <Tag color="default">{t('maintenance.noContact')}</Tag>
                ) : (
                  <Typography.Text type="secondary">{r.phone}</Typography.Text>
                )}
              </Flex>
            ),
          },
          { title: t('maintenance.device'), dataIndex: 'deviceLabel' },
          { title: t('maintenance.planName'), dataIndex: 'name' },
          { title: t('maintenance.interval'), render: (_, r) => intervalText(r, t) },
          { title: t('maintenance.nextDue'), render: (_, r) => dueText(r, t) },
          { title: t('maintenance.status'), render: (_, r) => <DueTag plan={r} /> },
          {
            title: t('maintenance.actions'),
            render: (_, r) => (
              <Flex gap="small" wrap>
                <Button
                  size="small"
                  type="primary"
                  onClick={() => void navigate(intakeLink(r))}
                  data-testid={`due-order-${r.id}`}
                >
                  {t('maintenance.toOrder')}
                </Button>
                <Link to={bookingLink(r)} data-testid={`due-book-${r.id}`}>
                  <Button size="small">{t('maintenance.toAppointment')}</Button>
                </Link>
                <Button size="small" onClick={() => setPlansOf(r.deviceId)} data-testid={`due-plans-${r.id}`}>
                  {t('maintenance.plans')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      <DevicePlansModal deviceId={plansOf} onClose={() => setPlansOf(null)} />
    </Flex>
  );
}
