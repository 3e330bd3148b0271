import { useState } from 'react';
import { Button, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { isOpen } from '@shared/workOrderStatus';
import { useCan } from '../../api/session';
import { formatMinute } from '../../lib/format';
import { formatYuan } from '../../lib/money';
import { RefundDepositModal, TakeDepositModal } from './DepositModals';

/**
 * 订金 on the order: what it holds, what its settlement credited, what is owed back, each entry;
 * 收订金 while the order is open and unsettled, 退订金 while something is owed back.
 */
export function DepositPanel({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const canWrite = useCan('settlements.write');
  const [open, setOpen] = useState<'take' | 'refund' | null>(null);
  const deposit = order.deposit;
  if (!deposit) return null;
  const settled = order.settlement !== null;
  const canTake = canWrite && isOpen(order.status) && !settled;
  const canRefund = canWrite && isOpen(order.status) && deposit.refundDue > 0;

  return (
    <Flex vertical gap="small" data-testid="wo-deposit" data-held={deposit.held} data-due={deposit.refundDue}>
      {deposit.entries.length === 0 ? (
        <Typography.Text type="secondary">{t('deposits.none')}</Typography.Text>
      ) : (
        <>
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 'held', label: t('deposits.held'), children: formatYuan(deposit.held) },
              { key: 'credited', label: t('deposits.credited'), children: formatYuan(deposit.credited) },
              {
                key: 'due',
                label: t('deposits.refundDue'),
                children: <span data-testid="wo-deposit-due">{formatYuan(deposit.refundDue)}</span>,
              },
            ]}
          />
          {/* One line per entry: the side column is narrow, so no table. */}
          <Flex vertical gap={4} data-testid="wo-deposit-entries">
            {deposit.entries.map((e) => (
              <Flex key={e.id} vertical data-testid="wo-deposit-entry">
                <Flex justify="space-between" gap="small">
                  <span>
                    {formatMinute(e.at)} · {t(`paymentMethods.${e.method}`)} · {e.userName ?? ''}
                  </span>
                  <Typography.Text strong type={e.amount < 0 ? 'danger' : undefined}>
                    {formatYuan(e.amount)}
                  </Typography.Text>
                </Flex>
                {(e.reason || e.approvedByName) && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[e.reason, e.approvedByName && `${t('deposits.entry.approvedBy')} ${e.approvedByName}`]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                )}
              </Flex>
            ))}
          </Flex>
        </>
      )}
      <Flex gap="small">
        {canTake && (
          <Button onClick={() => setOpen('take')} data-testid="wo-deposit-take">
            {t('deposits.take')}
          </Button>
        )}
        {canRefund && (
          <Button danger onClick={() => setOpen('refund')} data-testid="wo-deposit-refund">
            {t('deposits.refund')}
          </Button>
        )}
      </Flex>
      {open === 'take' && <TakeDepositModal order={order} onClose={() => setOpen(null)} />}
      {open === 'refund' && <RefundDepositModal order={order} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
