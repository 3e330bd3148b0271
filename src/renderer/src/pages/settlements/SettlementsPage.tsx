import { useState } from 'react';
import { Alert, Card, DatePicker, Flex, Select, Table, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { InputOf } from '@shared/contract';
import { PAYMENT_STATUSES, type PaymentStatus } from '@shared/schemas/settlements';
import { useDebounced } from '../../api/search';
import { useSettlementList, type SettlementRow } from '../../api/settlements';
import { formatMinute } from '../../lib/format';
import { formatYuan } from '../../lib/money';
import { usePaging } from '../../components/paging';
import { SearchInput } from '../../components/SearchInput';
import { SwitchFilter } from '../../components/SwitchFilter';
import '../../components/counter.css';
import './settlements.css';
import { openPeriodOf } from '../stock/periods';
import { SignedYuan } from './PaymentsTable';
import { PaymentStatusTag } from './SettlementTags';
import { errorMessage } from '../../i18n/errorMessage';

type Range = [Dayjs | null, Dayjs | null] | null;

/** 结算单: every settlement, newest first, paged by the server; filters by date, status and text. */
export function SettlementsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [range, setRange] = useState<Range>(null);
  const [status, setStatus] = useState<PaymentStatus | undefined>();
  const [includeVoid, setIncludeVoid] = useState(false);
  const [text, setText] = useState('');
  const paging = usePaging();
  const search = useDebounced(text.trim().slice(0, 40), 250);

  const input: InputOf<'settlements.list'> = {
    ...openPeriodOf(range),
    ...(status ? { paymentStatus: status } : {}),
    includeVoid,
    search,
    page: paging.page,
    pageSize: paging.pageSize,
  };
  const list = useSettlementList(input);

  const columns: TableColumnsType<SettlementRow> = [
    {
      title: t('settlements.list.no'),
      dataIndex: 'settlementNo',
      width: 200,
      render: (_, s) => <span className="settlement-no">{s.settlementNo}</span>,
    },
    {
      title: t('settlements.list.order'),
      dataIndex: 'orderNo',
      width: 190,
      render: (_, s) => (
        <Link to={`/work-orders/${s.workOrderId}`} onClick={(e) => e.stopPropagation()}>
          {s.orderNo}
        </Link>
      ),
    },
    { title: t('settlements.list.customer'), dataIndex: 'customerName', ellipsis: true },
    {
      title: t('settlements.list.total'),
      dataIndex: 'total',
      width: 120,
      align: 'right',
      render: (_, s) => formatYuan(s.total),
    },
    {
      title: t('settlements.list.paid'),
      dataIndex: 'paid',
      width: 120,
      align: 'right',
      render: (_, s) => <SignedYuan fen={s.paid} />,
    },
    {
      title: t('settlements.list.balance'),
      dataIndex: 'balance',
      width: 120,
      align: 'right',
      render: (_, s) => (s.status === 'void' ? t('common.none') : formatYuan(s.balance)),
    },
    {
      title: t('settlements.list.status'),
      key: 'status',
      width: 110,
      render: (_, s) => <PaymentStatusTag status={s.status} paymentStatus={s.paymentStatus} />,
    },
    {
      title: t('settlements.list.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (_, s) => formatMinute(s.createdAt),
    },
  ];

  return (
    <Card title={t('settlements.list.title')} data-testid="settlements-page">
      <Flex gap="middle" wrap align="center" style={{ marginBottom: 16 }}>
        <SearchInput
          value={text}
          onChange={paging.withRestart(setText)}
          placeholder={t('settlements.list.searchPlaceholder')}
          width={260}
          testId="settlements-search"
        />
        <DatePicker.RangePicker
          value={range}
          onChange={paging.withRestart(setRange)}
          allowEmpty={[true, true]}
          data-testid="settlements-range"
        />
        <Select<PaymentStatus>
          allowClear
          value={status}
          onChange={paging.withRestart(setStatus)}
          placeholder={t('settlements.list.anyStatus')}
          style={{ width: 160 }}
          options={PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`paymentStatuses.${s}`) }))}
          data-testid="settlements-status"
        />
        <SwitchFilter
          checked={includeVoid}
          onChange={paging.withRestart(setIncludeVoid)}
          label={t('settlements.list.includeVoid')}
          testId="settlements-include-void"
        />
      </Flex>
      {list.error && (
        <Alert type="error" showIcon title={errorMessage(list.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Table<SettlementRow>
        rowKey="id"
        size="middle"
        data-testid="settlements-table"
        loading={list.isFetching}
        dataSource={list.data?.rows}
        columns={columns}
        locale={{ emptyText: t('settlements.list.empty') }}
        onRow={(s) => ({
          className: s.status === 'void' ? 'clickable-row settlement-row--void' : 'clickable-row',
          'data-testid': `settlement-row-${s.settlementNo}`,
          onClick: () => void navigate(`/settlements/${s.id}`),
        })}
        pagination={paging.table(list.data?.total, (total) => t('settlements.list.count', { total }))}
      />
    </Card>
  );
}
