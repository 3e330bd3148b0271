import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Input,
  Segmented,
  Select,
  Table,
  Tabs,
  Typography,
  type TableColumnsType,
} from 'antd';
import { FileAddOutlined, SearchOutlined } from '@ant-design/icons';
import type { SorterResult } from 'antd/es/table/interface';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  CHANNELS,
  SERVICE_TYPES,
  WORK_ORDER_SORTS,
  type ListWorkOrdersInput,
  type WorkOrderRow,
} from '@shared/schemas/workOrders';
import { WARRANTY_STATUSES, type WarrantyStatus } from '@shared/warranty';
import { OUTCOMES, WORK_ORDER_STATUSES, type Outcome, type WorkOrderStatus } from '@shared/workOrderStatus';
import { localDate } from '@shared/dates';
import { useWorkOrderList } from '../../api/workOrders';
import { TechnicianSelect } from '../../components/TechnicianSelect';
import { useCan, useSession } from '../../api/session';
import {
  OutcomeTag,
  OverdueTag,
  PriorityTag,
  RecallDueTag,
  StatusTag,
  WarrantyTag,
} from '../../components/counterTags';
import { formatMinute } from '../../lib/format';
import { serverPagination } from '../../components/paging';
import '../../components/counter.css';
import { PartsArrivedTag } from './PartsArrivedTag';
import { serverToday } from '../../lib/serverClock';
import { useUrlParams } from './useUrlParams';
import { useUrlText } from './useUrlText';
import { errorMessage } from '../../i18n/errorMessage';

type Sort = (typeof WORK_ORDER_SORTS)[number];
type Channel = (typeof CHANNELS)[number];
type ServiceType = (typeof SERVICE_TYPES)[number];
type View = 'mine' | 'all';

interface Filters {
  technicianId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  overdue: boolean;
  openOnly: boolean;
  /** Orders waiting for parts that have all come in: the bench's next jobs. */
  partsArrived: boolean;
  warrantyStatus?: WarrantyStatus;
  channel?: Channel;
  serviceType?: ServiceType;
  outcome?: Outcome;
}

const EMPTY: Filters = { overdue: false, openOnly: false, partsArrived: false };
/** The contract's limit on the list's text filter. */
const TEXT_MAX = 60;

function isStatus(value: string | null): value is WorkOrderStatus {
  return value !== null && (WORK_ORDER_STATUSES as readonly string[]).includes(value);
}

function isSort(value: unknown): value is Sort {
  return typeof value === 'string' && (WORK_ORDER_SORTS as readonly string[]).includes(value);
}

