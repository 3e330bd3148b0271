import { Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { lineCover, type SettlementLine } from '@shared/schemas/settlements';
import { formatYuan } from '../../lib/money';
import { ContractTag, CoveredTag } from './SettlementTags';

/**
 * The settlement's lines: labor, parts, then fees. A warranty or contract line is charged ¥0.00, its
 * list amount struck through beside the 保修 or 合同 tag, so the customer sees what was paid for.
 */
export function SettlementLines({ lines }: { lines: SettlementLine[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<SettlementLine> = [
    { title: t('settlements.lines.no'), dataIndex: 'lineNo', width: 56, align: 'center' },
    {
      title: t('settlements.lines.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (_, l) => t(`lineKinds.${l.kind}`),
    },
    {
      title: t('settlements.lines.item'),
      key: 'item',
      render: (_, l) => (
        <Flex vertical>
          <span>
            <Typography.Text type="secondary">{l.code}</Typography.Text> {l.name}
          </span>
          {l.detail && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {l.detail}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('settlements.lines.qty'), dataIndex: 'qty', width: 64, align: 'right' },
    {
      title: t('settlements.lines.unitPrice'),
      dataIndex: 'unitPrice',
      width: 110,
      align: 'right',
      render: (_, l) => formatYuan(l.unitPrice),
    },
    {
      title: t('settlements.lines.amount'),
      key: 'amount',
      width: 150,
      align: 'right',
      render: (_, l) =>
        lineCover(l) ? (
          <Flex gap={6} justify="end" align="center" wrap>
            <Typography.Text delete type="secondary" data-testid="settlement-line-list">
              {formatYuan(l.listAmount)}
            </Typography.Text>
            <span data-testid="settlement-line-amount">{formatYuan(l.amount)}</span>
            {lineCover(l) === 'warranty' ? <CoveredTag testId="settlement-line-covered" /> : <ContractTag />}
          </Flex>
        ) : (
          <span data-testid="settlement-line-amount">{formatYuan(l.amount)}</span>
        ),
    },
  ];
  return (
    <Table<SettlementLine>
      rowKey="lineNo"
      size="small"
      pagination={false}
      dataSource={lines}
      columns={columns}
      scroll={{ x: 640 }}
      locale={{ emptyText: t('settlements.lines.empty') }}
      onRow={(l) => ({
        className: 'settlement-line',
        'data-testid': `settlement-line-${l.code}`,
        'data-kind': l.kind,
      })}
      data-testid="settlement-lines"
    />
  );
}
