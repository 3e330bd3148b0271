import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Timeline,
  Typography,
  type TableColumnsType,
} from 'antd';
import { LockOutlined, PrinterOutlined, UnlockOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCloseDay, useDayReport, useReopenDay, type DayReport } from '../../api/settlements';
import { useCan } from '../../api/session';
import { formatDateTime, formatMinute } from '../../lib/format';
import { FormModal } from '../../components/FormModal';
import { useFormRules } from '../../components/formRules';
import { formatYuan } from '../../lib/money';
import { TextInput } from '../../components/TextInput';
import { reopenDayInput } from '@shared/schemas/settlements';
import { useManagerApproval } from './ManagerApproval';
import { PaymentKindTag, SignedYuan } from './PaymentsTable';
import { showSettlementFieldErrors } from './settlementErrors';
import './settlements.css';
import { serverToday } from '../../lib/serverClock';
import { errorMessage } from '../../i18n/errorMessage';

type DayPayment = DayReport['payments'][number];
type MethodRow = DayReport['byMethod'][number];
type UserRow = DayReport['byUser'][number];
type VoidRow = DayReport['voids'][number];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function today(): string {
  return serverToday().format('YYYY-MM-DD');
}

/** The day's payments or refunds: when, which settlement and order, how, how much, by whom. */
function DayPayments({
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
      render: (_, p) => dayjs(p.at).format('HH:mm:ss'),
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

function ByMethod({ rows }: { rows: MethodRow[] }) {
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

function ByUser({ rows }: { rows: UserRow[] }) {
  const { t } = useTranslation();
  return (
    <Table<UserRow>
      rowKey={(r) => r.userName ?? ''}
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('settlements.dayClose.none') }}
      data-testid="day-by-user"
      columns={[
        {
          title: t('settlements.dayClose.user'),
          dataIndex: 'userName',
          render: (_, r) => r.userName ?? t('common.system'),
        },
        { title: t('settlements.dayClose.count'), dataIndex: 'count', width: 70, align: 'right' },
        {
          title: t('settlements.dayClose.amount'),
          dataIndex: 'amount',
          width: 130,
          align: 'right',
          render: (_, r) => <SignedYuan fen={r.amount} />,
        },
      ]}
    />
  );
}

function Voids({ rows }: { rows: VoidRow[] }) {
  const { t } = useTranslation();
  return (
    <Table<VoidRow>
      rowKey={(r) => r.settlementNo}
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('settlements.dayClose.none') }}
      data-testid="day-voids"
      columns={[
        {
          title: t('settlements.dayClose.time'),
          dataIndex: 'at',
          width: 150,
          render: (_, r) => formatMinute(r.at),
        },
        {
          title: t('settlements.dayClose.settlement'),
          dataIndex: 'settlementNo',
          width: 200,
          render: (_, r) => <span className="settlement-no">{r.settlementNo}</span>,
        },
        { title: t('settlements.dayClose.order'), dataIndex: 'orderNo', width: 190 },
        {
          title: t('settlements.dayClose.total'),
          dataIndex: 'total',
          width: 120,
          align: 'right',
          render: (_, r) => formatYuan(r.total),
        },
        { title: t('settlements.dayClose.reason'), dataIndex: 'reason', ellipsis: true },
        {
          title: t('settlements.dayClose.by'),
          dataIndex: 'by',
          width: 100,
          render: (_, r) => r.by ?? t('common.none'),
        },
      ]}
    />
  );
}

/** Close the day: confirm, then the server keeps the day's figures with the close. */
function CloseModal({ date, onClose }: { date: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<object>();
  const close = useCloseDay();
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal<object>
      title={t('settlements.dayClose.closeTitle', { date })}
      testId="day-close-confirm"
      name="dayClose"
      form={form}
      pending={close.isPending}
      error={error}
      submitText={t('settlements.dayClose.closeOk')}
      onFinish={() =>
        close.mutate(
          { date },
          {
            onSuccess: () => {
              void message.success(t('settlements.dayClose.closed', { date }));
              onClose();
            },
            onError: (e) => setError(errorMessage(e, t)),
          },
        )
      }
      onClose={onClose}
    >
      <Typography.Paragraph>{t('settlements.dayClose.closeConfirm')}</Typography.Paragraph>
    </FormModal>
  );
}

