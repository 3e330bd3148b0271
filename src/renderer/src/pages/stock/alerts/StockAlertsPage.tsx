import { useState } from 'react';
import { Alert, Button, Card, Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ShoppingCartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { StockAlert } from '@shared/schemas/stock';
import { useStockAlerts } from '../../../api/stock';
import { useCan } from '../../../api/session';
import type { ReceiptPrefill } from '../documents/NewDocumentPage';
import '../stock.css';
import { errorMessage } from '../../../i18n/errorMessage';

/** The supplier most of the chosen parts come from (their default supplier), or none. */
function usualSupplier(alerts: StockAlert[]): string | null {
  const counts = new Map<string, number>();
  for (const a of alerts) {
    if (a.defaultSupplierId) counts.set(a.defaultSupplierId, (counts.get(a.defaultSupplierId) ?? 0) + 1);
  }
  let best: string | null = null;
  let most = 0;
  for (const [id, n] of counts) {
    if (n > most) {
      best = id;
      most = n;
    }
  }
  return best;
}

/**
 * 库存预警: parts at or below their minimum, and parts open orders wait for (those first, with the
 * orders). The chosen lines open as a new receipt with the suggested quantities.
 */
export function StockAlertsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('stock.write');
  const alerts = useStockAlerts();
  const rows = alerts.data ?? [];
  const [picked, setPicked] = useState<string[] | null>(null);
  // Until the user picks, every line is chosen.
  const chosen = picked ?? rows.map((a) => a.partId);

  const reorder = () => {
    const lines = rows.filter((a) => chosen.includes(a.partId));
    const prefill: ReceiptPrefill = {
      supplierId: usualSupplier(lines),
      lines: lines.map((a) => ({ partId: a.partId, qty: a.suggestedQty })),
    };
    void navigate('/stock/documents/new/receipt', { state: { prefill } });
  };

  const columns: TableColumnsType<StockAlert> = [
    { title: t('stock.parts.code'), dataIndex: 'code', width: 130 },
    {
      title: t('stock.parts.name'),
      dataIndex: 'name',
      render: (_, a) => (
        <Flex vertical>
          <span>{a.name}</span>
          {a.spec && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.spec}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('stock.parts.location'), dataIndex: 'location', width: 90 },
    {
      title: t('stock.parts.onHand'),
      dataIndex: 'onHand',
      width: 80,
      align: 'right',
      render: (_, a) => (
        <Typography.Text type="danger" strong data-testid={`alert-onhand-${a.code}`}>
          {a.onHand}
        </Typography.Text>
      ),
    },
    { title: t('stock.parts.minStock'), dataIndex: 'minStock', width: 80, align: 'right' },
    {
      title: t('stock.alerts.waiting'),
      key: 'waiting',
      width: 240,
      render: (_, a) =>
        a.waitingQty > 0 ? (
          <Flex vertical gap={2}>
            <Typography.Text type="warning" strong>
              {t('stock.alerts.waitingQty', { qty: a.waitingQty, unit: a.unit })}
            </Typography.Text>
            <Flex gap={4} wrap>
              {a.waitingOrders.map((o) => (
                <Link key={o.id} to={`/work-orders/${o.id}`} data-testid={`alert-order-${o.orderNo}`}>
                  <Tag color="orange">{o.orderNo}</Tag>
                </Link>
              ))}
            </Flex>
          </Flex>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('stock.alerts.suggested'),
      dataIndex: 'suggestedQty',
      width: 100,
      align: 'right',
      render: (_, a) => (
        <Typography.Text strong data-testid={`alert-suggested-${a.code}`}>
          {a.suggestedQty} {a.unit}
        </Typography.Text>
      ),
    },
    {
      title: t('stock.parts.defaultSupplier'),
      dataIndex: 'supplierName',
      width: 150,
      render: (_, a) => a.supplierName ?? t('common.none'),
    },
  ];

  return (
    <Card
      title={
        <Space>
          {t('stock.alerts.title')}
          {rows.length > 0 && <Tag color="red">{rows.length}</Tag>}
        </Space>
      }
      extra={
        canWrite && (
          <Button
            type="primary"
            icon={<ShoppingCartOutlined />}
            disabled={chosen.length === 0}
            onClick={reorder}
            data-testid="alerts-reorder"
          >
            {t('stock.alerts.reorder', { count: chosen.length })}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('stock.alerts.hint')}</Typography.Paragraph>
      {alerts.error && (
        <Alert type="error" showIcon title={errorMessage(alerts.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Table<StockAlert>
        rowKey="partId"
        size="middle"
        data-testid="alerts-table"
        loading={alerts.isFetching && !alerts.data}
        dataSource={rows}
        columns={columns}
        rowSelection={
          canWrite ? { selectedRowKeys: chosen, onChange: (keys) => setPicked(keys.map(String)) } : undefined
        }
        onRow={(a) => ({
          'data-testid': `alert-row-${a.code}`,
          className: a.waitingQty > 0 ? 'stock-alert--waiting' : undefined,
        })}
        locale={{ emptyText: t('stock.alerts.empty') }}
        pagination={false}
      />
    </Card>
  );
}
