import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Radio, Result, Row, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  DISCOUNT_TYPES,
  createSettlementInput,
  discountPercent,
  type DiscountInput,
} from '@shared/schemas/settlements';
import { fen } from '@shared/schemas/stock';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { useDebounced } from '../../api/search';
import { useCreateSettlement, useSettlementPreview } from '../../api/settlements';
import { useSettings } from '../../api/settings';
import { useWorkOrder } from '../../api/workOrders';
import { useCan } from '../../api/session';
import { numberProblem, textProblem, type Problem } from '../../components/fieldChecks';
import { problemText } from '../../components/formRules';
import { formatYuan, yuanToFen } from '../../lib/money';
import { NumberInput } from '../../components/NumberInput';
import { numberOf } from '../../lib/numberText';
import { TextArea } from '../../components/TextInput';
import { YuanInput } from '../../components/YuanInput';
import { useManagerApproval } from './ManagerApproval';
import { isSettleable } from '@shared/workOrderStatus';
import { SettlementFigures } from './SettlementFigures';
import { SettlementLines } from './SettlementLines';
import { errorMessage } from '../../i18n/errorMessage';

type DiscountType = DiscountInput['type'];

/** What is wrong with the typed discount: confirming is refused until it is put right. */
function discountProblem(type: DiscountType, amountYuan: string, percent: string): Problem | null {
  if (type === 'amount') return numberProblem(fen, { kind: 'money' }, amountYuan, false);
  if (type === 'percent')
    return numberProblem(discountPercent, { kind: 'decimal', places: 1 }, percent, false);
  return null;
}

/** The discount as the contract takes it: 元 to fen, a percent as typed; empty (or not yet right) is none. */
function discountOf(type: DiscountType, amountYuan: string, percent: string): DiscountInput {
  if (discountProblem(type, amountYuan, percent)) return { type: 'none' };
  if (type === 'amount') {
    const value = yuanToFen(amountYuan);
    return value ? { type, value } : { type: 'none' };
  }
  const value = numberOf(percent, 1);
  if (type === 'percent' && value) return { type, value };
  return { type: 'none' };
}

type Block = 'settled' | 'status' | null;

/** Why the order cannot be settled now: it has an active settlement, or its status does not allow it. */
function blockOf(order: WorkOrderDetail): Block {
  if (order.settlement?.status === 'active') return 'settled';
  return isSettleable(order.status) ? null : 'status';
}

function Blocked({ order, block }: { order: WorkOrderDetail; block: Exclude<Block, null> }) {
  const { t } = useTranslation();
  if (block === 'settled' && order.settlement) {
    return (
      <Result
        status="info"
        title={t('settlements.create.already', { no: order.settlement.settlementNo })}
        extra={
          <Link to={`/settlements/${order.settlement.id}`} data-testid="settle-open-existing">
            {t('settlements.create.openExisting')}
          </Link>
        }
      />
    );
  }
  return (
    <Result
      status="warning"
      title={t('settlements.create.notSettleable', { status: t(`statuses.${order.status}`) })}
      extra={<Link to={`/work-orders/${order.id}`}>{t('settlements.create.back')}</Link>}
    />
  );
}

/**
 * 结算: the order's lines as the settlement would copy them, a discount (none, an amount or a
 * percentage) with the totals, rounding and 大写金额 recomputed by the server as it is typed, a
 * note, then 确认结算. A discount above the limit asks for a manager on confirming.
 */
