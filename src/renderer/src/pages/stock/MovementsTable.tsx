import type { ReactNode } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { StockMovement } from '@shared/schemas/stock';
import { formatMinute } from '../../lib/format';
import { formatYuan } from '../../lib/money';
import type { Paging } from '../../components/paging';
import { KindTag } from './documents/KindTag';

interface MovementsTableProps {
  rows: StockMovement[] | undefined;
  total: number | undefined;
  loading: boolean;
  paging: Paging;
  /** The ledger of one part leaves its code and name out; the period report shows them. */
  showPart: boolean;
  testId: string;
  summary?: ReactNode;
}

/** Signed quantity: + in green, − in red. */
export function SignedQty({ qty }: { qty: number }) {
  return (
    <Typography.Text type={qty < 0 ? 'danger' : 'success'} strong>
      {qty > 0 ? `+${qty}` : qty}
    </Typography.Text>
  );
}

/** 库存流水: each movement with its document, order, user and time. */
export function MovementsTable(props: MovementsTableProps) {
  const { rows, total, loading, paging, showPart, testId, summary } = props;
  const { t } = useTranslation();
  const columns: TableColumnsType<StockMovement> = [
    { title: t('stock.movements.at'), dataIndex: 'at', width: 150, render: (_, m) => formatMinute(m.at) },
    {
      title: t('stock.documents.docNo'),
      dataIndex: 'docNo',
      width: 200,
      render: (_, m) => (
        <Link to={`/stock/documents/${m.documentId}`} data-testid={`movement-doc-${m.docNo}`}>
          {m.docNo}
        </Link>
      ),
    },
    {
      title: t('stock.documents.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (_, m) => <KindTag kind={m.kind} />,
    },
    ...(showPart
      ? [
          { title: t('stock.parts.code'), dataIndex: 'partCode', width: 120 },
          { title: t('stock.parts.name'), dataIndex: 'partName', ellipsis: true },
        ]
      : []),
    {
      title: t('stock.movements.qty'),
      dataIndex: 'qty',
      width: 90,
      align: 'right',
      render: (_, m) => <SignedQty qty={m.qty} />,
    },
    {
      title: t('stock.lines.unitCost'),
      dataIndex: 'unitCost',
      width: 110,
      align: 'right',
      render: (_, m) => formatYuan(m.unitCost),
    },
    {
      title: t('stock.documents.orderNo'),
      dataIndex: 'orderNo',
      width: 190,
      render: (_, m) => m.orderNo ?? t('common.none'),
    },
    {
      title: t('stock.documents.createdBy'),
      dataIndex: 'userName',
      width: 100,
      render: (_, m) => m.userName ?? t('common.system'),
    },
  ];
  return (
    <Table<StockMovement>
      rowKey="id"
      size="small"
      data-testid={testId}
      loading={loading}
      dataSource={rows}
      columns={columns}
      summary={summary ? () => summary : undefined}
      pagination={paging.table(total, (n) => t('stock.common.total', { total: n }))}
    />
  );
}
