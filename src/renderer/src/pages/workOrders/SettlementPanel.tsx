import { Button, Descriptions, Flex, Typography } from 'antd';
import { AccountBookOutlined, FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { useCan } from '../../api/session';
import { formatYuan } from '../../lib/money';
import { isSettleable } from '@shared/workOrderStatus';
import { PaymentStatusTag } from '../settlements/SettlementTags';

/**
 * 结算 on the order: its active settlement (number, status, total, paid, balance) with a link, or
 * the 结算 button once the work is done (in repair, QC, ready or declined).
 */
export function SettlementPanel({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('settlements.write');
  // Only roles that read settlements see this panel, and only they get the money with the order.
  const s = order.settlement && 'total' in order.settlement ? order.settlement : null;

  if (s) {
    return (
      <Flex vertical gap="small" data-testid="wo-settlement" data-payment={s.paymentStatus}>
        <Flex gap="small" align="center" wrap>
          <Link to={`/settlements/${s.id}`} data-testid="wo-settlement-link">
            <FileTextOutlined /> {s.settlementNo}
          </Link>
          <PaymentStatusTag status={s.status} paymentStatus={s.paymentStatus} />
        </Flex>
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'total', label: t('settlements.totals.total'), children: formatYuan(s.total) },
            { key: 'paid', label: t('settlements.totals.paid'), children: formatYuan(s.paid) },
            {
              key: 'balance',
              label: t('settlements.totals.balance'),
              children: <span data-testid="wo-settlement-balance">{formatYuan(s.balance)}</span>,
            },
          ]}
        />
        <Button onClick={() => void navigate(`/settlements/${s.id}`)} data-testid="wo-settlement-open">
          {t('settlements.panel.view')}
        </Button>
      </Flex>
    );
  }

  const can = isSettleable(order.status);
  return (
    <Flex vertical gap="small" data-testid="wo-settlement" data-payment="none">
      <Typography.Text type="secondary">{t('settlements.panel.none')}</Typography.Text>
      {canWrite && (
        <Button
          type="primary"
          icon={<AccountBookOutlined />}
          disabled={!can}
          onClick={() => void navigate(`/settlements/new/${order.id}`)}
          data-testid="wo-settle"
        >
          {t('settlements.panel.settle')}
        </Button>
      )}
      {!can && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('settlements.panel.notYet')}
        </Typography.Text>
      )}
    </Flex>
  );
}
