import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type DescriptionsProps,
  type TableColumnsType,
} from 'antd';
import { ArrowLeftOutlined, PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { StockDocument } from '@shared/schemas/stock';
import { useStockDocument } from '../../../api/stock';
import { useCan } from '../../../api/session';
import { formatMinute } from '../../../lib/format';
import { formatYuan } from '../../../lib/money';
import { SignedQty } from '../MovementsTable';
import '../stock.css';
import { KindTag } from './KindTag';
import { ReverseModal } from './ReverseModal';
import { errorMessage } from '../../../i18n/errorMessage';

type Line = StockDocument['lines'][number];

/**
 * Work-order documents are undone on the order (remove the line), not by a reversal here; a cost
 * adjustment is corrected by another one.
 */
function reversible(doc: StockDocument): boolean {
  return (
    doc.reversesId === null &&
    doc.reversedById === null &&
    doc.kind !== 'orderIssue' &&
    doc.kind !== 'orderReturn' &&
    doc.kind !== 'costAdjustment'
  );
}

function LinesTable({ doc }: { doc: StockDocument }) {
  const { t } = useTranslation();
  const isCount = doc.kind === 'count' && doc.reversesId === null;
  const movesCost = doc.kind === 'receipt' || doc.kind === 'costAdjustment';
  const columns: TableColumnsType<Line> = [
    { title: '#', dataIndex: 'lineNo', width: 44 },
    { title: t('stock.parts.code'), dataIndex: 'partCode', width: 130 },
    {
      title: t('stock.parts.name'),
      dataIndex: 'partName',
      render: (_, l) => (
        <Flex vertical>
          <span>{l.partName}</span>
          {l.partSpec && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {l.partSpec}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('stock.parts.unit'), dataIndex: 'unit', width: 60 },
    ...(isCount
      ? [
          {
            title: t('stock.lines.counted'),
            dataIndex: 'countedQty',
            width: 90,
            align: 'right' as const,
            render: (_: unknown, l: Line) => l.countedQty ?? t('common.none'),
          },
        ]
      : []),
    {
      title: isCount ? t('stock.lines.difference') : t('stock.lines.qty'),
      dataIndex: 'qty',
      width: 90,
      align: 'right',
      render: (_, l) => <SignedQty qty={l.qty} />,
    },
    {
      title: t('stock.lines.unitCost'),
      dataIndex: 'unitCost',
      width: 110,
      align: 'right',
      render: (_, l) => formatYuan(l.unitCost),
    },
    {
      title: t('stock.lines.amount'),
      key: 'amount',
      width: 120,
      align: 'right',
      render: (_, l) => formatYuan(l.qty * l.unitCost),
    },
    ...(movesCost
      ? [
          {
            title: t('stock.lines.costChange'),
            key: 'cost',
            width: 170,
            align: 'right' as const,
            render: (_: unknown, l: Line) => `${formatYuan(l.costBefore)} → ${formatYuan(l.costAfter)}`,
          },
        ]
      : []),
  ];
  const labelSpan = isCount ? 5 : 4;
  return (
    <Table<Line>
      rowKey="lineNo"
      size="small"
      data-testid="doc-detail-lines"
      columns={columns}
      dataSource={doc.lines}
      pagination={false}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={labelSpan}>
            <Typography.Text strong>{t('stock.lines.totals', { count: doc.lines.length })}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={labelSpan} align="right">
            <span data-testid="doc-detail-total-qty">
              <SignedQty qty={doc.totalQty} />
            </span>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={labelSpan + 1} />
          <Table.Summary.Cell index={labelSpan + 2} align="right">
            <Typography.Text strong data-testid="doc-detail-total-cost">
              {formatYuan(doc.totalCost)}
            </Typography.Text>
          </Table.Summary.Cell>
          {movesCost && <Table.Summary.Cell index={labelSpan + 3} />}
        </Table.Summary.Row>
      )}
    />
  );
}

/** One posted document: what it moved, who posted it, and its reversal link either way. */
export function StockDocumentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const canAdjust = useCan('stock.adjust');
  const doc = useStockDocument(id);
  const [reversing, setReversing] = useState(false);
  const justPosted = (location.state as { posted?: boolean } | null)?.posted === true;

  if (doc.isPending) return <Skeleton active />;
  if (doc.isError) {
    return (
      <Result
        status="warning"
        title={errorMessage(doc.error, t)}
        extra={<Link to="/stock/documents">{t('stock.documents.back')}</Link>}
      />
    );
  }
  const d = doc.data;
  const none = t('common.none');
  const items: DescriptionsProps['items'] = [
    { key: 'postedAt', label: t('stock.documents.postedAt'), children: formatMinute(d.postedAt) },
    {
      key: 'createdBy',
      label: t('stock.documents.createdBy'),
      children: d.createdByName ?? t('common.system'),
    },
    ...(d.supplierName !== null
      ? [{ key: 'supplier', label: t('stock.documents.supplier'), children: d.supplierName }]
      : []),
    ...(d.workOrderId && d.orderNo
      ? [
          {
            key: 'order',
            label: t('stock.documents.orderNo'),
            children: <Link to={`/work-orders/${d.workOrderId}`}>{d.orderNo}</Link>,
          },
        ]
      : []),
    ...(d.reversesId
      ? [
          {
            key: 'reverses',
            label: t('stock.documents.reverses'),
            children: (
              <Link to={`/stock/documents/${d.reversesId}`} data-testid="doc-reverses">
                {d.reversesDocNo ?? d.reversesId}
              </Link>
            ),
          },
        ]
      : []),
    ...(d.reversedById
      ? [
          {
            key: 'reversedBy',
            label: t('stock.documents.reversedBy'),
            children: (
              <Link to={`/stock/documents/${d.reversedById}`} data-testid="doc-reversed-by">
                {t('stock.documents.openReversal')}
              </Link>
            ),
          },
        ]
      : []),
    { key: 'reason', label: t('stock.documents.reason'), span: 'filled', children: d.reason || none },
  ];

  return (
    <Card
      data-testid="doc-detail"
      data-doc-no={d.docNo}
      title={
        <Flex gap="small" align="center" wrap>
          <Link to="/stock/documents" aria-label={t('stock.documents.back')}>
            <ArrowLeftOutlined />
          </Link>
          <span className="stock-doc-no" data-testid="doc-no">
            {d.docNo}
          </span>
          <KindTag kind={d.kind} reversal={d.reversesId !== null} />
          {d.reversedById && <Tag>{t('stock.documents.reversedTag')}</Tag>}
        </Flex>
      }
      extra={
        <Space>
          {canAdjust && reversible(d) && (
            <Button
              danger
              icon={<RollbackOutlined />}
              onClick={() => setReversing(true)}
              data-testid="doc-reverse"
            >
              {t('stock.documents.reverse')}
            </Button>
          )}
          <Button
            type={justPosted ? 'primary' : 'default'}
            icon={<PrinterOutlined />}
            href={`#/print/stockDocument/${d.id}`}
            data-testid="doc-print"
          >
            {t('stock.documents.print')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap="middle">
        {justPosted && (
          <Alert
            type="success"
            showIcon
            data-testid="doc-posted"
            title={t('stock.documents.postedBanner', {
              docNo: d.docNo,
              kind: d.reversesId
                ? t('stock.reversalOf', { kind: t(`stockDocuments.${d.kind}`) })
                : t(`stockDocuments.${d.kind}`),
            })}
          />
        )}
        <Descriptions size="small" column={3} items={items} />
        <LinesTable doc={d} />
      </Flex>
      {reversing && <ReverseModal doc={d} onClose={() => setReversing(false)} />}
    </Card>
  );
}
