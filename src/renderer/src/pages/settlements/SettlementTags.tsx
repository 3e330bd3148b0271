import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PaymentStatus } from '@shared/schemas/settlements';

const STATUS_COLORS: Record<PaymentStatus, string> = {
  unpaid: 'red',
  partlyPaid: 'orange',
  paid: 'green',
};

/** 未收款 / 部分收款 / 已收清, or 已作废 for a void settlement (its payments no longer count). */
export function PaymentStatusTag({
  status,
  paymentStatus,
}: {
  status: 'active' | 'void';
  paymentStatus: PaymentStatus;
}) {
  const { t } = useTranslation();
  if (status === 'void') {
    return (
      <Tag color="default" data-testid="settlement-status" data-status="void">
        {t('settlementStatuses.void')}
      </Tag>
    );
  }
  return (
    <Tag color={STATUS_COLORS[paymentStatus]} data-testid="settlement-status" data-status={paymentStatus}>
      {t(`paymentStatuses.${paymentStatus}`)}
    </Tag>
  );
}

/** 保修: the line is free to the customer; its list amount is kept for the warranty claim. */
export function CoveredTag({ testId }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {t('settlements.coveredTag')}
    </Tag>
  );
}

/** 合同: the line is free under the order's service contract (维保合同). */
export function ContractTag() {
  const { t } = useTranslation();
  return (
    <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="settlement-line-contract">
      {t('settlements.contractTag')}
    </Tag>
  );
}