/** 工单: status tabs with counts, filters, sort and paging on the server; overdue rows stand out. */
export function WorkOrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const canIntake = useCan('workOrders.write') && user.permissions.includes('customers.write');
  const [params, setParam] = useUrlParams();
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const view: View =
    (params.get('view') ?? (user.role === 'technician' ? 'mine' : 'all')) === 'mine' ? 'mine' : 'all';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [pageSize, setPageSize] = useState(20);
  // The dashboard's figures link here: ?overdue=1, and ?received=today for today's intake.
  const [filters, setFilters] = useState<Filters>(() => ({
    ...EMPTY,
    overdue: params.get('overdue') === '1',
    ...(params.get('received') === 'today' ? { range: [serverToday(), serverToday()] } : {}),
  }));
  const [sort, setSort] = useState<{ sort: Sort; order: 'asc' | 'desc' }>({
    sort: 'createdAt',
    order: 'desc',
  });

  // ?q=: order number, customer, phone, device, fault; the box types ahead of the URL.
  const text = useUrlText(params.get('q') ?? '', (q) => setParam({ q }), TEXT_MAX);
  const q = params.get('q')?.trim();
  const change = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    // The filters now say what the dashboard's link said.
    setParam({ received: null, overdue: null });
  };

  const [start, end] = filters.range ?? [null, null];
  const input: ListWorkOrdersInput = {
    ...(status ? { status } : {}),
    openOnly: filters.openOnly,
    mine: view === 'mine',
    ...(view === 'all' && filters.technicianId ? { technicianId: filters.technicianId } : {}),
    ...(start ? { from: start.startOf('day').valueOf() } : {}),
    ...(end ? { to: end.endOf('day').valueOf() } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.partsArrived ? { partsArrived: true } : {}),
    ...(filters.warrantyStatus ? { warrantyStatus: filters.warrantyStatus } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.serviceType ? { serviceType: filters.serviceType } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(q ? { q } : {}),
    ...sort,
    page,
    pageSize,
  };
  const list = useWorkOrderList(input);
  const counts: Partial<Record<WorkOrderStatus, number>> = list.data?.counts ?? {};
  const all = WORK_ORDER_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);

  const sortOrder = (key: Sort) =>
    sort.sort === key ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: TableColumnsType<WorkOrderRow> = [
    {
      title: t('workOrders.orderNoAndTime'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 172,
      sorter: true,
      sortOrder: sortOrder('createdAt'),
      render: (_, o) => (
        <Flex vertical>
          <Typography.Text strong>{o.orderNo}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatMinute(o.createdAt)}
            {o.isRework && (
              <Typography.Text type="warning" style={{ fontSize: 12, marginInlineStart: 6 }}>
                {t('workOrders.rework')}
              </Typography.Text>
            )}
            {o.imported && (
              <Typography.Text
                type="secondary"
                style={{ fontSize: 12, marginInlineStart: 6 }}
                data-testid="wo-row-imported"
              >
                {t('workOrders.imported')}
              </Typography.Text>
            )}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('workOrders.statusAndWarranty'),
      dataIndex: 'status',
      width: 124,
      render: (_, o) => (
        <Flex vertical align="start" gap={4}>
          <StatusTag status={o.status} />
          {o.outcome && o.outcome !== o.status && <OutcomeTag outcome={o.outcome} />}
          {o.partsArrived && <PartsArrivedTag />}
          <WarrantyTag status={o.warrantyStatus} />
        </Flex>
      ),
    },
    {
      title: t('workOrders.customer'),
      key: 'customer',
      width: 120,
      render: (_, o) => (
        <Flex vertical>
          <span>{o.customerName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.customerPhone}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('workOrders.device'),
      key: 'device',
      width: 150,
      render: (_, o) => (
        <Flex vertical>
          <span>{o.deviceLabel}</span>
          {o.serialNo && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.serialNo}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('workOrders.fault'), dataIndex: 'reportedFault', ellipsis: true },
    {
      title: t('workOrders.priority'),
      dataIndex: 'priority',
      key: 'priority',
      width: 84,
      sorter: true,
      sortOrder: sortOrder('priority'),
      render: (_, o) => <PriorityTag priority={o.priority} />,
    },
    {
      title: t('workOrders.technician'),
      dataIndex: 'technicianName',
      width: 100,
      render: (_, o) =>
        o.technicianName ?? <Typography.Text type="secondary">{t('workOrders.unassigned')}</Typography.Text>,
    },
    {
      title: t('workOrders.promisedAt'),
      dataIndex: 'promisedAt',
      key: 'promisedAt',
      width: 150,
      sorter: true,
      sortOrder: sortOrder('promisedAt'),
      render: (_, o) => (
        <Flex vertical align="start" gap={2}>
          <span className={o.overdue ? 'wo-overdue-date' : undefined}>{formatMinute(o.promisedAt)}</span>
          {o.overdue && <OverdueTag />}
          {o.recallAt !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="wo-recall-on">
              {t('workOrders.recallOn', { date: localDate(o.recallAt) })}
            </Typography.Text>
          )}
          {o.recallDue && <RecallDueTag />}
        </Flex>
      ),
    },
  ];

  const tabLabel = (key: string, text: string, count: number) => (
    <span data-testid={`wo-tab-${key}`}>
      {text}{' '}
      <Badge
        count={count}
        showZero={false}
        overflowCount={9999}
        color={key === 'all' ? '#1668dc' : '#8c8c8c'}
        size="small"
      />
    </span>
  );

  return (
    <Card
      title={
        <Flex align="center" gap="middle">
          <span>{t('workOrders.title')}</span>
          <Segmented<View>
            value={view}
            onChange={(v) => setParam({ view: v })}
            options={[
              { value: 'all', label: <span data-testid="wo-view-all">{t('workOrders.all')}</span> },
              { value: 'mine', label: <span data-testid="wo-view-mine">{t('workOrders.mine')}</span> },
            ]}
            data-testid="wo-view"
          />
        </Flex>
      }
      extra={
        canIntake && (
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            onClick={() => void navigate('/intake')}
            data-testid="wo-new-intake"
          >
            {t('nav.intake')}
          </Button>
        )
      }
    >
      <Flex gap="small" wrap align="center" style={{ marginBottom: 8 }} data-testid="wo-filters">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          value={text.draft}
          onChange={(e) => text.change(e.target.value)}
          status={text.tooLong ? 'error' : undefined}
          placeholder={t('workOrders.textFilter')}
          aria-label={t('workOrders.textFilter')}
          style={{ width: 260 }}
          data-testid="wo-filter-text"
        />
        {text.tooLong && (
          <Typography.Text type="danger" data-testid="wo-filter-text-error">
            {t('workOrders.textTooLong', { max: TEXT_MAX })}
          </Typography.Text>
        )}
        {view === 'all' && (
          <TechnicianSelect<string>
            value={filters.technicianId}
            onChange={(technicianId) => change({ technicianId })}
            placeholder={t('workOrders.anyTechnician')}
            aria-label={t('workOrders.technician')}
            style={{ width: 120 }}
            data-testid="wo-filter-technician"
          />
        )}
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={filters.range ?? null}
          onChange={(range) => change({ range })}
          aria-label={t('workOrders.dateRange')}
          placeholder={[t('workOrders.dateFrom'), t('workOrders.dateTo')]}
          style={{ width: 236 }}
          data-testid="wo-filter-range"
        />
        <Select<WarrantyStatus>
          allowClear
          value={filters.warrantyStatus}
          onChange={(warrantyStatus) => change({ warrantyStatus })}
          placeholder={t('workOrders.anyWarranty')}
          aria-label={t('workOrders.warranty')}
          style={{ width: 104 }}
          options={WARRANTY_STATUSES.map((w) => ({ value: w, label: t(`warranty.${w}`) }))}
          data-testid="wo-filter-warranty"
        />
        <Select<Channel>
          allowClear
          value={filters.channel}
          onChange={(channel) => change({ channel })}
          placeholder={t('workOrders.anyChannel')}
          aria-label={t('workOrders.channel')}
          style={{ width: 100 }}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
          data-testid="wo-filter-channel"
        />
        <Select<ServiceType>
          allowClear
          value={filters.serviceType}
          onChange={(serviceType) => change({ serviceType })}
          placeholder={t('workOrders.anyServiceType')}
          aria-label={t('workOrders.serviceType')}
          popupMatchSelectWidth={false}
          style={{ width: 128 }}
          options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`serviceTypes.${s}`) }))}
          data-testid="wo-filter-service"
        />
        <Select<Outcome>
          allowClear
          value={filters.outcome}
          onChange={(outcome) => change({ outcome })}
          placeholder={t('workOrders.anyOutcome')}
          aria-label={t('workOrders.outcome')}
          popupMatchSelectWidth={false}
          style={{ width: 128 }}
          options={OUTCOMES.map((c) => ({ value: c, label: t(`outcomes.${c}`) }))}
          data-testid="wo-filter-outcome"
        />
        <Checkbox
          checked={filters.overdue}
          onChange={(e) => change({ overdue: e.target.checked })}
          data-testid="wo-filter-overdue"
        >
          {t('workOrders.overdueOnly')}
        </Checkbox>
        <Checkbox
          checked={filters.partsArrived}
          onChange={(e) => change({ partsArrived: e.target.checked })}
          data-testid="wo-filter-parts-arrived"
        >
          {t('orderParts.partsArrivedOnly')}
        </Checkbox>
        <Checkbox
          checked={filters.openOnly}
          onChange={(e) => change({ openOnly: e.target.checked })}
          data-testid="wo-filter-open"
        >
          {t('workOrders.openOnly')}
        </Checkbox>
        <Button
          onClick={() => {
            text.reset();
            setFilters(EMPTY);
            setParam({ received: null, overdue: null, q: null });
          }}
          data-testid="wo-filter-clear"
        >
          {t('workOrders.clear')}
        </Button>
      </Flex>
      <Tabs
        activeKey={status ?? 'all'}
        onChange={(key) => setParam({ status: key === 'all' ? null : key })}
        items={[
          { key: 'all', label: tabLabel('all', t('workOrders.allStatuses'), all) },
          ...WORK_ORDER_STATUSES.map((s) => ({
            key: s,
            label: tabLabel(s, t(`statuses.${s}`), counts[s] ?? 0),
          })),
        ]}
        data-testid="wo-tabs"
      />
      {list.error && (
        <Alert type="error" showIcon title={errorMessage(list.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Table<WorkOrderRow>
        rowKey="id"
        size="middle"
        data-testid="wo-table"
        loading={list.isFetching}
        dataSource={list.data?.rows}
        columns={columns}
        scroll={{ x: 1080 }}
        locale={{ emptyText: t(view === 'mine' ? 'workOrders.emptyMine' : 'workOrders.empty') }}
        onRow={(o) => ({
          className: o.overdue ? 'clickable-row wo-row--overdue' : 'clickable-row',
          'data-testid': `wo-row-${o.orderNo}`,
          onClick: () => void navigate(`/work-orders/${o.id}`),
        })}
        onChange={(_, __, sorter, extra) => {
          if (extra.action !== 'sort') return;
          setParam({});
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<WorkOrderRow> | undefined;
          if (s?.order && isSort(s.columnKey))
            setSort({ sort: s.columnKey, order: s.order === 'ascend' ? 'asc' : 'desc' });
          else setSort({ sort: 'createdAt', order: 'desc' });
        }}
        pagination={serverPagination({
          page,
          pageSize,
          total: list.data?.total ?? 0,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('workOrders.total', { total }),
          onChange: (nextPage, nextSize) => {
            setParam({ page: String(nextPage) });
            setPageSize(nextSize);
          },
        })}
      />
    </Card>
  );
}
