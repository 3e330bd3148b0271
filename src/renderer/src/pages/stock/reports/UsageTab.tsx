import { useState } from 'react';
import { Alert, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { useUsage } from '../../../api/stock';
import { formatYuan } from '../../../lib/money';
import { DayRangePicker } from '../DayRangePicker';
import { lastDays, periodOf, type DayRange } from '../periods';
import { errorMessage } from '../../../i18n/errorMessage';

type Row = OutputOf<'stock.usage'>[number];

/** 常用配件: what work orders used most in a period (issued minus returned). */
export function UsageTab() {
  const { t } = useTranslation();
  const [range, setRange] = useState<DayRange>(() => lastDays(30));
  const usage = useUsage({ ...periodOf(range), limit: 50 });

  const columns: TableColumnsType<Row> = [
    { title: t('stock.reports.rank'), key: 'rank', width: 60, render: (_, __, i) => i + 1 },
    { title: t('stock.parts.code'), dataIndex: 'code', width: 140 },
    { title: t('stock.parts.name'), dataIndex: 'name' },
    {
      title: t('stock.reports.usedQty'),
      dataIndex: 'qty',
      width: 110,
      align: 'right',
      render: (_, r) => (
        <span data-testid={`usage-qty-${r.code}`}>
          {r.qty} {r.unit}
        </span>
      ),
    },
    { title: t('stock.reports.orders'), dataIndex: 'orders', width: 100, align: 'right' },
    {
      title: t('stock.reports.costValue'),
      dataIndex: 'costValue',
      width: 130,
      align: 'right',
      render: (_, r) => formatYuan(r.costValue),
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex gap="middle" align="center" wrap>
        <DayRangePicker value={range} onChange={setRange} testId="usage-range" />
        <Typography.Text type="secondary">{t('stock.reports.usageHint')}</Typography.Text>
      </Flex>
      {usage.error && <Alert type="error" showIcon title={errorMessage(usage.error, t)} />}
      <Table<Row>
        rowKey="partId"
        size="small"
        data-testid="usage-table"
        loading={usage.isFetching}
        dataSource={usage.data}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('stock.reports.usageEmpty') }}
      />
    </Flex>
  );
}
