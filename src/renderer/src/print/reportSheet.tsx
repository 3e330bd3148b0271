import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodInput } from '@shared/schemas/reports';
import type { SettingsView } from '@shared/schemas/settings';
import { formatMinute } from '../lib/format';
import type { PrintLabels } from './labels';
import { ShopHeader } from './parts';
import { ReprintMark } from './reprint';
import './reportSheet.css';

/** The head every printed report carries: the shop, the title, the period and when it was printed. */
export function ReportHead({
  title,
  period,
  settings,
  labels,
  printedAt,
}: {
  title: string;
  period: PeriodInput;
  settings: SettingsView;
  labels: PrintLabels;
  printedAt: number;
}) {
  const { t } = useTranslation();
  return (
    <header className="pf-head pf-flow__head">
      <ShopHeader shop={settings.shop} labels={labels} />
      <div className="pf-head__title">
        <div className="pf-title" data-testid="print-report-title">
          {title}
        </div>
        <ReprintMark />
      </div>
      <div className="pf-flow__meta">
        <div data-testid="print-report-period">
          {t('reports.sheet.period')} {t('reports.period.range', { from: period.from, to: period.to })}
        </div>
        <div>
          {t('reports.sheet.printedAt')} {formatMinute(printedAt)}
        </div>
      </div>
    </header>
  );
}

/** A titled block that is kept whole on one page when it fits. */
export function ReportBlock({
  title,
  children,
  keep = true,
}: {
  title: string;
  children: ReactNode;
  keep?: boolean;
}) {
  return (
    <section className={keep ? 'pf-rep-block pf-rep-block--keep' : 'pf-rep-block'}>
      <h2 className="pf-rep-block__title">{title}</h2>
      {children}
    </section>
  );
}

export interface Column<T> {
  title: string;
  value: (row: T, index: number) => ReactNode;
  num?: boolean;
  width?: string;
}

/** A ruled table: the header repeats on every page and a row never splits. */
export function ReportTable<T>({
  columns,
  rows,
  rowKey,
  total,
  testId,
}: {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
  /** The closing row, cells in column order. */
  total?: ReactNode[];
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <table className="pf-rep-table" data-testid={testId}>
      <colgroup>
        {columns.map((c) => (
          <col key={c.title} style={c.width ? { width: c.width } : undefined} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.title} className={c.num ? 'pf-num' : undefined}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="pf-center">
              {t('reports.none')}
            </td>
          </tr>
        ) : null}
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)}>
            {columns.map((c) => (
              <td key={c.title} className={c.num ? 'pf-num' : undefined}>
                {c.value(row, i)}
              </td>
            ))}
          </tr>
        ))}
        {total ? (
          <tr className="pf-rep-table__total">
            {total.map((cell, i) => (
              // The total row's cells line up with the columns; their order never changes.
              <td key={i} className={columns[i]?.num ? 'pf-num' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

/** Key figures as a grid of labelled values. */
export function KeyFigures({ items }: { items: { key: string; label: string; value: string | number }[] }) {
  return (
    <div className="pf-rep-figures">
      {items.map((item) => (
        <div key={item.key} className="pf-rep-figure">
          <div className="pf-rep-figure__label">{item.label}</div>
          <div className="pf-rep-figure__value" data-testid={`print-fig-${item.key}`}>
            {item.value}
          </div>
        </div>
      ))}
    </div>
  );
}

/** A flowing report's @page rule: A4, margins on every page, the page number at the foot. */
export function reportPageRule(labels: PrintLabels, orientation: 'portrait' | 'landscape'): string {
  const { before, between, after } = labels.stock.pageCounter;
  const q = (text: string) => JSON.stringify(text);
  const counter = `${q(before)} counter(page) ${q(between)} counter(pages) ${q(after)}`;
  return `@page { size: A4 ${orientation}; margin: 12mm 10mm 14mm; @bottom-center { content: ${counter}; font-size: 8pt; } }`;
}
