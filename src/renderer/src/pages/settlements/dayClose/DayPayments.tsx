import { Space, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DayReport } from '../../../api/settlements';
import { formatTime } from '../../../lib/format';
import { formatYuan } from '../../../lib/money';
import { PaymentKindTag, SignedYuan } from '../PaymentsTable';

type DayPayment = DayReport['payments'][number];

/** The day's payments or refunds: when, which settlement and order, how, how much, by whom. */
export function DayPayments({
  rows,
  testId,
  withReason,
  empty,
}: {
  rows: DayPayment[];
  testId: string;
  withReason?: boolean;
  empty?: string;
}) {
  const { t } = useTranslation();
  const none = t('common.none');
  const columns: TableColumnsType<DayPayment> = [
    {
      title: t('settlements.dayClose.time'),
      dataIndex: 'at',
      width: 90,
      render: (_, p) => formatTime(p.at),
    },
    {
      title: t('settlements.dayClose.settlement'),
      dataIndex: 'settlementNo',
      width: 200,
      render: (_, p) => <span className="settlement-no">{p.settlementNo}</span>,
    },
    { title: t('settlements.dayClose.order'), dataIndex: 'orderNo', width: 190 },
    {
      title: t('settlements.dayClose.method'),
      dataIndex: 'method',
      width: 140,
      render: (_, p) => (
        <Space size={4}>
          <span data-testid="day-payment-method">{t(`paymentMethods.${p.method}`)}</span>
          <PaymentKindTag payment={p} />
        </Space>
      ),
    },
    {
      title: t('settlements.dayClose.amount'),
      dataIndex: 'amount',
      width: 120,
      align: 'right',
      render: (_, p) => <SignedYuan fen={p.amount} testId="day-payment-amount" />,
    },
    {
      title: `${t('settlements.payments.tendered')} / ${t('settlements.payments.change')}`,
      key: 'cash',
      width: 160,
      align: 'right',
      render: (_, p) =>
        p.tendered !== null ? `${formatYuan(p.tendered)} / ${formatYuan(p.change ?? 0)}` : none,
    },
    {
      title: t('settlements.dayClose.by'),
      dataIndex: 'userName',
      width: 100,
      render: (_, p) => p.userName ?? none,
    },
    ...(withReason
      ? [
          {
            title: t('settlements.dayClose.reason'),
            dataIndex: 'reason',
            ellipsis: true,
            render: (_: unknown, p: DayPayment) => p.reason || none,
          },
        ]
      : []),
  ];
  return (
    <Table<DayPayment>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={columns}
      scroll={{ x: 900 }}
      locale={{ emptyText: empty ?? t('settlements.dayClose.none') }}
      onRow={(p) => ({
        className: 'day-payment-row',
        'data-testid': `${testId}-row`,
        'data-method': p.method,
      })}
      data-testid={testId}
    />
  );
}
