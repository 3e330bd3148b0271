import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DeleteOutlined, EditOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ChargeLine } from '@shared/schemas/charges';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { useRemoveCharge } from '../../api/settlements';
import { formatMinute } from '../../lib/format';
import { FormModal } from '../../components/FormModal';
import { formatYuan } from '../../lib/money';
import { CoveredTag } from '../settlements/SettlementTags';
import { ChargeModal } from './ChargeModal';
import { errorMessage } from '../../i18n/errorMessage';

/** What the customer pays for a line: nothing when the warranty covers it. */
function chargedOf(line: ChargeLine): number {
  return line.coveredByWarranty ? 0 : line.amount;
}

function RemoveChargeModal({ line, onClose }: { line: ChargeLine; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<object>();
  const remove = useRemoveCharge();
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal<object>
      title={t('settlements.charges.removeTitle', { name: line.name })}
      testId="wo-charge-remove"
      name="removeCharge"
      form={form}
      pending={remove.isPending}
      error={error}
      submitText={t('settlements.charges.removeSubmit')}
      onFinish={() =>
        remove.mutate(
          { lineId: line.id },
          {
            onSuccess: () => {
              void message.success(t('settlements.charges.removed', { name: line.name }));
              onClose();
            },
            onError: (e) => setError(errorMessage(e, t)),
          },
        )
      }
      onClose={onClose}
    >
      <Typography.Paragraph>
        {line.name} · {formatYuan(line.amount)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('settlements.charges.removeConfirm')}</Typography.Paragraph>
    </FormModal>
  );
}

type Dialog = { kind: 'add' } | { kind: 'edit' | 'remove'; line: ChargeLine } | null;

/**
 * 工时与费用: the labor and fee lines of the order, each from a service item. While a settlement
 * stands the lines are locked (the settlement copied them); voiding it frees them again.
 */
export function OrderCharges({ order, canEdit }: { order: WorkOrderDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const locked = order.settlement?.status === 'active';
  const editable = canEdit && !locked;
  const total = order.charges.reduce((sum, l) => sum + chargedOf(l), 0);
  const none = t('common.none');

  const columns: TableColumnsType<ChargeLine> = [
    {
      title: t('settlements.charges.item'),
      key: 'item',
      render: (_, l) => (
        <Flex vertical>
          <Space size={6} wrap>
            <Typography.Text strong>{l.itemCode}</Typography.Text>
            <span>{l.name}</span>
            <Tag color={l.kind === 'labor' ? 'blue' : 'purple'}>{t(`lineKinds.${l.kind}`)}</Tag>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.addedBy ?? t('common.system')} · {formatMinute(l.addedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('settlements.charges.technician'),
      dataIndex: 'technicianName',
      width: 110,
      render: (_, l) =>
        l.kind === 'labor' ? (l.technicianName ?? t('settlements.charges.unassigned')) : none,
    },
    {
      title: t('settlements.charges.hours'),
      dataIndex: 'hours',
      width: 80,
      align: 'right',
      render: (_, l) =>
        l.kind === 'labor' ? (
          <span data-testid="wo-charge-hours-shown">
            {t('settlements.charges.hoursValue', { hours: l.hours })}
          </span>
        ) : (
          none
        ),
    },
    {
      title: t('settlements.charges.amount'),
      key: 'amount',
      width: 120,
      align: 'right',
      render: (_, l) => (
        <Flex vertical align="end" gap={2}>
          {l.coveredByWarranty && (
            <Typography.Text delete type="secondary">
              {formatYuan(l.amount)}
            </Typography.Text>
          )}
          <span data-testid="wo-charge-amount-shown">{formatYuan(chargedOf(l))}</span>
          {l.coveredByWarranty && <CoveredTag testId="wo-charge-covered" />}
        </Flex>
      ),
    },
    ...(editable
      ? [
          {
            title: t('settlements.charges.actions'),
            key: 'actions',
            width: 72,
            render: (_: unknown, l: ChargeLine) => (
              <Space size={0}>
                <Tooltip title={t('settlements.charges.edit')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('settlements.charges.edit')}
                    onClick={() => setDialog({ kind: 'edit', line: l })}
                    data-testid={`wo-charge-edit-${l.itemCode}`}
                  />
                </Tooltip>
                <Tooltip title={t('settlements.charges.remove')}>
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('settlements.charges.remove')}
                    onClick={() => setDialog({ kind: 'remove', line: l })}
                    data-testid={`wo-charge-remove-${l.itemCode}`}
                  />
                </Tooltip>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap="small" data-testid="wo-charges">
      {locked && order.settlement && (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined />}
          data-testid="wo-charges-locked"
          title={t('settlements.charges.locked', { no: order.settlement.settlementNo })}
        />
      )}
      <Table<ChargeLine>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={order.charges}
        columns={columns}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('settlements.charges.empty') }}
        onRow={(l) => ({ className: 'wo-charge-row', 'data-testid': `wo-charge-row-${l.itemCode}` })}
        data-testid="wo-charges-table"
      />
      <Flex justify="space-between" align="center" wrap gap="small">
        {editable ? (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'add' })}
            data-testid="wo-charge-add"
          >
            {t('settlements.charges.add')}
          </Button>
        ) : (
          <span />
        )}
        {order.charges.length > 0 && (
          <span>
            {t('settlements.charges.total')}{' '}
            <Typography.Text strong data-testid="wo-charges-total">
              {formatYuan(total)}
            </Typography.Text>
          </span>
        )}
      </Flex>
      {dialog?.kind === 'add' && <ChargeModal order={order} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <ChargeModal order={order} line={dialog.line} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'remove' && <RemoveChargeModal line={dialog.line} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
