import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Supplier } from '@shared/schemas/stock';
import { useArchiveSupplier, useSuppliers } from '../../../api/stock';
import { useCan } from '../../../api/session';
import { formatMinute } from '../../../lib/format';
import { SearchInput } from '../../../components/SearchInput';
import { SwitchFilter } from '../../../components/SwitchFilter';
import '../stock.css';
import { SupplierFormModal } from './SupplierFormModal';
import { errorMessage } from '../../../i18n/errorMessage';

type Dialog = { kind: 'create' } | { kind: 'edit'; supplier: Supplier } | null;

/** 供应商: a short list, filtered in the page. Archived suppliers stay on old documents. */
export function SuppliersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useCan('stock.write');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [text, setText] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const suppliers = useSuppliers(includeArchived);
  const archive = useArchiveSupplier();

  const q = text.trim().toLowerCase();
  const rows = (suppliers.data ?? []).filter(
    (s) => !q || [s.name, s.contact, s.phone].some((v) => v.toLowerCase().includes(q)),
  );

  const columns: TableColumnsType<Supplier> = [
    {
      title: t('stock.suppliers.name'),
      dataIndex: 'name',
      render: (_, s) => (
        <Flex gap={6} align="center">
          <span>{s.name}</span>
          {s.archivedAt !== null && <Tag>{t('stock.common.archived')}</Tag>}
        </Flex>
      ),
    },
    { title: t('stock.suppliers.contact'), dataIndex: 'contact', width: 140 },
    { title: t('stock.suppliers.phone'), dataIndex: 'phone', width: 160 },
    { title: t('stock.suppliers.notes'), dataIndex: 'notes', ellipsis: true },
    {
      title: t('stock.suppliers.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (_, s) => formatMinute(s.createdAt),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, s: Supplier) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setDialog({ kind: 'edit', supplier: s })}
                  data-testid={`supplier-edit-${s.name}`}
                >
                  {t('common.edit')}
                </Button>
                {s.archivedAt === null && (
                  <Popconfirm
                    title={t('stock.suppliers.archiveConfirm', { name: s.name })}
                    onConfirm={() =>
                      archive.mutate(s.id, {
                        onSuccess: () =>
                          void message.success(t('stock.suppliers.archived', { name: s.name })),
                        onError: (e) => void message.error(errorMessage(e, t)),
                      })
                    }
                  >
                    <Button type="link" size="small" data-testid={`supplier-archive-${s.name}`}>
                      {t('stock.common.archive')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('stock.suppliers.title')}
      extra={
        canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="suppliers-create"
          >
            {t('stock.suppliers.create')}
          </Button>
        )
      }
    >
      <Flex gap="middle" wrap align="center" style={{ marginBottom: 16 }}>
        <SearchInput
          value={text}
          onChange={setText}
          placeholder={t('stock.suppliers.searchPlaceholder')}
          width={280}
          testId="suppliers-search"
        />
        <SwitchFilter
          checked={includeArchived}
          onChange={setIncludeArchived}
          label={t('stock.common.showArchived')}
        />
      </Flex>
      {suppliers.error && (
        <Alert type="error" showIcon title={errorMessage(suppliers.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Table<Supplier>
        rowKey="id"
        size="middle"
        data-testid="suppliers-table"
        loading={suppliers.isFetching}
        dataSource={rows}
        columns={columns}
        onRow={(s) => ({
          'data-testid': `supplier-row-${s.name}`,
          className: s.archivedAt !== null ? 'stock-row--archived' : undefined,
        })}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      {dialog?.kind === 'create' && <SupplierFormModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <SupplierFormModal supplier={dialog.supplier} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
