import { lineCover, type SettlementLine } from '@shared/schemas/settlements';
import { Code128 } from './Barcode';
import { maskName } from './slipText';
import { formatMinute } from '../lib/format';
import { formatYuan } from '../lib/money';
import type { PrintLabels } from './labels';
import { ShopHeader, UnrepairedSlipRow, unrepairedLine } from './parts';
import { ReprintMark } from './reprint';
import {
  CoverTag,
  paidLine,
  paymentDetail,
  paymentLabel,
  settlementDevice,
  totalRows,
  voidLine,
  type SettlementFormProps,
} from './SettlementParts';
import './ticket.css';
import './settlementReceipt.css';

/** Under a line's name: its list price if free (warranty or contract), who and how long for labor, else qty × price. */
function lineNote(line: SettlementLine, l: PrintLabels['settlement']): string {
  if (lineCover(line)) return `${l.listPrice} ${formatYuan(line.listAmount)}`;
  if (line.kind === 'labor' && line.detail) return line.detail;
  return `${line.qty} × ${formatYuan(line.unitPrice)}`;
}

/**
 * 结算小票 on an 80 mm roll: one narrow column with every line, the totals, the amount in
 * capitals and the payments with their change. Like the claim ticket anyone may find it, so the
 * customer's name is masked. The page is as long as the slip (the print page measures it).
 */
export function SettlementReceipt({ data, labels }: SettlementFormProps) {
  const { settlement: s, settings, order } = data;
  const l = labels.settlement;
  const f = labels.field;
  const unrepaired = order ? unrepairedLine(order, labels) : null;
  // Nothing was repaired on a device going back unrepaired: no repair warranty.
  const days = unrepaired ? 0 : settings.counter.repairWarrantyDays;
  return (
    <div className="pf-sheet pf-sheet--receipt">
      <div className="pf-ticket pf-slip" data-testid="print-settlement-receipt">
        <ShopHeader shop={settings.shop} labels={labels} centered />
        <div className="pf-ticket__title">{l.receiptTitle}</div>
        <ReprintMark />
        {s.status === 'void' ? (
          <div className="pf-slip__void" data-testid="print-void-mark">
            <strong>{l.voidMark}</strong> {voidLine(s)}
          </div>
        ) : null}
        <div className="pf-ticket__code">
          <Code128 value={s.settlementNo} moduleMm={0.25} heightMm={9} />
          <div className="pf-order-no">{s.settlementNo}</div>
        </div>
        <dl className="pf-ticket__fields">
          <dt>{f.orderNo}</dt>
          <dd>{s.orderNo}</dd>
          <dt>{l.settledAt}</dt>
          <dd>{formatMinute(s.createdAt)}</dd>
          <dt>{f.customer}</dt>
          <dd>{maskName(s.customerName)}</dd>
          <dt>{f.device}</dt>
          <dd>{settlementDevice(data)}</dd>
          {unrepaired ? <UnrepairedSlipRow line={unrepaired} labels={labels} /> : null}
        </dl>

        <div className="pf-slip__lines">
          {s.lines.map((line) => (
            <div key={line.lineNo} className="pf-slip__line" data-testid="print-settlement-line">
              <div className="pf-slip__name">
                <CoverTag line={line} l={l} />
                {line.name}
              </div>
              <div className="pf-slip__row">
                <span>{lineNote(line, l)}</span>
                <span className="pf-num">{formatYuan(line.amount)}</span>
              </div>
            </div>
          ))}
        </div>

        <div className="pf-slip__totals" data-testid="print-settlement-totals">
          {totalRows(s, labels).map((row) => (
            <div key={row.key} className={row.key === 'total' ? 'pf-slip__row pf-slip__due' : 'pf-slip__row'}>
              <span>{row.label}</span>
              <span className="pf-num">{row.value}</span>
            </div>
          ))}
          <div className="pf-slip__words" data-testid="print-settlement-words">
            {l.inWords} {l.currency} {s.totalInWords}
          </div>
        </div>

        <div className="pf-slip__payments" data-testid="print-settlement-payments">
          {s.payments.length === 0 ? <div>{l.noPayments}</div> : null}
          {s.payments.map((p) => {
            const detail = paymentDetail(p, labels);
            return (
              <div key={p.id}>
                <div className="pf-slip__row">
                  <span>{paymentLabel(p, labels)}</span>
                  <span className="pf-num">{formatYuan(p.amount)}</span>
                </div>
                {detail ? <div className="pf-slip__detail">{detail}</div> : null}
              </div>
            );
          })}
          <div className="pf-slip__paid" data-testid="print-settlement-paid">
            {paidLine(s, labels)}
          </div>
        </div>

        <div className="pf-ticket__terms">
          {days > 0 ? <div>{l.repairWarranty(days)}</div> : null}
          <div className="pf-slip__thanks">{l.thanks}</div>
        </div>
      </div>
    </div>
  );
}
