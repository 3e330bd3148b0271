import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DayReport } from '../../../api/settlements';
import { formatMinute } from '../../../lib/format';
import { formatYuan } from '../../../lib/money';

type DepositRow = DayReport['deposits'][number];

/** 订金 taken (positive) and given back (negative) that day; already in the totals above. */
export function DayDeposits({ rows }: { rows: DepositRow[] }) {
  const { t } = useTranslation();
  return (
    <Table<DepositRow>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('deposits.dayEmpty') }}
      data-testid="day-deposits"
      columns={[
        {
          title: t('settlements.dayClose.time'),
          dataIndex: 'at',
          width: 150,
          render: (_, r) => formatMinute(r.at),
        },
        { title: t('settlements.dayClose.order'), dataIndex: 'orderNo', width: 190 },
        {
          title: t('deposits.method'),
          dataIndex: 'method',
          width: 100,
          render: (_, r) => t(`paymentMethods.${r.method}`),
        },
        {
          title: t('deposits.entry.amount'),
          dataIndex: 'amount',
          width: 120,
          align: 'right',
          render: (_, r) => formatYuan(r.amount),
        },
        {
          title: t('settlements.dayClose.reason'),
          dataIndex: 'reason',
          ellipsis: true,
          render: (_, r) =>
            [r.reason, r.approvedByName && `${t('deposits.entry.approvedBy')} ${r.approvedByName}`]
              .filter(Boolean)
              .join(' · '),
        },
        {
          title: t('settlements.dayClose.by'),
          dataIndex: 'userName',
          width: 100,
          render: (_, r) => r.userName ?? t('common.none'),
        },
      ]}
    />
  );
}
