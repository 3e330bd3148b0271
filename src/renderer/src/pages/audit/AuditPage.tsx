import { useState } from 'react';
import { Alert, Card, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditListInput } from '@shared/schemas/audit';
import { useAuditList } from '../../api/audit';
import { formatDateTime } from '../../lib/format';
import { errorMessage } from '../../i18n/errorMessage';
import { AuditChanges, AuditDetail } from './AuditChanges';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { entityLabel, shortId } from './labels';

type Filters = Omit<AuditListInput, 'page' | 'pageSize'>;

/** Form values → list input: dates become start of the first day and end of the last, in epoch ms. */
function toFilters(values: AuditFilterValues): Filters {
  const [start, end] = values.range ?? [null, null];
  return {
    userId: values.userId ?? undefined,
    entity: values.entity ?? undefined,
    action: values.action ?? undefined,
    from: start ? start.startOf('day').valueOf() : undefined,
    to: end ? end.endOf('day').valueOf() : undefined,
  };
}

const ACTION_COLORS: Partial<Record<AuditEntry['action'], string>> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  void: 'red',
  signInFailed: 'orange',
  lockout: 'volcano',
};

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useAuditList({ ...filters, page, pageSize });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.time'), dataIndex: 'at', width: 170, render: (_, e) => formatDateTime(e.at) },
    {
      title: t('audit.user'),
      dataIndex: 'username',
      width: 120,
      render: (_, e) => e.username ?? t('common.system'),
    },
    {
      // The LAN terminal a write came from; the host's own screen leaves none.
      title: t('audit.terminal'),
      dataIndex: 'terminalName',
      width: 120,
      render: (_, e) => e.terminalName ?? <Typography.Text type="secondary">{t('lan.host')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 110,
      render: (_, e) => <Tag color={ACTION_COLORS[e.action]}>{t(`auditActions.${e.action}`)}</Tag>,
    },
    { title: t('audit.entity'), dataIndex: 'entity', width: 100, render: (_, e) => entityLabel(e.entity, t) },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      width: 110,
      render: (_, e) =>
        e.entityId ? (
          <Tooltip title={e.entityId}>
            <code>{shortId(e.entityId)}</code>
          </Tooltip>
        ) : (
          t('common.none')
        ),
    },
    { title: t('audit.changes'), key: 'changes', render: (_, e) => <AuditChanges entry={e} /> },
  ];

  return (
    <Card title={t('audit.title')}>
      <AuditFilters
        onChange={(values) => {
          setFilters(toFilters(values));
          setPage(1);
        }}
      />
      {list.error && (
        <Alert type="error" showIcon title={errorMessage(list.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Table<AuditEntry>
        rowKey="id"
        data-testid="audit-table"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.rows}
        columns={columns}
        expandable={{
          expandedRowRender: (entry) => <AuditDetail entry={entry} />,
          rowExpandable: (entry) => entry.before !== null || entry.after !== null,
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('audit.total', { total }),
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
      />
    </Card>
  );
}
