import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SettlementTotals } from '@shared/schemas/settlements';
import { formatYuan } from '../../lib/money';

type Figures = Omit<SettlementTotals, 'lines' | 'discountNeedsApproval'>;

function FigureRow({
  label,
  value,
  testId,
  strong,
}: {
  label: ReactNode;
  value: ReactNode;
  testId: string;
  strong?: boolean;
}) {
  return (
    <Flex justify="space-between" gap="large">
      <Typography.Text type={strong ? undefined : 'secondary'} strong={strong}>
        {label}
      </Typography.Text>
      <Typography.Text strong={strong} data-testid={testId} style={strong ? { fontSize: 18 } : undefined}>
        {value}
      </Typography.Text>
    </Flex>
  );
}

/**
 * 合计 → 折扣 → 抹零 → 应收 and the 大写金额; with `paid` given, 已收 and 待收 below. Every figure is
 * the server's: the screen never does money arithmetic of its own.
 */
export function SettlementFigures({
  totals,
  paid,
  balance,
  deposit,
}: {
  totals: Figures;
  paid?: number;
  balance?: number;
  /** 订金 credited (part of paid) and still owed back. */
  deposit?: { credited: number; refundDue: number };
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} style={{ minWidth: 300 }} data-testid="settlement-figures">
      <FigureRow
        label={t('settlements.totals.subtotal')}
        value={formatYuan(totals.subtotal)}
        testId="settlement-subtotal"
      />
      {totals.warrantyValue > 0 && (
        <FigureRow
          label={t('settlements.totals.warrantyValue')}
          value={formatYuan(totals.warrantyValue)}
          testId="settlement-warranty-value"
        />
      )}
      {totals.discountAmount > 0 && (
        <FigureRow
          label={
            totals.discountType === 'percent'
              ? t('settlements.totals.discountPercent', { value: totals.discountValue })
              : t('settlements.totals.discount')
          }
          value={formatYuan(-totals.discountAmount)}
          testId="settlement-discount"
        />
      )}
      {totals.rounding !== 0 && (
        <FigureRow
          label={t('settlements.totals.rounding')}
          value={formatYuan(totals.rounding)}
          testId="settlement-rounding"
        />
      )}
      <FigureRow
        label={t('settlements.totals.total')}
        value={formatYuan(totals.total)}
        testId="settlement-total"
        strong
      />
      <Flex justify="space-between" gap="large">
        <Typography.Text type="secondary">{t('settlements.totals.inWords')}</Typography.Text>
        <Typography.Text data-testid="settlement-in-words">{totals.totalInWords}</Typography.Text>
      </Flex>
      {deposit && deposit.credited > 0 && (
        <FigureRow
          label={t('deposits.settlementCredit')}
          value={formatYuan(deposit.credited)}
          testId="settlement-deposit"
        />
      )}
      {paid !== undefined && (
        <FigureRow label={t('settlements.totals.paid')} value={formatYuan(paid)} testId="settlement-paid" />
      )}
      {balance !== undefined && (
        <FigureRow
          label={t('settlements.totals.balance')}
          value={formatYuan(balance)}
          testId="settlement-balance"
          strong
        />
      )}
      {deposit && deposit.refundDue > 0 && (
        <Typography.Text type="danger" data-testid="settlement-deposit-refund-due">
          {t('deposits.settlementRefundDue', { amount: formatYuan(deposit.refundDue) })}
        </Typography.Text>
      )}
    </Flex>
  );
}
