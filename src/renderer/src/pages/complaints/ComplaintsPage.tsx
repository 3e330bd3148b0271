import { useState } from 'react';
import { Alert, Button, Card, Flex, Select, Table, Tabs, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { InputOf } from '@shared/contract';
import {
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  type ComplaintSeverity,
  type ComplaintStatus,
} from '@shared/schemas/complaintKinds';
import { useComplaintList, type ComplaintListRow } from '../../api/complaints';
import { useDebounced } from '../../api/search';
import { useCan } from '../../api/session';
import { usePaging } from '../../components/paging';
import { SearchInput } from '../../components/SearchInput';
import { SwitchFilter } from '../../components/SwitchFilter';
import { errorMessage } from '../../i18n/errorMessage';
import { formatMinute } from '../../lib/format';
import { ComplaintStatusTag, OverdueTags, SeverityTag } from './ComplaintTags';
import { NewComplaintModal } from './NewComplaintModal';
import '../../components/counter.css';
import './complaints.css';

type Tab = ComplaintStatus | 'all';

/**
 * 投诉: every complaint, newest first, paged by the server; tabs by status, an overdue switch,
 * severity and text. A row past a deadline is red and says which one. `?new=1` opens the intake
 * form (a work order's 投诉 button adds its customer and order).
 */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canWrite = useCan('complaints.write');
  const [tab, setTab] = useState<Tab>('all');
  // The manager's home opens the overdue ones: /complaints?overdue=1.
  const [overdue, setOverdue] = useState(params.get('overdue') === '1');
  const [severity, setSeverity] = useState<ComplaintSeverity | undefined>();
  const [text, setText] = useState('');
  const paging = usePaging();
  const search = useDebounced(text.trim().slice(0, 40), 250);
  const creating = params.get('new') === '1';

  const input: InputOf<'complaints.list'> = {
    ...(tab === 'all' ? {} : { status: tab }),
    ...(severity ? { severity } : {}),
    overdue,
    search,
    page: paging.page,
    pageSize: paging.pageSize,
  };
  const list = useComplaintList(input);
  const late = (c: ComplaintListRow) => c.firstResponseOverdue || c.resolutionOverdue;

  const columns: TableColumnsType<ComplaintListRow> = [
    {
      title: t('complaints.list.no'),
      dataIndex: 'complaintNo',
      width: 190,
      render: (_, c) => <span className="complaint-no">{c.complaintNo}</span>,
    },
    {
      title: t('complaints.list.customer'),
      key: 'customer',
      ellipsis: true,
      render: (_, c) => `${c.customerName}${c.customerPhone ? ` ${c.customerPhone}` : ''}`,
    },
    {
      title: t('complaints.list.order'),
      dataIndex: 'orderNo',
      width: 190,
      render: (_, c) =>
        c.workOrderId ? (
          <Link to={`/work-orders/${c.workOrderId}`} onClick={(e) => e.stopPropagation()}>
            {c.orderNo}
          </Link>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('complaints.list.category'),
      dataIndex: 'category',
      width: 100,
      render: (_, c) => t(`complaintCategories.${c.category}`),
    },
    {
      title: t('complaints.list.severity'),
      dataIndex: 'severity',
      width: 80,
      render: (_, c) => <SeverityTag severity={c.severity} />,
    },
    {
      title: t('complaints.list.status'),
      dataIndex: 'status',
      width: 110,
      render: (_, c) => <ComplaintStatusTag status={c.status} />,
    },
    {
      title: t('complaints.list.owner'),
      dataIndex: 'ownerName',
      width: 100,
      render: (_, c) => c.ownerName ?? t('common.none'),
    },
    {
      title: t('complaints.list.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (_, c) => formatMinute(c.createdAt),
    },
    {
      title: t('complaints.list.deadline'),
      key: 'deadline',
      width: 150,
      render: (_, c) =>
        late(c) ? (
          <OverdueTags firstResponse={c.firstResponseOverdue} resolution={c.resolutionOverdue} />
        ) : c.status === 'received' ? (
          formatMinute(c.firstResponseDue)
        ) : c.status === 'inProgress' ? (
          formatMinute(c.resolutionDue)
        ) : (
          t('common.none')
        ),
    },
  ];

  const closeForm = () => setParams({}, { replace: true });

  return (
    <Card
      title={t('complaints.title')}
      data-testid="complaints-page"
      extra={
        canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setParams({ new: '1' })}
            data-testid="complaint-new"
          >
            {t('complaints.new')}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => paging.withRestart(setTab)(key as Tab)}
        data-testid="complaints-tabs"
        items={[
          { key: 'all', label: t('complaints.list.all') },
          ...COMPLAINT_STATUSES.map((s) => ({ key: s, label: t(`complaintStatuses.${s}`) })),
        ]}
      />
      <Flex gap="middle" wrap align="center" style={{ marginBottom: 16 }}>
        <SearchInput
          value={text}
          onChange={paging.withRestart(setText)}
          placeholder={t('complaints.list.searchPlaceholder')}
          width={260}
          testId="complaints-search"
        />
        <Select<ComplaintSeverity>
          allowClear
          value={severity}
          onChange={paging.withRestart(setSeverity)}
          placeholder={t('complaints.list.anySeverity')}
          style={{ width: 140 }}
          options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: t(`complaintSeverities.${s}`) }))}
          data-testid="complaints-severity"
        />
        <SwitchFilter
          checked={overdue}
          onChange={paging.withRestart(setOverdue)}
          label={t('complaints.list.overdueOnly')}
          testId="complaints-overdue"
        />
      </Flex>
      {list.error && (
        <Alert type="error" showIcon title={errorMessage(list.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Table<ComplaintListRow>
        rowKey="id"
        size="middle"
        data-testid="complaints-table"
        loading={list.isFetching}
        dataSource={list.data?.rows}
        columns={columns}
        locale={{ emptyText: t('complaints.list.empty') }}
        onRow={(c) => ({
          className: late(c) ? 'clickable-row complaint-row--overdue' : 'clickable-row',
          'data-testid': `complaint-row-${c.complaintNo}`,
          'data-overdue': late(c) ? 'true' : 'false',
          onClick: () => void navigate(`/complaints/${c.id}`),
        })}
        pagination={paging.table(list.data?.total, (total) => t('complaints.list.count', { total }))}
      />
      {creating && canWrite && (
        <NewComplaintModal
          customerId={params.get('customerId') ?? undefined}
          workOrderId={params.get('workOrderId') ?? undefined}
          onClose={closeForm}
          onCreated={(id) => void navigate(`/complaints/${id}`, { replace: true })}
        />
      )}
    </Card>
  );
}
