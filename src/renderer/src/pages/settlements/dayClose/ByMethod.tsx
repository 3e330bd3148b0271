import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DayReport } from '../../../api/settlements';
import { SignedYuan } from '../PaymentsTable';

type MethodRow = DayReport['byMethod'][number];

/** The day's takings by payment method. */
export function ByMethod({ rows }: { rows: MethodRow[] }) {
  const { t } = useTranslation();
  return (
    <Table<MethodRow>
      rowKey="method"
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('settlements.dayClose.none') }}
      onRow={(r) => ({ className: 'day-method-row', 'data-testid': `day-method-${r.method}` })}
      data-testid="day-by-method"
      columns={[
        {
          title: t('settlements.dayClose.method'),
          dataIndex: 'method',
          render: (_, r) => t(`paymentMethods.${r.method}`),
        },
        { title: t('settlements.dayClose.count'), dataIndex: 'count', width: 70, align: 'right' },
        {
          title: t('settlements.dayClose.amount'),
          dataIndex: 'amount',
          width: 130,
          align: 'right',
          render: (_, r) => <SignedYuan fen={r.amount} testId="day-method-amount" />,
        },
      ]}
    />
  );
}
