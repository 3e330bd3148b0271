import { Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Payment } from '@shared/schemas/settlements';
import { formatDateTime } from '../../lib/format';
import { formatYuan } from '../../lib/money';

/** A signed amount: money back to the customer (a refund, a void's reversal) in red. */
export function SignedYuan({ fen, testId }: { fen: number; testId?: string }) {
  return (
    <Typography.Text type={fen < 0 ? 'danger' : undefined} data-testid={testId}>
      {formatYuan(fen)}
    </Typography.Text>
  );
}

/** What kind of row a payment is: money in, a refund, or a void's reversing entry. */
export function PaymentKindTag({ payment }: { payment: Pick<Payment, 'amount' | 'reversesId'> }) {
  const { t } = useTranslation();
  if (payment.amount >= 0) return null;
  return payment.reversesId ? (
    <Tag color="default">{t('settlements.payments.reversalTag')}</Tag>
  ) : (
    <Tag color="red">{t('settlements.payments.refundTag')}</Tag>
  );
}

/** Every payment, refund and reversal on a settlement, oldest first; nothing is ever edited. */
export function PaymentsTable({ payments }: { payments: Payment[] }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const columns: TableColumnsType<Payment> = [
    {
      title: t('settlements.payments.time'),
      dataIndex: 'at',
      width: 160,
      render: (_, p) => formatDateTime(p.at),
    },
    {
      title: t('settlements.payments.method'),
      dataIndex: 'method',
      width: 150,
      render: (_, p) => (
        <Flex gap={4} align="center" wrap>
          <span data-testid="payment-method">{t(`paymentMethods.${p.method}`)}</span>
          <PaymentKindTag payment={p} />
        </Flex>
      ),
    },
    {
      title: t('settlements.payments.amount'),
      dataIndex: 'amount',
      width: 120,
      align: 'right',
      render: (_, p) => <SignedYuan fen={p.amount} testId="payment-amount" />,
    },
    {
      title: `${t('settlements.payments.tendered')} / ${t('settlements.payments.change')}`,
      key: 'cash',
      width: 170,
      align: 'right',
      render: (_, p) =>
        p.tendered !== null ? (
          <span data-testid="payment-cash">
            {formatYuan(p.tendered)} / {formatYuan(p.change ?? 0)}
          </span>
        ) : (
          none
        ),
    },
    {
      title: t('settlements.payments.user'),
      dataIndex: 'userName',
      width: 100,
      render: (_, p) => p.userName ?? t('common.system'),
    },
    {
      title: t('settlements.payments.approvedBy'),
      dataIndex: 'approvedByName',
      width: 100,
      render: (_, p) => p.approvedByName ?? none,
    },
    {
      title: `${t('settlements.payments.reason')} / ${t('settlements.payments.reference')}`,
      key: 'why',
      ellipsis: true,
      render: (_, p) => [p.reason, p.reference].filter(Boolean).join(' · ') || none,
    },
  ];
  return (
    <Table<Payment>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={payments}
      columns={columns}
      scroll={{ x: 860 }}
      locale={{ emptyText: t('settlements.detail.noPayments') }}
      onRow={(p) => ({ className: 'payment-row', 'data-testid': 'payment-row', 'data-method': p.method })}
      data-testid="settlement-payments"
    />
  );
}
