import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DayReport } from '../../../api/settlements';
import { formatMinute } from '../../../lib/format';
import { formatYuan } from '../../../lib/money';

type VoidRow = DayReport['voids'][number];

/** The settlements voided that day: when, which, the total that no longer counts, why, by whom. */
export function DayVoids({ rows }: { rows: VoidRow[] }) {
  const { t } = useTranslation();
  return (
    <Table<VoidRow>
      rowKey={(r) => r.settlementNo}
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('settlements.dayClose.none') }}
      data-testid="day-voids"
      columns={[
        {
          title: t('settlements.dayClose.time'),
          dataIndex: 'at',
          width: 150,
          render: (_, r) => formatMinute(r.at),
        },
        {
          title: t('settlements.dayClose.settlement'),
          dataIndex: 'settlementNo',
          width: 200,
          render: (_, r) => <span className="settlement-no">{r.settlementNo}</span>,
        },
        { title: t('settlements.dayClose.order'), dataIndex: 'orderNo', width: 190 },
        {
          title: t('settlements.dayClose.total'),
          dataIndex: 'total',
          width: 120,
          align: 'right',
          render: (_, r) => formatYuan(r.total),
        },
        { title: t('settlements.dayClose.reason'), dataIndex: 'reason', ellipsis: true },
        {
          title: t('settlements.dayClose.by'),
          dataIndex: 'by',
          width: 100,
          render: (_, r) => r.by ?? t('common.none'),
        },
      ]}
    />
  );
}
