import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Skeleton,
  Space,
  Typography,
  type DescriptionsProps,
} from 'antd';
import {
  ArrowLeftOutlined,
  CarryOutOutlined,
  CloseCircleOutlined,
  PayCircleOutlined,
  PrinterOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useSettlement, type Settlement } from '../../api/settlements';
import { useTransition, useWorkOrder } from '../../api/workOrders';
import { useCan } from '../../api/session';
import { StatusTag } from '../../components/counterTags';
import { formatMinute } from '../../lib/format';
import { PaymentsTable } from './PaymentsTable';
import { PayModal } from './PayModal';
import { RefundModal } from './RefundModal';
import { SettlementFigures } from './SettlementFigures';
import { SettlementLines } from './SettlementLines';
import { PaymentStatusTag } from './SettlementTags';
import { VoidModal } from './VoidModal';
import { errorMessage } from '../../i18n/errorMessage';
import { useSettings } from '../../api/settings';
import { HandOverModal, needsHandover } from '../workOrders/HandOverModal';
import type { HandoverInput } from '@shared/schemas/handover';

type Dialog = 'pay' | 'refund' | 'void' | null;

/** The printed forms of a settlement (helper routes under #/print, like the order's forms). */
const PRINTS = [
  { form: 'settlement-a4', key: 'printA4' },
  { form: 'settlement-a5', key: 'printA5' },
  { form: 'settlement-receipt', key: 'printReceipt' },
] as const;

/**
 * 交付: once paid, the order goes back to the customer from here. Only an order ready for pickup
 * can be delivered; the server checks the payment again and its refusal is shown as it says.
 */
function DeliverButton({ settlement }: { settlement: Settlement }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const order = useWorkOrder(settlement.workOrderId);
  const canMove = useCan('workOrders.transition');
  const transition = useTransition();
  const settings = useSettings();
  const [error, setError] = useState<string | null>(null);
  // 交机: the checklist (and the signature, the ticket) when the order or the shop asks for it.
  const [handingOver, setHandingOver] = useState(false);
  if (!order.data) return null;
  const deliver = (handover?: HandoverInput) => {
    setError(null);
    transition.mutate(
      { id: settlement.workOrderId, to: 'delivered', ...(handover ? { handover } : {}) },
      {
        onSuccess: () => {
          setHandingOver(false);
          void message.success(t('settlements.detail.delivered'));
        },
        onError: (e) => setError(errorMessage(e, t)),
      },
    );
  };
  const handoverSettings = settings.data?.handover;
  const status = order.data.status;
  if (status === 'delivered') {
    return (
      <Space size={4} data-testid="settlement-order-status">
        <Typography.Text type="secondary">{t('settlements.detail.orderStatus')}</Typography.Text>
        <StatusTag status={status} />
      </Space>
    );
  }
  const offer = canMove && status === 'ready' && settlement.status === 'active';
  return (
    <Flex vertical gap="small">
      <Space size={4} data-testid="settlement-order-status">
        <Typography.Text type="secondary">{t('settlements.detail.orderStatus')}</Typography.Text>
        <StatusTag status={status} />
        {offer && (
          <Button
            type={settlement.paymentStatus === 'paid' ? 'primary' : 'default'}
            icon={<CarryOutOutlined />}
            loading={transition.isPending}
            onClick={() => {
              if (handoverSettings && needsHandover(order.data, handoverSettings, false)) {
                setError(null);
                setHandingOver(true);
              } else deliver();
            }}
            data-testid="settlement-deliver"
          >
            {t('settlements.detail.deliver')}
          </Button>
        )}
      </Space>
      {error && !handingOver && (
        <Alert
          type="error"
          showIcon
          title={error}
          closable={{ onClose: () => setError(null) }}
          data-testid="settlement-deliver-error"
        />
      )}
      {handingOver && handoverSettings && (
        <HandOverModal
          order={order.data}
          settings={handoverSettings}
          scanned={false}
          pending={transition.isPending}
          error={error}
          onSubmit={deliver}
          onClose={() => setHandingOver(false)}
        />
      )}
    </Flex>
  );
}

