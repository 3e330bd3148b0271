import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { InputOf } from '@shared/contract';
import type { StockDocumentKind } from '@shared/schemas/stock';
import { useDebounced } from '../../../api/search';
import { useStockDocumentList, type StockDocumentRow } from '../../../api/stock';
import { useCan } from '../../../api/session';
import { formatMinute } from '../../../lib/format';
import { formatYuan } from '../../../lib/money';
import { usePaging } from '../../../components/paging';
import { SearchInput } from '../../../components/SearchInput';
import '../../../components/counter.css';
import '../stock.css';
import { SignedQty } from '../MovementsTable';
import { openPeriodOf } from '../periods';
import { KindSelect } from './KindSelect';
import { KindTag } from './KindTag';
import { MANUAL_KINDS } from './draft';
import { errorMessage } from '../../../i18n/errorMessage';

type Range = [Dayjs | null, Dayjs | null] | null;

/** Who or what a document concerns: its supplier, or the work order that made it. */
function Counterpart({ doc }: { doc: StockDocumentRow }) {
  const { t } = useTranslation();
  if (doc.workOrderId && doc.orderNo) {
    return (
      <Link to={`/work-orders/${doc.workOrderId}`} onClick={(e) => e.stopPropagation()}>
        {doc.orderNo}
      </Link>
    );
  }
  return <span>{doc.supplierName ?? t('common.none')}</span>;
}

/** 库存单据: every posted document, newest first, with the buttons that start a new one. */
export function StockDocumentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('stock.write');
  const canAdjust = useCan('stock.adjust');
  const [kind, setKind] = useState<StockDocumentKind | undefined>();
  const [range, setRange] = useState<Range>(null);
  const [text, setText] = useState('');
  const paging = usePaging();
  const search = useDebounced(text.trim().slice(0, 40), 250);

  const input: InputOf<'stock.list'> = {
    ...(kind ? { kind } : {}),
    search,
    ...openPeriodOf(range),
    page: paging.page,
    pageSize: paging.pageSize,
  };
  const list = useStockDocumentList(input);
  const newKinds = MANUAL_KINDS.filter((k) => (k === 'adjustment' ? canAdjust : canWrite));

  const columns: TableColumnsType<StockDocumentRow> = [
    {
      title: t('stock.documents.docNo'),
      dataIndex: 'docNo',
      width: 200,
      render: (_, d) => <span className="stock-doc-no">{d.docNo}</span>,
    },
    {
      title: t('stock.documents.kind'),
      dataIndex: 'kind',
      width: 125,
      render: (_, d) => (
        <Flex gap={4} wrap>
          <KindTag kind={d.kind} reversal={d.reversesId !== null} />
          {d.reversedById && <Tag color="default">{t('stock.documents.reversedTag')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('stock.documents.postedAt'),
      dataIndex: 'postedAt',
      width: 140,
      render: (_, d) => formatMinute(d.postedAt),
    },
    {
      title: t('stock.documents.counterpart'),
      key: 'counterpart',
      width: 170,
      render: (_, d) => <Counterpart doc={d} />,
    },
    { title: t('stock.documents.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: t('stock.documents.totalQty'),
      dataIndex: 'totalQty',
      width: 90,
      align: 'right',
      render: (_, d) => <SignedQty qty={d.totalQty} />,
    },
    {
      title: t('stock.documents.totalCost'),
      dataIndex: 'totalCost',
      width: 120,
      align: 'right',
      render: (_, d) => formatYuan(d.totalCost),
    },
    {
      title: t('stock.documents.createdBy'),
      dataIndex: 'createdByName',
      width: 100,
      render: (_, d) => d.createdByName ?? t('common.system'),
    },
  ];

  return (
    <Card
      title={t('stock.documents.title')}
      extra={
        <Space wrap>
          {newKinds.map((k) => (
            <Button
              key={k}
              icon={<PlusOutlined />}
              type={k === 'receipt' ? 'primary' : 'default'}
              onClick={() => void navigate(`/stock/documents/new/${k}`)}
              data-testid={`doc-new-${k}`}
            >
              {t(`stockDocuments.${k}`)}
            </Button>
          ))}
        </Space>
      }
    >
      <Flex gap="middle" wrap align="center" style={{ marginBottom: 16 }}>
        <SearchInput
          value={text}
          onChange={paging.withRestart(setText)}
          placeholder={t('stock.documents.searchPlaceholder')}
          width={240}
          testId="docs-search"
        />
        <KindSelect value={kind} onChange={paging.withRestart(setKind)} testId="docs-filter-kind" />
        <DatePicker.RangePicker
          value={range}
          onChange={paging.withRestart(setRange)}
          allowEmpty={[true, true]}
          data-testid="docs-filter-range"
        />
      </Flex>
      {list.error && (
        <Alert type="error" showIcon title={errorMessage(list.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Table<StockDocumentRow>
        rowKey="id"
        size="middle"
        data-testid="docs-table"
        loading={list.isFetching}
        dataSource={list.data?.rows}
        columns={columns}
        onRow={(d) => ({
          className: 'clickable-row',
          'data-testid': `doc-row-${d.docNo}`,
          onClick: () => void navigate(`/stock/documents/${d.id}`),
        })}
        pagination={paging.table(list.data?.total, (total) => t('stock.common.total', { total }))}
      />
    </Card>
  );
}
