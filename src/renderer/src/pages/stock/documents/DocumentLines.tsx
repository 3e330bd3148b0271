import type { ReactNode } from 'react';
import { Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatYuan, yuanToFen } from '../../../lib/money';
import { NumberInput } from '../../../components/NumberInput';
import { YuanInput } from '../../../components/YuanInput';
import { SignedQty } from '../MovementsTable';
import '../stock.css';
import type { LineError } from '../stockErrors';
import { lineChange, wholeOf, type DraftLine, type ManualKind } from './draft';

interface DocumentLinesProps {
  kind: ManualKind;
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  /** A message per part id, from the last check or the server's refusal, shown under its figure. */
  errors: ReadonlyMap<string, LineError>;
}

function amountOf(line: DraftLine): number {
  return (wholeOf(line.qty) ?? 0) * (yuanToFen(line.unitCost) ?? 0);
}

/** The lines of a new document: one row per part, the figures typed in place, problems on the row. */
export function DocumentLines({ kind, lines, onChange, errors }: DocumentLinesProps) {
  const { t } = useTranslation();
  const patch = (partId: string, change: Partial<DraftLine>) =>
    onChange(lines.map((l) => (l.part.id === partId ? { ...l, ...change } : l)));
  const remove = (partId: string) => onChange(lines.filter((l) => l.part.id !== partId));

  const withError = (line: DraftLine, on: LineError['on'], input: ReactNode) => {
    const error = errors.get(line.part.id);
    if (error?.on !== on) return input;
    return (
      <Flex vertical gap={2}>
        {input}
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`line-error-${line.part.code}`}>
          {error.text}
        </Typography.Text>
      </Flex>
    );
  };
  const status = (line: DraftLine, on: LineError['on']) =>
    errors.get(line.part.id)?.on === on ? ('error' as const) : undefined;

  const qtyInput = (line: DraftLine) =>
    withError(
      line,
      'qty',
      <NumberInput
        value={line.qty}
        status={status(line, 'qty')}
        onChange={(e) => patch(line.part.id, { qty: e.target.value })}
        aria-label={`${t('stock.lines.qty')} ${line.part.code}`}
        style={{ width: '100%' }}
        data-testid={`line-qty-${line.part.code}`}
      />,
    );

  const columns: TableColumnsType<DraftLine> = [
    { title: '#', key: 'no', width: 44, render: (_, __, i) => i + 1 },
    {
      title: t('stock.parts.code'),
      key: 'code',
      width: 130,
      render: (_, l) => <Typography.Text strong>{l.part.code}</Typography.Text>,
    },
    {
      title: t('stock.parts.name'),
      key: 'name',
      render: (_, l) => (
        <Flex vertical>
          <span>{l.part.name}</span>
          {l.part.spec && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {l.part.spec}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('stock.parts.location'), key: 'location', width: 80, render: (_, l) => l.part.location },
    {
      title: t('stock.lines.onHand'),
      key: 'onHand',
      width: 80,
      align: 'right',
      render: (_, l) => (
        <span data-testid={`line-onhand-${l.part.code}`}>
          {l.part.onHand} {l.part.unit}
        </span>
      ),
    },
  ];

  if (kind === 'count') {
    columns.push(
      {
        title: t('stock.lines.counted'),
        key: 'counted',
        width: 140,
        render: (_, l) =>
          withError(
            l,
            'qty',
            <NumberInput
              value={l.countedQty}
              status={status(l, 'qty')}
              onChange={(e) => patch(l.part.id, { countedQty: e.target.value })}
              aria-label={`${t('stock.lines.counted')} ${l.part.code}`}
              style={{ width: '100%' }}
              data-testid={`line-counted-${l.part.code}`}
            />,
          ),
      },
      {
        title: t('stock.lines.difference'),
        key: 'difference',
        width: 90,
        align: 'right',
        render: (_, l) => {
          const change = lineChange(kind, l);
          return (
            <span data-testid={`line-diff-${l.part.code}`}>
              {change === null ? t('common.none') : change === 0 ? 0 : <SignedQty qty={change} />}
            </span>
          );
        },
      },
    );
  } else {
    columns.push({
      title: kind === 'adjustment' ? t('stock.lines.signedQty') : t('stock.lines.qty'),
      key: 'qty',
      width: 140,
      render: (_, l) => qtyInput(l),
    });
  }
  if (kind === 'receipt') {
    columns.push(
      {
        title: t('stock.lines.unitCost'),
        key: 'unitCost',
        width: 150,
        render: (_, l) =>
          withError(
            l,
            'unitCost',
            <YuanInput
              value={l.unitCost}
              status={status(l, 'unitCost')}
              onChange={(e) => patch(l.part.id, { unitCost: e.target.value })}
              aria-label={`${t('stock.lines.unitCost')} ${l.part.code}`}
              data-testid={`line-cost-${l.part.code}`}
            />,
          ),
      },
      {
        title: t('stock.lines.amount'),
        key: 'amount',
        width: 120,
        align: 'right',
        render: (_, l) => formatYuan(amountOf(l)),
      },
    );
  }
  if (kind === 'adjustment') {
    columns.push({
      title: t('stock.lines.after'),
      key: 'after',
      width: 90,
      align: 'right',
      render: (_, l) => {
        const qty = wholeOf(l.qty);
        return qty === null ? t('common.none') : l.part.onHand + qty;
      },
    });
  }
  columns.push({
    title: '',
    key: 'remove',
    width: 48,
    render: (_, l) => (
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('stock.lines.remove')}
        onClick={() => remove(l.part.id)}
        data-testid={`line-remove-${l.part.code}`}
      />
    ),
  });

  const totalQty = lines.reduce((sum, l) => sum + (lineChange(kind, l) ?? 0), 0);
  const totalAmount = lines.reduce((sum, l) => sum + amountOf(l), 0);
  const labelSpan = 5;
  return (
    <Table<DraftLine>
      rowKey={(l) => l.part.id}
      size="small"
      data-testid="doc-lines"
      columns={columns}
      dataSource={lines}
      pagination={false}
      locale={{ emptyText: t('stock.lines.empty') }}
      onRow={(l) => ({
        'data-testid': `line-${l.part.code}`,
        className: errors.has(l.part.id) ? 'stock-line--error' : undefined,
      })}
      summary={() =>
        lines.length > 0 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={labelSpan}>
              <Typography.Text strong>{t('stock.lines.totals', { count: lines.length })}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={labelSpan} colSpan={kind === 'count' ? 2 : 1} align="right">
              <span data-testid="doc-total-qty">
                <SignedQty qty={totalQty} />
              </span>
            </Table.Summary.Cell>
            {kind === 'receipt' && (
              <>
                <Table.Summary.Cell index={labelSpan + 1} />
                <Table.Summary.Cell index={labelSpan + 2} align="right">
                  <Typography.Text strong data-testid="doc-total-amount">
                    {formatYuan(totalAmount)}
                  </Typography.Text>
                </Table.Summary.Cell>
              </>
            )}
            <Table.Summary.Cell index={columns.length - 1} colSpan={kind === 'adjustment' ? 2 : 1} />
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
