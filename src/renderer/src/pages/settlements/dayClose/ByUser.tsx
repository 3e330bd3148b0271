import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DayReport } from '../../../api/settlements';
import { SignedYuan } from '../PaymentsTable';

type UserRow = DayReport['byUser'][number];

/** The day's takings by the user who took them. */
export function ByUser({ rows }: { rows: UserRow[] }) {
  const { t } = useTranslation();
  return (
    <Table<UserRow>
      rowKey={(r) => r.userName ?? ''}
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('settlements.dayClose.none') }}
      data-testid="day-by-user"
      columns={[
        {
          title: t('settlements.dayClose.user'),
          dataIndex: 'userName',
          render: (_, r) => r.userName ?? t('common.system'),
        },
        { title: t('settlements.dayClose.count'), dataIndex: 'count', width: 70, align: 'right' },
        {
          title: t('settlements.dayClose.amount'),
          dataIndex: 'amount',
          width: 130,
          align: 'right',
          render: (_, r) => <SignedYuan fen={r.amount} />,
        },
      ]}
    />
  );
}
