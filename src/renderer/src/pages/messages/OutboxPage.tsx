import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Popconfirm,
  Select,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { InputOf } from '@shared/contract';
import {
  MESSAGE_CHANNELS,
  OUTBOX_STATES,
  type MessageChannel,
  type OutboxState,
} from '@shared/schemas/messageKinds';
import type { OutboxRow } from '@shared/schemas/messages';
import { useAnswerMessage, useCancelMessage, useOutboxList, useRetryMessage } from '../../api/messages';
import { usePaging } from '../../components/paging';
import { errorMessage } from '../../i18n/errorMessage';
import { formatMinute } from '../../lib/format';
import { openPeriodOf } from '../stock/periods';
import { OutboxStateTag } from './OutboxStateTag';
import './messages.css';

type Range = [Dayjs | null, Dayjs | null] | null;

/**
 * 发件箱 (manager): every message to a customer, newest first, by state, channel and day; a failed
 * one shows why (the provider's own words too) and can be sent again, a waiting one cancelled.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<OutboxState | undefined>();
  const [channel, setChannel] = useState<MessageChannel | undefined>();
  const [range, setRange] = useState<Range>(null);
  const paging = usePaging();
  const retry = useRetryMessage();
  const cancel = useCancelMessage();
  // A message waiting for a clerk's answer (a complaint without an order has no order page to ask on).
  const answer = useAnswerMessage();

  const input: InputOf<'messages.list'> = {
    ...(state ? { state } : {}),
    ...(channel ? { channel } : {}),
    ...openPeriodOf(range),
    page: paging.page,
    pageSize: paging.pageSize,
  };
  const list = useOutboxList(input);
  const done = (words: string) => ({
    onSuccess: () => void message.success(words),
    onError: (error: unknown) => void message.error(errorMessage(error, t)),
  });

  // Paired cells (order and customer, event and text, channel and recipient) keep the state and
  // the actions in view beside the menu at 1366 px.
  const small = { fontSize: 12 };
  const columns: TableColumnsType<OutboxRow> = [
    {
      title: t('messages.outbox.createdAt'),
      dataIndex: 'createdAt',
      width: 110,
      render: (_, m) => formatMinute(m.createdAt),
    },
    {
      title: t('messages.outbox.order'),
      dataIndex: 'orderNo',
      width: 170,
      render: (_, m) => (
        <Flex vertical>
          {m.workOrderId ? <Link to={`/work-orders/${m.workOrderId}`}>{m.orderNo}</Link> : t('common.none')}
          <Typography.Text type="secondary" style={small}>
            {m.customerName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('messages.outbox.text'),
      dataIndex: 'text',
      render: (_, m) => (
        <Flex vertical>
          <Typography.Text strong style={small}>
            {t(`messageEvents.${m.event}`)}
          </Typography.Text>
          <Typography.Paragraph
            className="outbox-text"
            ellipsis={{ rows: 2, tooltip: m.text }}
            style={{ marginBottom: 0 }}
            data-testid="outbox-text"
          >
            {m.text}
          </Typography.Paragraph>
        </Flex>
      ),
    },
    {
      title: t('messages.outbox.channel'),
      dataIndex: 'channel',
      width: 130,
      render: (_, m) => (
        <Flex vertical>
          {t(`messageChannels.${m.channel}`)}
          <Typography.Text type="secondary" style={small}>
            {m.recipient || t('common.none')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('messages.outbox.state'),
      dataIndex: 'state',
      width: 190,
      render: (_, m) => (
        <Flex vertical gap={2}>
          <OutboxStateTag state={m.state} />
          {m.reason && (
            <Typography.Text
              type={m.state === 'queued' ? 'warning' : 'danger'}
              style={{ fontSize: 12 }}
              data-testid="outbox-reason"
            >
              {t(`outboxReasons.${m.reason}`)}
              {m.providerReason ? `：${m.providerReason}` : ''}
            </Typography.Text>
          )}
          {m.state === 'queued' && m.nextAttemptAt !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('messages.outbox.nextAttempt')} {formatMinute(m.nextAttemptAt)}
            </Typography.Text>
          )}
          {m.sentBy && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('messages.outbox.sentBy', { name: m.sentBy })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('messages.outbox.attempts'), dataIndex: 'attempts', width: 56, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, m) => (
        <Flex gap={4}>
          {(m.state === 'failed' || m.state === 'cancelled') && m.channel !== 'wechat' && (
            <Button
              size="small"
              onClick={() => retry.mutate(m.id, done(t('messages.outbox.retried')))}
              data-testid="outbox-retry"
            >
              {t('messages.outbox.retry')}
            </Button>
          )}
          {m.state === 'ask' && m.channel !== 'wechat' && m.recipient !== '' && (
            <Button
              size="small"
              type="primary"
              onClick={() => answer.mutate({ id: m.id, action: 'send' }, done(t('messages.prompt.queued')))}
              data-testid="outbox-send"
            >
              {t('messages.outbox.send')}
            </Button>
          )}
          {(m.state === 'queued' || m.state === 'ask') && (
            <Popconfirm
              title={t('messages.outbox.cancelConfirm')}
              onConfirm={() => cancel.mutate(m.id, done(t('messages.outbox.cancelled')))}
            >
              <Button size="small" danger data-testid="outbox-cancel">
                {t('messages.outbox.cancel')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Card title={t('messages.outbox.title')} data-testid="outbox-page">
      <Flex gap="middle" wrap align="center" style={{ marginBottom: 16 }}>
        <Select<OutboxState>
          allowClear
          value={state}
          onChange={paging.withRestart(setState)}
          placeholder={t('messages.outbox.anyState')}
          style={{ width: 160 }}
          options={OUTBOX_STATES.map((s) => ({ value: s, label: t(`outboxStates.${s}`) }))}
          data-testid="outbox-state"
        />
        <Select<MessageChannel>
          allowClear
          value={channel}
          onChange={paging.withRestart(setChannel)}
          placeholder={t('messages.outbox.anyChannel')}
          style={{ width: 170 }}
          options={MESSAGE_CHANNELS.map((c) => ({ value: c, label: t(`messageChannels.${c}`) }))}
          data-testid="outbox-channel"
        />
        <DatePicker.RangePicker
          value={range}
          onChange={paging.withRestart(setRange)}
          allowEmpty={[true, true]}
          data-testid="outbox-range"
        />
      </Flex>
      {list.error && (
        <Alert type="error" showIcon title={errorMessage(list.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Table<OutboxRow>
        rowKey="id"
        size="middle"
        data-testid="outbox-table"
        loading={list.isFetching}
        dataSource={list.data?.rows}
        columns={columns}
        locale={{ emptyText: t('messages.outbox.empty') }}
        onRow={(m) => ({
          className: `outbox-row outbox-row--${m.state}`,
          'data-testid': `outbox-row-${m.orderNo ?? m.id}`,
          'data-state': m.state,
          'data-channel': m.channel,
        })}
        pagination={paging.table(list.data?.total, (total) => t('messages.outbox.count', { total }))}
      />
    </Card>
  );
}
