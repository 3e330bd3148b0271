import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/contract';
import type { Part } from '@shared/schemas/stock';
import { useDebounced } from '../../../api/search';
import { useArchivePart, usePartList, useRestorePart } from '../../../api/stock';
import { useCan } from '../../../api/session';
import { formatYuan } from '../../../lib/money';
import { usePaging } from '../../../components/paging';
import { SearchInput } from '../../../components/SearchInput';
import { SwitchFilter } from '../../../components/SwitchFilter';
import '../../../components/counter.css';
import { ExportButton } from '../../../components/ExportButton';
import { ImportModal } from '../../../components/ImportModal';
import { OnHand } from '../OnHand';
import { FacetSelect } from './FacetSelect';
import { PartDrawer } from './PartDrawer';
import { PartFormModal } from './PartFormModal';
import { errorMessage } from '../../../i18n/errorMessage';

type Dialog = { kind: 'create' } | { kind: 'edit'; part: Part } | { kind: 'import' } | null;

/** 配件: the catalog, searched and paged on the server, with its stock on hand. */
export function PartsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useCan('stock.write');
  const [text, setText] = useState('');
  const [category, setCategory] = useState<string | undefined>();
  const [includeArchived, setIncludeArchived] = useState(false);
  const paging = usePaging();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const search = useDebounced(text.trim().slice(0, 60), 250);
  const archive = useArchivePart();
  const restore = useRestorePart();

  const input: InputOf<'parts.list'> = {
    search,
    ...(category ? { category } : {}),
    includeArchived,
    page: paging.page,
    pageSize: paging.pageSize,
  };
  const list = usePartList(input);

  const toggleArchived = (part: Part) => {
    const archived = part.archivedAt !== null;
    (archived ? restore : archive).mutate(part.id, {
      onSuccess: () =>
        void message.success(
          t(archived ? 'stock.parts.restored' : 'stock.parts.archived', { code: part.code }),
        ),
      onError: (e) => void message.error(errorMessage(e, t)),
    });
  };

  const columns: TableColumnsType<Part> = [
    { title: t('stock.parts.code'), dataIndex: 'code', width: 120 },
    {
      title: t('stock.parts.name'),
      dataIndex: 'name',
      render: (_, p) => (
        <Flex gap={6} align="center" wrap>
          <span>{p.name}</span>
          {p.archivedAt !== null && <Tag>{t('stock.common.archived')}</Tag>}
        </Flex>
      ),
    },
    { title: t('stock.parts.spec'), dataIndex: 'spec', width: 130, ellipsis: { showTitle: true } },
    { title: t('stock.parts.category'), dataIndex: 'category', width: 80, ellipsis: true },
    { title: t('stock.parts.location'), dataIndex: 'location', width: 80, ellipsis: true },
    {
      title: t('stock.parts.onHand'),
      dataIndex: 'onHand',
      width: 80,
      align: 'right',
      render: (_, p) => (
        <span>
          <OnHand onHand={p.onHand} minStock={p.minStock} testId={`part-onhand-${p.code}`} />{' '}
          <Typography.Text type="secondary">{p.unit}</Typography.Text>
        </span>
      ),
    },
    { title: t('stock.parts.minStock'), dataIndex: 'minStock', width: 90, align: 'right' },
    {
      title: t('stock.parts.costPrice'),
      dataIndex: 'costPrice',
      width: 85,
      align: 'right',
      render: (_, p) => formatYuan(p.costPrice),
    },
    {
      title: t('stock.parts.salePrice'),
      dataIndex: 'salePrice',
      width: 85,
      align: 'right',
      render: (_, p) => formatYuan(p.salePrice),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, p: Part) => (
              // The row opens the detail; the buttons do their own thing.
              <Space size={0} onClick={(e) => e.stopPropagation()}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setDialog({ kind: 'edit', part: p })}
                  data-testid={`part-edit-${p.code}`}
                >
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t(
                    p.archivedAt === null ? 'stock.parts.archiveConfirm' : 'stock.parts.restoreConfirm',
                    {
                      code: p.code,
                    },
                  )}
                  onConfirm={() => toggleArchived(p)}
                >
                  <Button type="link" size="small" data-testid={`part-archive-${p.code}`}>
                    {p.archivedAt === null ? t('stock.common.archive') : t('stock.common.restore')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('stock.parts.title')}
      extra={
        <Space wrap>
          {canWrite && (
            <Button
              icon={<ImportOutlined />}
              onClick={() => setDialog({ kind: 'import' })}
              data-testid="parts-import"
            >
              {t('stock.import.button')}
            </Button>
          )}
          <ExportButton request={() => ({ method: 'parts.export' })} testId="parts-export">
            {t('stock.export.parts')}
          </ExportButton>
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'create' })}
              data-testid="parts-create"
            >
              {t('stock.parts.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex gap="middle" wrap align="center" style={{ marginBottom: 16 }}>
        <SearchInput
          value={text}
          onChange={paging.withRestart(setText)}
          placeholder={t('stock.parts.searchPlaceholder')}
          width={300}
          testId="parts-search"
        />
        <FacetSelect
          facet="categories"
          value={category}
          onChange={paging.withRestart(setCategory)}
          width={160}
          testId="parts-filter-category"
        />
        <SwitchFilter
          checked={includeArchived}
          onChange={paging.withRestart(setIncludeArchived)}
          label={t('stock.common.showArchived')}
          testId="parts-archived"
        />
        <Typography.Text type="secondary">{t('stock.parts.lowHint')}</Typography.Text>
      </Flex>
      {list.error && (
        <Alert type="error" showIcon title={errorMessage(list.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Table<Part>
        rowKey="id"
        size="middle"
        data-testid="parts-table"
        loading={list.isFetching}
        dataSource={list.data?.rows}
        columns={columns}
        onRow={(p) => ({
          className: 'clickable-row',
          'data-testid': `part-row-${p.code}`,
          onClick: () => setOpenId(p.id),
        })}
        pagination={paging.table(list.data?.total, (total) => t('stock.common.total', { total }))}
      />
      {dialog?.kind === 'create' && <PartFormModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <PartFormModal part={dialog.part} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'import' && (
        <ImportModal
          title={t('stock.import.partsTitle')}
          method="parts.import"
          template="parts.importTemplate"
          matchNote={t('stock.import.partsMatch')}
          testId="parts-import"
          defaultExisting="update"
          onClose={() => setDialog(null)}
        />
      )}
      {openId && <PartDrawer partId={openId} onClose={() => setOpenId(null)} />}
    </Card>
  );
}
