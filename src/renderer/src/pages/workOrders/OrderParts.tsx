import { useState } from 'react';
import { Button, Flex, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrderPartLine } from '@shared/schemas/orderParts';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { formatMinute } from '../../lib/format';
import { formatYuan } from '../../lib/money';
import { AddPartModal } from './AddPartModal';
import { EditPartModal } from './EditPartModal';
import { RemovePartModal } from './RemovePartModal';

/** What the customer pays for a line: nothing when the warranty covers it. */
function chargedOf(line: OrderPartLine): number {
  return line.coveredByWarranty ? 0 : line.qty * line.unitPrice;
}

/** The order's parts in three figures: charged to the customer, their cost, and the covered lines' cost. */
function partTotals(lines: readonly OrderPartLine[]) {
  return lines.reduce(
    (sum, l) => ({
      charged: sum.charged + chargedOf(l),
      cost: sum.cost + l.qty * l.unitCost,
      claim: sum.claim + (l.coveredByWarranty ? l.qty * l.unitCost : 0),
    }),
    { charged: 0, cost: 0, claim: 0 },
  );
}

type Dialog = { kind: 'add' } | { kind: 'edit' | 'remove'; line: OrderPartLine } | null;

/**
 * 配件: the parts the job used, each off the shelf through its issue document. A line under warranty
 * is charged at zero (the price struck through), its cost kept for the warranty claim.
 */
export function OrderParts({ order, canEdit }: { order: WorkOrderDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const totals = partTotals(order.parts);

  const columns: TableColumnsType<OrderPartLine> = [
    {
      title: t('orderParts.part'),
      key: 'part',
      render: (_, l) => (
        <Flex vertical>
          <Space size={6} wrap>
            <Typography.Text strong>{l.partCode}</Typography.Text>
            <span>{l.partName}</span>
          </Space>
          {l.partSpec && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {l.partSpec}
            </Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <span data-testid="wo-part-doc">{l.issueDocNo}</span> · {l.addedBy ?? t('common.system')} ·{' '}
            {formatMinute(l.addedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('orderParts.qty'),
      dataIndex: 'qty',
      width: 64,
      align: 'right',
      render: (_, l) => (
        <span data-testid="wo-part-qty">
          {l.qty} {l.unit}
        </span>
      ),
    },
    {
      title: t('orderParts.unitPrice'),
      dataIndex: 'unitPrice',
      width: 92,
      align: 'right',
      render: (_, l) =>
        l.coveredByWarranty ? (
          <Typography.Text delete type="secondary">
            {formatYuan(l.unitPrice)}
          </Typography.Text>
        ) : (
          formatYuan(l.unitPrice)
        ),
    },
    {
      title: t('orderParts.amount'),
      key: 'amount',
      width: 100,
      align: 'right',
      render: (_, l) => (
        <Flex vertical align="end" gap={2}>
          <span data-testid="wo-part-amount">{formatYuan(chargedOf(l))}</span>
          {l.coveredByWarranty && (
            <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="wo-part-covered">
              {t('orderParts.coveredTag')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: t('orderParts.oldPart'),
      key: 'old',
      width: 120,
      render: (_, l) =>
        l.oldPartSerial || l.oldPartRma ? (
          <Flex vertical align="start" gap={2} data-testid="wo-part-old">
            {l.oldPartSerial && <span>{l.oldPartSerial}</span>}
            {l.oldPartRma && <Tag color="purple">{t('orderParts.rmaTag')}</Tag>}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    ...(canEdit
      ? [
          {
            title: t('orderParts.actions'),
            key: 'actions',
            width: 72,
            render: (_: unknown, l: OrderPartLine) => (
              <Space size={0}>
                <Tooltip title={t('orderParts.edit')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('orderParts.edit')}
                    onClick={() => setDialog({ kind: 'edit', line: l })}
                    data-testid={`wo-part-edit-${l.partCode}`}
                  />
                </Tooltip>
                <Tooltip title={t('orderParts.remove')}>
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('orderParts.remove')}
                    onClick={() => setDialog({ kind: 'remove', line: l })}
                    data-testid={`wo-part-remove-${l.partCode}`}
                  />
                </Tooltip>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap="small" data-testid="wo-parts">
      <Table<OrderPartLine>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={order.parts}
        columns={columns}
        scroll={{ x: 620 }}
        locale={{ emptyText: t('orderParts.empty') }}
        onRow={(l) => ({ className: 'wo-part-row', 'data-testid': `wo-part-row-${l.partCode}` })}
        data-testid="wo-parts-table"
      />
      <Flex justify="space-between" align="center" wrap gap="small">
        {canEdit ? (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'add' })}
            data-testid="wo-part-add"
          >
            {t('orderParts.add')}
          </Button>
        ) : (
          <span />
        )}
        {order.parts.length > 0 && (
          <Space size="middle" wrap data-testid="wo-parts-totals">
            <span>
              {t('orderParts.totalCharged')}{' '}
              <Typography.Text strong data-testid="wo-parts-charged">
                {formatYuan(totals.charged)}
              </Typography.Text>
            </span>
            <Typography.Text type="secondary">
              {t('orderParts.totalCost')} <span data-testid="wo-parts-cost">{formatYuan(totals.cost)}</span>
            </Typography.Text>
            {totals.claim > 0 && (
              <Typography.Text type="secondary">
                {t('orderParts.totalClaim')} {formatYuan(totals.claim)}
              </Typography.Text>
            )}
          </Space>
        )}
      </Flex>
      {dialog?.kind === 'add' && <AddPartModal order={order} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditPartModal line={dialog.line} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'remove' && <RemovePartModal line={dialog.line} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