/** Reopen a closed day: a reason, and a manager's approval. */
function ReopenModal({ date, onClose }: { date: string; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reopen = useReopenDay();
  const approval = useManagerApproval();
  const [error, setError] = useState<string | null>(null);
  const submit = ({ reason }: { reason: string }) => {
    setError(null);
    const input = { date, reason: reason.trim() };
    approval.withApproval((given) => reopen.mutateAsync(given ? { ...input, approval: given } : input), {
      what: 'reopen',
      onSuccess: () => {
        void message.success(t('settlements.dayClose.reopened', { date }));
        onClose();
      },
      onError: (e) => {
        showSettlementFieldErrors(form, e, t);
        setError(errorMessage(e, t));
      },
    });
  };
  return (
    <>
      <FormModal<{ reason: string }>
        title={t('settlements.dayClose.reopenTitle', { date })}
        testId="day-reopen"
        name="dayReopen"
        form={form}
        initialValues={{ reason: '' }}
        pending={reopen.isPending || approval.asking}
        error={error}
        submitText={t('settlements.dayClose.reopen')}
        onFinish={submit}
        onClose={onClose}
      >
        <Typography.Paragraph type="secondary">{t('settlements.dayClose.reopenHelp')}</Typography.Paragraph>
        <Form.Item
          label={t('settlements.dayClose.reopenReason')}
          name="reason"
          rules={[rules.text(reopenDayInput.shape.reason)]}
        >
          <TextInput schema={reopenDayInput.shape.reason} autoFocus data-testid="day-reopen-reason" />
        </Form.Item>
      </FormModal>
      {approval.modal}
    </>
  );
}

/**
 * 日结: a day's takings by method and by user, every payment, the refunds and reversals, the
 * settlements voided; close the day (its payments then cannot change) or reopen it with a
 * manager; print the day-close sheet. The day is in the address (?date=), so a reload keeps it.
 */
export function DayClosePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('date') ?? '';
  const date = ISO_DAY.test(asked) ? asked : today();
  const report = useDayReport(date);
  const canWrite = useCan('settlements.write');
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);
  const r = report.data;

  return (
    <Flex
      vertical
      gap="middle"
      data-testid="day-close-page"
      data-date={date}
      data-closed={r ? String(r.closed) : ''}
    >
      <Card
        title={t('settlements.dayClose.title')}
        extra={
          <Space wrap>
            <DatePicker
              value={dayjs(date)}
              allowClear={false}
              disabledDate={(d) => d.isAfter(serverToday(), 'day')}
              onChange={(d) => {
                if (d) setParams({ date: d.format('YYYY-MM-DD') });
              }}
              aria-label={t('settlements.dayClose.date')}
              data-testid="day-date"
            />
            {r &&
              (r.closed ? (
                <Tag color="green" icon={<LockOutlined />} data-testid="day-status">
                  {t('settlements.dayClose.closedTag')}
                </Tag>
              ) : (
                <Tag color="orange" icon={<UnlockOutlined />} data-testid="day-status">
                  {t('settlements.dayClose.openTag')}
                </Tag>
              ))}
            {r && canWrite && !r.closed && (
              <Button
                type="primary"
                icon={<LockOutlined />}
                onClick={() => setDialog('close')}
                data-testid="day-close"
              >
                {t('settlements.dayClose.close')}
              </Button>
            )}
            {r && canWrite && r.closed && (
              <Button icon={<UnlockOutlined />} onClick={() => setDialog('reopen')} data-testid="day-reopen">
                {t('settlements.dayClose.reopen')}
              </Button>
            )}
            <Button icon={<PrinterOutlined />} href={`#/print/day-close/${date}`} data-testid="day-print">
              {t('settlements.dayClose.print')}
            </Button>
          </Space>
        }
      >
        {report.error && <Alert type="error" showIcon title={errorMessage(report.error, t)} />}
        {!r && !report.error && <Skeleton active />}
        {r && (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={6}>
              <Statistic
                title={t('settlements.dayClose.net')}
                value={formatYuan(r.total)}
                styles={{ content: { color: r.total < 0 ? '#cf1322' : undefined } }}
                valueRender={(node) => <span data-testid="day-total">{node}</span>}
              />
            </Col>
            <Col xs={24} lg={9}>
              <Typography.Title level={5}>{t('settlements.dayClose.byMethod')}</Typography.Title>
              <ByMethod rows={r.byMethod} />
            </Col>
            <Col xs={24} lg={9}>
              <Typography.Title level={5}>{t('settlements.dayClose.byUser')}</Typography.Title>
              <ByUser rows={r.byUser} />
            </Col>
          </Row>
        )}
      </Card>
      {r && (
        <>
          <Card size="small" title={t('settlements.dayClose.payments')}>
            <DayPayments
              rows={r.payments}
              testId="day-payments"
              empty={t('settlements.dayClose.noPayments')}
            />
          </Card>
          <Card size="small" title={t('settlements.dayClose.refunds')}>
            <DayPayments rows={r.refunds} testId="day-refunds" withReason />
          </Card>
          <Card size="small" title={t('settlements.dayClose.voids')}>
            <Voids rows={r.voids} />
          </Card>
          <Card size="small" title={t('settlements.dayClose.history')}>
            {r.history.length === 0 ? (
              <Typography.Text type="secondary">{t('settlements.dayClose.none')}</Typography.Text>
            ) : (
              <Timeline
                data-testid="day-history"
                items={r.history.map((h) => ({
                  key: `${h.action}-${h.at}`,
                  color: h.action === 'close' ? 'green' : 'orange',
                  content: (
                    <Flex vertical gap={2}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(h.at)} · {h.by ?? t('common.system')}
                      </Typography.Text>
                      <span>
                        {t(`dayCloseActions.${h.action}`)}
                        {h.reason && ` · ${h.reason}`}
                      </span>
                    </Flex>
                  ),
                }))}
              />
            )}
          </Card>
        </>
      )}
      {dialog === 'close' && <CloseModal date={date} onClose={() => setDialog(null)} />}
      {dialog === 'reopen' && <ReopenModal date={date} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
