import { useState } from 'react';
import { Alert, Button, Flex, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { useDebounced } from '../../../api/search';
import { useValuation } from '../../../api/stock';
import { formatYuan } from '../../../lib/money';
import { ExportButton } from '../../../components/ExportButton';
import { SearchInput } from '../../../components/SearchInput';
import { SwitchFilter } from '../../../components/SwitchFilter';
import { FacetSelect } from '../parts/FacetSelect';
import { OnHand } from '../OnHand';
import { errorMessage } from '../../../i18n/errorMessage';

type Row = OutputOf<'stock.valuation'>['rows'][number];

/** 库存与估值: what is on the shelf and what it is worth at the moving-average cost. */
export function ValuationTab() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<string | undefined>();
  const [includeZero, setIncludeZero] = useState(false);
  const search = useDebounced(text.trim().slice(0, 60), 250);
  const valuation = useValuation({ search, ...(category ? { category } : {}), includeZero });
  const data = valuation.data;

  const columns: TableColumnsType<Row> = [
    { title: t('stock.parts.code'), dataIndex: 'code', width: 130 },
    { title: t('stock.parts.name'), dataIndex: 'name' },
    { title: t('stock.parts.spec'), dataIndex: 'spec', ellipsis: true },
    { title: t('stock.parts.category'), dataIndex: 'category', width: 100 },
    { title: t('stock.parts.location'), dataIndex: 'location', width: 90 },
    {
      title: t('stock.parts.onHand'),
      dataIndex: 'onHand',
      width: 80,
      align: 'right',
      render: (_, r) => (
        <OnHand onHand={r.onHand} minStock={r.minStock} testId={`valuation-onhand-${r.code}`} />
      ),
    },
    { title: t('stock.parts.unit'), dataIndex: 'unit', width: 60 },
    {
      title: t('stock.parts.costPrice'),
      dataIndex: 'costPrice',
      width: 100,
      align: 'right',
      render: (_, r) => formatYuan(r.costPrice),
    },
    {
      title: t('stock.reports.value'),
      dataIndex: 'value',
      width: 120,
      align: 'right',
      render: (_, r) => formatYuan(r.value),
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex gap="middle" wrap align="center" justify="space-between">
        <Flex gap="middle" wrap align="center">
          <SearchInput
            value={text}
            onChange={setText}
            placeholder={t('stock.parts.searchPlaceholder')}
            width={260}
            testId="valuation-search"
          />
          <FacetSelect facet="categories" value={category} onChange={setCategory} />
          <SwitchFilter
            checked={includeZero}
            onChange={setIncludeZero}
            label={t('stock.reports.includeZero')}
          />
        </Flex>
        <Space>
          <ExportButton request={() => ({ method: 'stock.exportOnHand' })} testId="valuation-export">
            {t('stock.export.onHand')}
          </ExportButton>
          <Button icon={<PrinterOutlined />} href="#/print/stockList/all" data-testid="valuation-print">
            {t('stock.reports.printList')}
          </Button>
        </Space>
      </Flex>
      {valuation.error && <Alert type="error" showIcon title={errorMessage(valuation.error, t)} />}
      <Table<Row>
        rowKey="partId"
        size="small"
        data-testid="valuation-table"
        loading={valuation.isFetching}
        dataSource={data?.rows}
        columns={columns}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        summary={() =>
          data ? (
            <Table.Summary fixed>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={5}>
                  <Typography.Text strong>
                    {t('stock.reports.totals', { count: data.rows.length })}
                  </Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  <Typography.Text strong data-testid="valuation-total-qty">
                    {data.totalQty}
                  </Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} colSpan={2} />
                <Table.Summary.Cell index={8} align="right">
                  <Typography.Text strong data-testid="valuation-total-value">
                    {formatYuan(data.totalValue)}
                  </Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
      <Typography.Text type="secondary">{t('stock.reports.exportNote')}</Typography.Text>
    </Flex>
  );
}
