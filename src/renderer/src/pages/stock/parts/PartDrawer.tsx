import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Flex, Tag, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMovements, usePart, useSuppliers } from '../../../api/stock';
import { useCan } from '../../../api/session';
import { formatMinute } from '../../../lib/format';
import { formatYuan } from '../../../lib/money';
import { usePaging } from '../../../components/paging';
import { MovementsTable } from '../MovementsTable';
import { OnHand } from '../OnHand';
import { AdjustCostModal } from './AdjustCostModal';
import { errorMessage } from '../../../i18n/errorMessage';

/** One part: its catalog fields and its ledger (库存流水), newest first. */
export function PartDrawer({ partId, onClose }: { partId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const part = usePart(partId);
  const suppliers = useSuppliers(true);
  const paging = usePaging();
  const canAdjust = useCan('stock.adjust');
  const [adjusting, setAdjusting] = useState(false);
  const ledger = useMovements({ partId, page: paging.page, pageSize: paging.pageSize });
  const none = t('common.none');
  const p = part.data;

  const supplierName = (id: string | null) => (id && suppliers.data?.find((s) => s.id === id)?.name) || none;

  const items: DescriptionsProps['items'] = p
    ? [
        { key: 'code', label: t('stock.parts.code'), children: p.code },
        { key: 'name', label: t('stock.parts.name'), children: p.name },
        { key: 'spec', label: t('stock.parts.spec'), children: p.spec || none },
        { key: 'barcode', label: t('stock.parts.barcode'), children: p.barcode || none },
        { key: 'category', label: t('stock.parts.category'), children: p.category || none },
        { key: 'location', label: t('stock.parts.location'), children: p.location || none },
        {
          key: 'onHand',
          label: t('stock.parts.onHand'),
          children: (
            <span>
              <OnHand onHand={p.onHand} minStock={p.minStock} testId="part-detail-onhand" /> {p.unit}
            </span>
          ),
        },
        { key: 'minStock', label: t('stock.parts.minStock'), children: p.minStock },
        {
          key: 'cost',
          label: t('stock.parts.costPrice'),
          children: (
            <Flex gap="small" align="center" wrap>
              <span data-testid="part-detail-cost">{formatYuan(p.costPrice)}</span>
              {canAdjust && p.archivedAt === null && (
                <Button size="small" onClick={() => setAdjusting(true)} data-testid="part-cost-adjust-open">
                  {t('stock.parts.adjustCost')}
                </Button>
              )}
            </Flex>
          ),
        },
        { key: 'sale', label: t('stock.parts.salePrice'), children: formatYuan(p.salePrice) },
        {
          key: 'supplier',
          label: t('stock.parts.defaultSupplier'),
          children: supplierName(p.defaultSupplierId),
        },
        { key: 'updated', label: t('stock.parts.updatedAt'), children: formatMinute(p.updatedAt) },
        {
          key: 'models',
          label: t('stock.parts.compatibleModels'),
          span: 'filled',
          children: p.compatibleModels || none,
        },
      ]
    : [];

  return (
    <Drawer
      open
      size={960}
      onClose={onClose}
      destroyOnHidden
      title={
        p ? (
          <Flex gap="small" align="center">
            <span data-testid="part-detail-code">{p.code}</span>
            <span>{p.name}</span>
            {p.archivedAt !== null && <Tag>{t('stock.common.archived')}</Tag>}
          </Flex>
        ) : (
          t('stock.parts.detail')
        )
      }
    >
      {part.error && <Alert type="error" showIcon title={errorMessage(part.error, t)} />}
      {p && (
        <Flex vertical gap="middle" data-testid="part-detail">
          <Descriptions size="small" bordered column={2} items={items} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('stock.parts.ledger')}
          </Typography.Title>
          <MovementsTable
            rows={ledger.data?.rows}
            total={ledger.data?.total}
            loading={ledger.isFetching}
            paging={paging}
            showPart={false}
            testId="part-ledger"
          />
        </Flex>
      )}
      {adjusting && p && <AdjustCostModal part={p} onClose={() => setAdjusting(false)} />}
    </Drawer>
  );
}
