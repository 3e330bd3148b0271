import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Dashboard } from '@shared/schemas/reports';
import { formatMinute } from '../../lib/format';

/** An order of a list; a held order's brief carries its recall time. */
type Brief = NonNullable<Dashboard['queue']>['orders'][number] & { recallAt?: number };

/** A short list of orders (the technician's queue, pickups overdue), each linking to the order. */
export function OrderBriefTable({
  orders,
  testId,
  since,
  emptyText,
}: {
  orders: Brief[];
  testId: string;
  /** Which time to show: promised (a queue), ready (waiting for pickup) or the recall date (on hold). */
  since: 'promisedAt' | 'readyAt' | 'recallAt';
  emptyText: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<Brief>
      rowKey="id"
      size="small"
      data-testid={testId}
      dataSource={orders}
      pagination={orders.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{ emptyText }}
      columns={[
        {
          title: t('home.orderNo'),
          dataIndex: 'orderNo',
          render: (no: string, o) => (
            <Link to={`/work-orders/${o.id}`} data-testid={`${testId}-order`}>
              {no}
            </Link>
          ),
        },
        { title: t('home.customer'), dataIndex: 'customerName', ellipsis: true },
        { title: t('home.device'), dataIndex: 'device', ellipsis: true },
        { title: t('home.status'), dataIndex: 'status', render: (s: Brief['status']) => t(`statuses.${s}`) },
        {
          title: t(`home.${since}`),
          key: 'time',
          render: (_, o) => {
            const at = o[since] ?? null;
            if (at === null) return '—';
            // The server decides what is overdue: this screen's clock may differ from the host's.
            return since === 'promisedAt' && o.overdue ? (
              <Tag color="red" data-testid={`${testId}-late`}>
                {formatMinute(at)} · {t('home.overdue')}
              </Tag>
            ) : (
              formatMinute(at)
            );
          },
        },
      ]}
    />
  );
}
