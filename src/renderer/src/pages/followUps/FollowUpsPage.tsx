import { useState } from 'react';
import { Alert, Badge, Button, Card, Flex, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { FOLLOW_UP_TABS, type FollowUpRow, type FollowUpTab } from '@shared/schemas/followUps';
import { useFollowUpList } from '../../api/followUps';
import { usePaging } from '../../components/paging';
import { errorMessage } from '../../i18n/errorMessage';
import { formatMinute } from '../../lib/format';
import { formatDay } from './format';
import { RecordCallModal, type CallSaved } from './RecordCallModal';
import '../../components/counter.css';

/** Outcome, diagnosis and resolution: what the clerk reads out before asking how it went. */
function WhatWasDone({ row }: { row: FollowUpRow }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      {row.outcome && (
        <span>
          <Tag color={row.outcome === 'repaired' ? 'green' : 'orange'}>{t(`outcomes.${row.outcome}`)}</Tag>
          {row.unrepairableReason && (
            <Typography.Text type="secondary">
              {t(`unrepairableReasons.${row.unrepairableReason}`)}
            </Typography.Text>
          )}
        </span>
      )}
      {row.resolution && (
        <Typography.Text ellipsis={{ tooltip: row.resolution }} style={{ maxWidth: 260 }}>
          {t('followUps.resolution', { text: row.resolution })}
        </Typography.Text>
      )}
      {row.diagnosis && (
        <Typography.Text
          type="secondary"
          ellipsis={{ tooltip: row.diagnosis }}
          style={{ maxWidth: 260, fontSize: 12 }}
        >
          {t('followUps.diagnosis', { text: row.diagnosis })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The settled follow-up: its state, the scores, and the complaint or rework order it opened. */
function Settled({ row }: { row: FollowUpRow }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} align="start">
      <Tag color={row.state === 'reached' ? 'green' : 'default'}>{t(`followUpStates.${row.state}`)}</Tag>
      {row.scores && (
        <Typography.Text style={{ fontSize: 12 }}>{t('followUps.scoresShort', row.scores)}</Typography.Text>
      )}
      {row.comment && <Typography.Text type="secondary">{row.comment}</Typography.Text>}
      {row.complaintNo && (
        <Tag color="red" data-testid={`fu-complaint-${row.orderNo}`}>
          {t('followUps.complaintOpened', { no: row.complaintNo })}
        </Tag>
      )}
      {row.reworkOrderNo && row.reworkOrderId && (
        <Link to={`/work-orders/${row.reworkOrderId}`}>
          <Tag color="orange">{t('followUps.reworkOpened', { no: row.reworkOrderNo })}</Tag>
        </Link>
      )}
    </Flex>
  );
}

/** 回访: today's calls, the overdue ones, every pending one and the finished ones, decided by the server's day. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  // The home's figures open a tab: /follow-ups?tab=overdue.
  const asked = FOLLOW_UP_TABS.find((k) => k === params.get('tab'));
  const [tab, setTab] = useState<FollowUpTab>(asked ?? 'today');
  const paging = usePaging(20);
  const list = useFollowUpList({ tab, page: paging.page, pageSize: paging.pageSize });
  const [calling, setCalling] = useState<FollowUpRow | null>(null);
  const [saved, setSaved] = useState<CallSaved | null>(null);
  const counts = list.data?.counts;

  const columns: TableColumnsType<FollowUpRow> = [
    {
      title: t('followUps.customer'),
      key: 'customer',
      width: 170,
      render: (_, r) => (
        <Flex vertical>
          <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>
          {r.phones.map((p) => (
            <Typography.Text
              key={p.phone}
              copyable={{ text: p.phone }}
              style={{ fontSize: 12 }}
              data-testid={`fu-phone-${p.phone}`}
            >
              {p.phone}
              {p.label && <Typography.Text type="secondary"> {p.label}</Typography.Text>}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    { title: t('followUps.device'), dataIndex: 'deviceLabel', width: 140 },
    {
      title: t('followUps.order'),
      key: 'order',
      width: 180,
      render: (_, r) => (
        <Flex vertical>
          <Link to={`/work-orders/${r.workOrderId}`} data-testid={`fu-order-${r.orderNo}`}>
            {r.orderNo}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`serviceTypes.${r.serviceType}`)}
            {r.deliveredAt !== null && ` · ${formatDay(r.deliveredAt)}`}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('followUps.whatWasDone'), key: 'done', render: (_, r) => <WhatWasDone row={r} /> },
    {
      title: t('followUps.attempts'),
      key: 'attempts',
      width: 160,
      render: (_, r) => (
        <Flex vertical>
          <span data-testid={`fu-attempts-${r.orderNo}`}>
            {t('followUps.attemptsCount', { count: r.attempts })}
          </span>
          {r.lastCall && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('followUps.lastCall', {
                result: t(`callResults.${r.lastCall.result}`),
                at: formatMinute(r.lastCall.at),
                by: r.lastCall.by,
              })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    tab === 'done'
      ? { title: t('followUps.state'), key: 'state', width: 240, render: (_, r) => <Settled row={r} /> }
      : {
          title: t('followUps.due'),
          key: 'due',
          width: 150,
          render: (_, r) => (
            <Flex vertical align="start" gap={2}>
              <span className={r.overdue ? 'wo-overdue-date' : undefined} data-testid={`fu-due-${r.orderNo}`}>
                {formatDay(r.dueAt)}
              </span>
              {r.overdue && <Tag color="red">{t('followUps.overdue')}</Tag>}
            </Flex>
          ),
        },
    ...(tab === 'done'
      ? []
      : [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, r: FollowUpRow) => (
              <Button
                type="primary"
                icon={<PhoneOutlined />}
                onClick={() => setCalling(r)}
                data-testid={`fu-record-${r.orderNo}`}
              >
                {t('followUps.record')}
              </Button>
            ),
          },
        ]),
  ];

  return (
    <Card
      title={t('followUps.title')}
      extra={
        list.data && (
          <Typography.Text type="secondary" data-testid="fu-server-date">
            {t('followUps.today', { date: list.data.today })}
          </Typography.Text>
        )
      }
      data-testid="follow-ups"
    >
      {saved && (
        <Alert
          type={saved.complaintNo || saved.reworkOrderNo ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setSaved(null) }}
          title={saved.text}
          style={{ marginBottom: 12 }}
          data-testid="fu-saved"
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setTab(key as FollowUpTab);
          paging.restart();
        }}
        items={FOLLOW_UP_TABS.map((key) => ({
          key,
          label: (
            <span data-testid={`fu-tab-${key}`} data-count={counts?.[key] ?? 0}>
              {t(`followUps.tabs.${key}`)}{' '}
              <Badge
                count={counts?.[key] ?? 0}
                showZero={false}
                overflowCount={9999}
                color={key === 'overdue' ? '#cf1322' : '#8c8c8c'}
                size="small"
              />
            </span>
          ),
        }))}
      />
      {list.error && (
        <Alert type="error" showIcon title={errorMessage(list.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Table<FollowUpRow>
        rowKey="id"
        size="middle"
        data-testid="fu-table"
        loading={list.isFetching}
        dataSource={list.data?.rows}
        columns={columns}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t(`followUps.empty.${tab}`) }}
        onRow={(r) => ({
          className: r.overdue ? 'wo-row--overdue' : undefined,
          'data-testid': `fu-row-${r.orderNo}`,
        })}
        pagination={paging.table(list.data?.total, (total) => t('followUps.total', { total }))}
      />
      {calling && (
        <RecordCallModal
          row={calling}
          onClose={() => setCalling(null)}
          onSaved={(s) => {
            setSaved(s);
            setCalling(null);
          }}
        />
      )}
    </Card>
  );
}
