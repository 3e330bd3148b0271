import type { SettingsView } from '@shared/schemas/settings';
import type { Valuation } from '@shared/schemas/stock';
import { formatMinute } from '../lib/format';
import { formatYuan } from '../lib/money';
import type { PrintLabels } from './labels';
import { ShopHeader } from './parts';
import { ReprintMark } from './reprint';
import './stockTable.css';
import './stockList.css';

interface StockListFormProps {
  valuation: Valuation;
  settings: SettingsView;
  labels: PrintLabels;
  printedAt: number;
}

/**
 * 库存清单: the valued stock list as one flowing table on A4. The header row repeats on every page
 * (thead), a row never splits across pages, the totals close the list; page numbers come from the
 * @page rule.
 */
export function StockListForm({ valuation, settings, labels, printedAt }: StockListFormProps) {
  const s = labels.stock;
  return (
    <div className="pf-flow" data-testid="print-stock-list">
      <header className="pf-head pf-flow__head">
        <ShopHeader shop={settings.shop} labels={labels} />
        <div className="pf-head__title">
          <div className="pf-title">{s.listTitle}</div>
          <ReprintMark />
        </div>
        <div className="pf-flow__meta">
          <div>
            {s.printedAt} {formatMinute(printedAt)}
          </div>
          <div>{s.parts(valuation.rows.length)}</div>
        </div>
      </header>
      <table className="pf-stock-list">
        <colgroup>
          <col className="pf-stock-lines__no" />
          <col className="pf-stock-lines__code" />
          <col />
          <col className="pf-stock-list__spec" />
          <col className="pf-stock-list__cat" />
          <col className="pf-stock-list__loc" />
          <col className="pf-stock-lines__unit" />
          <col className="pf-stock-lines__qty" />
          <col className="pf-stock-lines__money" />
          <col className="pf-stock-lines__money" />
        </colgroup>
        <thead>
          <tr>
            <th>{s.no}</th>
            <th>{s.code}</th>
            <th>{s.name}</th>
            <th>{s.spec}</th>
            <th>{s.category}</th>
            <th>{s.location}</th>
            <th>{s.unit}</th>
            <th className="pf-num">{s.onHand}</th>
            <th className="pf-num">{s.cost}</th>
            <th className="pf-num">{s.value}</th>
          </tr>
        </thead>
        <tbody>
          {valuation.rows.map((r, i) => (
            <tr key={r.partId} data-testid="print-stock-row">
              <td className="pf-center">{i + 1}</td>
              <td className="pf-mono-cell">{r.code}</td>
              <td>{r.name}</td>
              <td>{r.spec}</td>
              <td>{r.category}</td>
              <td>{r.location}</td>
              <td className="pf-center">{r.unit}</td>
              <td className="pf-num">{r.onHand}</td>
              <td className="pf-num">{formatYuan(r.costPrice)}</td>
              <td className="pf-num">{formatYuan(r.value)}</td>
            </tr>
          ))}
          <tr className="pf-stock-list__total" data-testid="print-stock-list-total">
            <td colSpan={7}>
              <strong>{s.total}</strong> · {s.parts(valuation.rows.length)}
            </td>
            <td className="pf-num">
              <strong>{valuation.totalQty}</strong>
            </td>
            <td />
            <td className="pf-num">
              <strong>{formatYuan(valuation.totalValue)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
