import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { InputOf } from '@shared/contract';
import {
  CUSTOMER_TYPES,
  CUSTOMER_SORTS,
  type CustomerRow,
  type CustomerType,
} from '@shared/schemas/customers';
import { useCustomerList } from '../../api/customers';
import { useDebounced } from '../../api/search';
import { useSettings } from '../../api/settings';
import { useCan } from '../../api/session';
import { formatMinute } from '../../lib/format';
import { usePaging } from '../../components/paging';
import { SearchInput } from '../../components/SearchInput';
import { SwitchFilter } from '../../components/SwitchFilter';
import '../../components/counter.css';
import { ExportButton } from '../../components/ExportButton';
import { ImportModal } from '../../components/ImportModal';
import { CustomerFormModal } from './CustomerFormModal';
import { errorMessage } from '../../i18n/errorMessage';

type Sort = (typeof CUSTOMER_SORTS)[number];

interface Filters {
  q: string;
  type?: CustomerType;
  level?: string;
  tag: string;
  archived: boolean;
}

function isSort(value: unknown): value is Sort {
  return typeof value === 'string' && (CUSTOMER_SORTS as readonly string[]).includes(value);
}

/** 客户档案: filtered, sorted and paged on the server. */
export function CustomersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('customers.write');
  const settings = useSettings();
  const [filters, setFilters] = useState<Filters>({ q: '', tag: '', archived: false });
  const [sort, setSort] = useState<{ sort: Sort; order: 'asc' | 'desc' }>({
    sort: 'createdAt',
    order: 'desc',
  });
  const paging = usePaging();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const q = useDebounced(filters.q.trim(), 250);
  const tag = useDebounced(filters.tag.trim(), 250);

  const input: InputOf<'customers.list'> = {
    ...(q ? { q: q.slice(0, 60) } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.level ? { level: filters.level } : {}),
    ...(tag ? { tag: tag.slice(0, 20) } : {}),
    archived: filters.archived,
    ...sort,
    page: paging.page,
    pageSize: paging.pageSize,
  };
  const list = useCustomerList(input);

  const change = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    paging.restart();
  };
  const sortOrder = (key: Sort) =>
    sort.sort === key ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: TableColumnsType<CustomerRow> = [
    {
      title: t('customers.code'),
      dataIndex: 'code',
      key: 'code',
      width: 120,
      sorter: true,
      sortOrder: sortOrder('code'),
    },
    {
      title: t('customers.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (_, c) => (
        <Flex gap={6} align="center" wrap>
          <span>{c.name}</span>
          {c.type === 'company' && <Tag>{t('customerTypes.company')}</Tag>}
          {c.archivedAt !== null && <Tag>{t('customers.archivedTag')}</Tag>}
          {c.tags.map((tg) => (
            <Tag key={tg} color="processing" variant="filled">
              {tg}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('customers.level'),
      dataIndex: 'level',
      width: 90,
      render: (_, c) => (
        <Tag color={c.level === (settings.data?.counter.customerLevels[0] ?? '') ? undefined : 'gold'}>
          {c.level}
        </Tag>
      ),
    },
    { title: t('customers.primaryPhone'), dataIndex: 'primaryPhone', width: 140 },
    { title: t('customers.company'), dataIndex: 'company', ellipsis: true },
    {
      title: t('customers.openOrders'),
      dataIndex: 'openOrders',
      width: 100,
      align: 'right',
      render: (_, c) => (c.openOrders > 0 ? <Tag color="blue">{c.openOrders}</Tag> : <span>0</span>),
    },
    {
      title: t('customers.lastVisit'),
      dataIndex: 'lastVisitAt',
      key: 'lastVisitAt',
      width: 160,
      sorter: true,
      sortOrder: sortOrder('lastVisitAt'),
      render: (_, c) => (c.lastVisitAt ? formatMinute(c.lastVisitAt) : t('common.none')),
    },
    {
      title: t('customers.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 160,
      sorter: true,
      sortOrder: sortOrder('createdAt'),
      render: (_, c) => formatMinute(c.createdAt),
    },
  ];

  const levels = settings.data?.counter.customerLevels ?? [];
  return (
    <Card
      title={t('customers.title')}
      extra={
        <Space wrap>
          {canWrite && (
            <Button
              icon={<ImportOutlined />}
              onClick={() => setImporting(true)}
              data-testid="customers-import"
            >
              {t('stock.import.button')}
            </Button>
          )}
          <ExportButton request={() => ({ method: 'customers.export' })} testId="customers-export">
            {t('stock.export.customers')}
          </ExportButton>
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="customers-create"
            >
              {t('customers.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex gap="middle" wrap align="center" style={{ marginBottom: 16 }} data-testid="customers-filters">
        <SearchInput
          value={filters.q}
          onChange={(q) => change({ q })}
          placeholder={t('customers.searchPlaceholder')}
          width={280}
          testId="customers-search"
        />
        <Select<CustomerType>
          allowClear
          value={filters.type}
          onChange={(type) => change({ type })}
          placeholder={t('customers.anyType')}
          aria-label={t('customers.type')}
          style={{ width: 120 }}
          options={CUSTOMER_TYPES.map((ty) => ({ value: ty, label: t(`customerTypes.${ty}`) }))}
          data-testid="customers-filter-type"
        />
        <Select<string>
          allowClear
          value={filters.level}
          onChange={(level) => change({ level })}
          placeholder={t('customers.anyLevel')}
          aria-label={t('customers.level')}
          style={{ width: 120 }}
          options={levels.map((l) => ({ value: l, label: l }))}
          data-testid="customers-filter-level"
        />
        <Input
          allowClear
          value={filters.tag}
          onChange={(e) => change({ tag: e.target.value })}
          placeholder={t('customers.tag')}
          aria-label={t('customers.tag')}
          style={{ width: 140 }}
          data-testid="customers-filter-tag"
        />
        <SwitchFilter
          checked={filters.archived}
          onChange={(archived) => change({ archived })}
          label={t('customers.showArchived')}
          testId="customers-archived"
        />
      </Flex>
      {list.error && (
        <Alert type="error" showIcon title={errorMessage(list.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Table<CustomerRow>
        rowKey="id"
        size="middle"
        data-testid="customers-table"
        loading={list.isFetching}
        dataSource={list.data?.rows}
        columns={columns}
        onRow={(c) => ({
          className: 'clickable-row',
          'data-testid': `customer-row-${c.code}`,
          onClick: () => void navigate(`/customers/${c.id}`),
        })}
        onChange={(_, __, sorter, extra) => {
          if (extra.action !== 'sort') return;
          paging.restart();
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CustomerRow> | undefined;
          if (s?.order && isSort(s.columnKey)) {
            setSort({ sort: s.columnKey, order: s.order === 'ascend' ? 'asc' : 'desc' });
          } else {
            setSort({ sort: 'createdAt', order: 'desc' });
          }
        }}
        pagination={paging.table(list.data?.total, (total) => t('customers.total', { total }))}
      />
      {importing && (
        <ImportModal
          title={t('stock.import.customersTitle')}
          method="customers.import"
          template="customers.importTemplate"
          matchNote={t('stock.import.customersMatch')}
          testId="customers-import"
          defaultExisting="skip"
          onClose={() => setImporting(false)}
        />
      )}
      {creating && (
        <CustomerFormModal
          onClose={() => setCreating(false)}
          onSaved={(c) => void navigate(`/customers/${c.id}`)}
        />
      )}
    </Card>
  );
}