export function NewSettlementPage() {
  const { orderId = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const order = useWorkOrder(orderId);
  const settings = useSettings();
  const canApprove = useCan('settlements.approve');
  const create = useCreateSettlement();
  const approval = useManagerApproval();
  const [type, setType] = useState<DiscountType>('none');
  // As typed: a discount that is not an amount or percentage is said on the field, never dropped.
  const [amountYuan, setAmountYuan] = useState('');
  const [percent, setPercent] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  // One object per change of the inputs, so the debounce settles instead of firing every render.
  const typed = useMemo(() => discountOf(type, amountYuan, percent), [type, amountYuan, percent]);
  const discount = useDebounced(typed, 250);
  const block = order.data ? blockOf(order.data) : null;
  const preview = useSettlementPreview({ id: orderId, discount }, order.data !== undefined && block === null);

  if (order.isPending) return <Skeleton active />;
  if (order.isError) {
    return (
      <Result
        status="warning"
        title={errorMessage(order.error, t)}
        extra={<Link to="/work-orders">{t('workOrders.back')}</Link>}
      />
    );
  }
  const o = order.data;
  const limit = settings.data?.billing.discountLimitPercent;
  const totals = preview.data;

  const typedProblem = discountProblem(type, amountYuan, percent);
  const noteProblem = textProblem(createSettlementInput.shape.note, note);

  const confirm = () => {
    setError(null);
    const problem = typedProblem ?? noteProblem;
    if (problem) {
      setError(problemText(problem, t));
      return;
    }
    const input = { id: o.id, discount: typed, note: note.trim() };
    approval.withApproval((given) => create.mutateAsync(given ? { ...input, approval: given } : input), {
      what: 'discount',
      onSuccess: (s) => {
        void message.success(t('settlements.create.created', { no: s.settlementNo }));
        void navigate(`/settlements/${s.id}`);
      },
      onError: (e) => setError(errorMessage(e, t)),
    });
  };

  return (
    <Card
      data-testid="settle-page"
      title={
        <Space>
          <Link to={`/work-orders/${o.id}`} aria-label={t('settlements.create.back')}>
            <ArrowLeftOutlined />
          </Link>
          <span>{t('settlements.create.title', { orderNo: o.orderNo })}</span>
        </Space>
      }
    >
      {block ? (
        <Blocked order={o} block={block} />
      ) : (
        <Flex vertical gap="middle">
          <Typography.Text type="secondary">
            {o.customerName} · {o.deviceLabel}
          </Typography.Text>
          {preview.error && <Alert type="error" showIcon title={errorMessage(preview.error, t)} />}
          {o.quote.approved !== null && o.quote.excess > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="settle-quote-excess"
              title={t('settlements.create.quoteExcess', {
                billed: formatYuan(o.quote.billed),
                excess: formatYuan(o.quote.excess),
                approved: formatYuan(o.quote.approved),
              })}
              action={
                <Link to={`/work-orders/${o.id}`} data-testid="settle-quote-open-order">
                  {t('settlements.create.openOrder')}
                </Link>
              }
            />
          )}
          {totals && totals.lines.length === 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('settlements.create.noLines')}
              data-testid="settle-no-lines"
            />
          )}
          <Card size="small" title={t('settlements.create.lines')}>
            <SettlementLines lines={totals?.lines ?? []} />
          </Card>
          <Row gutter={[24, 16]}>
            <Col xs={24} lg={13}>
              <Flex vertical gap="middle">
                <Flex vertical gap={6}>
                  <Typography.Text strong>{t('settlements.create.discount')}</Typography.Text>
                  <Radio.Group
                    value={type}
                    onChange={(e) => setType(e.target.value as DiscountType)}
                    data-testid="settle-discount-type"
                    options={DISCOUNT_TYPES.map((d) => ({ value: d, label: t(`discountTypes.${d}`) }))}
                  />
                  {type === 'amount' && (
                    <YuanInput
                      value={amountYuan}
                      onChange={(e) => setAmountYuan(e.target.value)}
                      status={typedProblem ? 'error' : undefined}
                      autoFocus
                      style={{ width: 200 }}
                      aria-label={t('settlements.create.discountYuan')}
                      data-testid="settle-discount-amount"
                    />
                  )}
                  {type === 'percent' && (
                    <NumberInput
                      decimal
                      value={percent}
                      onChange={(e) => setPercent(e.target.value)}
                      status={typedProblem ? 'error' : undefined}
                      suffix="%"
                      autoFocus
                      style={{ width: 200 }}
                      aria-label={t('settlements.create.discountPercentValue')}
                      data-testid="settle-discount-percent"
                    />
                  )}
                  {typedProblem && (
                    <Typography.Text type="danger" data-testid="settle-discount-problem">
                      {problemText(typedProblem, t)}
                    </Typography.Text>
                  )}
                  {limit !== undefined && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('settlements.create.discountLimit', { limit })}
                    </Typography.Text>
                  )}
                  {totals?.discountNeedsApproval && !canApprove && (
                    <Alert
                      type="warning"
                      showIcon
                      title={t('settlements.create.needsApproval')}
                      data-testid="settle-needs-approval"
                    />
                  )}
                </Flex>
                <Flex vertical gap={6}>
                  <Typography.Text strong>{t('settlements.create.note')}</Typography.Text>
                  <TextArea
                    schema={createSettlementInput.shape.note}
                    value={note}
                    status={noteProblem ? 'error' : undefined}
                    onChange={(e) => setNote(e.target.value)}
                    autoSize={{ minRows: 2, maxRows: 4 }}
                    placeholder={t('settlements.create.notePlaceholder')}
                    data-testid="settle-note"
                  />
                </Flex>
              </Flex>
            </Col>
            <Col xs={24} lg={11}>
              {totals && (
                <Flex vertical gap="middle" align="stretch">
                  <SettlementFigures totals={totals} />
                  {o.deposit && o.deposit.held > 0 && (
                    <Alert
                      type="info"
                      showIcon
                      title={t('deposits.willCredit', { amount: formatYuan(o.deposit.held) })}
                      data-testid="settle-deposit"
                    />
                  )}
                  {error && <Alert type="error" showIcon title={error} data-testid="settle-error" />}
                  <Flex justify="end" gap="small">
                    <Button onClick={() => void navigate(`/work-orders/${o.id}`)}>
                      {t('common.cancel')}
                    </Button>
                    <Button
                      type="primary"
                      size="large"
                      icon={<CheckOutlined />}
                      loading={create.isPending}
                      disabled={totals.lines.length === 0 || approval.asking}
                      onClick={confirm}
                      data-testid="settle-submit"
                    >
                      {t('settlements.create.submit')}
                    </Button>
                  </Flex>
                </Flex>
              )}
            </Col>
          </Row>
        </Flex>
      )}
      {approval.modal}
    </Card>
  );
}
