import { useState } from 'react';
import { Alert, Flex, Statistic, type StatisticProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StockDocumentKind } from '@shared/schemas/stock';
import { useMovements } from '../../../api/stock';
import { ExportButton } from '../../../components/ExportButton';
import { usePaging } from '../../../components/paging';
import { DayRangePicker } from '../DayRangePicker';
import { KindSelect } from '../documents/KindSelect';
import { MovementsTable } from '../MovementsTable';
import { periodOf, thisMonth, type DayRange } from '../periods';
import { errorMessage } from '../../../i18n/errorMessage';

const IN_STYLE: StatisticProps['styles'] = { content: { color: '#389e0d' } };
const OUT_STYLE: StatisticProps['styles'] = { content: { color: '#cf1322' } };

/** 出入库明细: every movement of a period, optionally of one kind, with the totals in and out. */
export function MovementsTab() {
  const { t } = useTranslation();
  const [range, setRange] = useState<DayRange>(thisMonth);
  const [kind, setKind] = useState<StockDocumentKind | undefined>();
  const paging = usePaging(50);
  const period = periodOf(range);
  const movements = useMovements({
    ...period,
    ...(kind ? { kind } : {}),
    page: paging.page,
    pageSize: paging.pageSize,
  });
  const data = movements.data;

  return (
    <Flex vertical gap="middle">
      <Flex gap="middle" wrap align="center" justify="space-between">
        <Flex gap="middle" wrap align="center">
          <DayRangePicker value={range} onChange={paging.withRestart(setRange)} testId="movements-range" />
          <KindSelect value={kind} onChange={paging.withRestart(setKind)} testId="movements-kind" />
        </Flex>
        <ExportButton
          request={() => ({ method: 'stock.exportMovements', ...periodOf(range) })}
          testId="movements-export"
        >
          {t('stock.export.movements')}
        </ExportButton>
      </Flex>
      <Flex gap={48}>
        <Statistic
          title={t('stock.reports.qtyIn')}
          value={data?.qtyIn ?? 0}
          styles={IN_STYLE}
          data-testid="movements-in"
        />
        <Statistic
          title={t('stock.reports.qtyOut')}
          value={Math.abs(data?.qtyOut ?? 0)}
          styles={OUT_STYLE}
          data-testid="movements-out"
        />
        <Statistic title={t('stock.reports.movementCount')} value={data?.total ?? 0} />
      </Flex>
      {movements.error && <Alert type="error" showIcon title={errorMessage(movements.error, t)} />}
      <MovementsTable
        rows={data?.rows}
        total={data?.total}
        loading={movements.isFetching}
        paging={paging}
        showPart
        testId="movements-table"
      />
    </Flex>
  );
}