/** 结算单: header, lines, totals, payments; take payment, refund, void, print and deliver from here. */
export function SettlementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const settlement = useSettlement(id);
  const canWrite = useCan('settlements.write');
  const [dialog, setDialog] = useState<Dialog>(null);

  if (settlement.isPending) return <Skeleton active />;
  if (settlement.isError) {
    return (
      <Result
        status="warning"
        title={errorMessage(settlement.error, t)}
        extra={<Link to="/settlements">{t('settlements.detail.back')}</Link>}
      />
    );
  }
  const s = settlement.data;
  const active = s.status === 'active';
  const none = t('common.none');

  const items: DescriptionsProps['items'] = [
    {
      key: 'order',
      label: t('settlements.detail.order'),
      children: (
        <Link to={`/work-orders/${s.workOrderId}`} data-testid="settlement-order">
          {s.orderNo}
        </Link>
      ),
    },
    {
      key: 'customer',
      label: t('settlements.detail.customer'),
      children: <span data-testid="settlement-customer">{s.customerName}</span>,
    },
    { key: 'device', label: t('settlements.detail.device'), children: s.deviceLabel },
    {
      key: 'createdAt',
      label: t('settlements.detail.createdAt'),
      children: `${formatMinute(s.createdAt)} · ${s.createdBy ?? t('common.system')}`,
    },
    ...(s.discountApprovedBy
      ? [
          {
            key: 'approvedBy',
            label: t('settlements.detail.discountApprovedBy'),
            children: <span data-testid="settlement-discount-approver">{s.discountApprovedBy}</span>,
          },
        ]
      : []),
    { key: 'note', label: t('settlements.detail.note'), span: 'filled' as const, children: s.note || none },
  ];

  return (
    <Flex
      vertical
      gap="middle"
      data-testid="settlement-page"
      data-status={s.status}
      data-payment={s.paymentStatus}
    >
      <Card
        title={
          <Flex gap="small" align="center" wrap>
            <Link to="/settlements" aria-label={t('settlements.detail.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="settlement-no">{t('settlements.detail.title', { no: s.settlementNo })}</span>
            <PaymentStatusTag status={s.status} paymentStatus={s.paymentStatus} />
          </Flex>
        }
        extra={
          <Space wrap>
            <Typography.Text type="secondary">
              <PrinterOutlined /> {t('settlements.detail.print')}
            </Typography.Text>
            {PRINTS.map((p) => (
              <Button
                key={p.form}
                href={`#/print/${p.form}/${s.id}`}
                data-testid={`settlement-print-${p.form}`}
              >
                {t(`settlements.detail.${p.key}`)}
              </Button>
            ))}
          </Space>
        }
      >
        <Flex vertical gap="middle">
          {!active && (
            <Alert
              type="error"
              showIcon
              data-testid="settlement-voided"
              title={t('settlements.detail.voided', {
                reason: s.voidReason ?? '',
                by: s.voidedBy ?? t('common.system'),
                time: s.voidedAt ? formatMinute(s.voidedAt) : '',
              })}
            />
          )}
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
          <Flex gap="small" wrap align="center" justify="space-between">
            {canWrite && active ? (
              <Space wrap>
                <Button
                  type="primary"
                  icon={<PayCircleOutlined />}
                  disabled={s.balance <= 0}
                  onClick={() => setDialog('pay')}
                  data-testid="settlement-pay"
                >
                  {t('settlements.detail.pay')}
                </Button>
                <Button
                  icon={<RollbackOutlined />}
                  disabled={s.paid <= 0}
                  onClick={() => setDialog('refund')}
                  data-testid="settlement-refund"
                >
                  {t('settlements.detail.refund')}
                </Button>
                <Button
                  danger
                  icon={<CloseCircleOutlined />}
                  onClick={() => setDialog('void')}
                  data-testid="settlement-void"
                >
                  {t('settlements.detail.void')}
                </Button>
              </Space>
            ) : (
              <span />
            )}
            <DeliverButton settlement={s} />
          </Flex>
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('settlements.detail.lines')}>
            <SettlementLines lines={s.lines} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small">
            <SettlementFigures
              totals={s}
              paid={s.paid}
              balance={s.balance}
              deposit={{ credited: s.depositCredited, refundDue: s.depositRefundDue }}
            />
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('settlements.detail.payments')}>
        <PaymentsTable payments={s.payments} />
      </Card>

      {dialog === 'pay' && <PayModal settlement={s} onClose={() => setDialog(null)} />}
      {dialog === 'refund' && <RefundModal settlement={s} onClose={() => setDialog(null)} />}
      {dialog === 'void' && <VoidModal settlement={s} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
