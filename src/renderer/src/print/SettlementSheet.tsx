import { lineCover, type Payment, type Settlement, type SettlementLine } from '@shared/schemas/settlements';
import { Code128 } from './Barcode';
import { formatMinute } from '../lib/format';
import { formatYuan } from '../lib/money';
import type { PrintLabels } from './labels';
import { Cell, FieldTable, ShopHeader, SignLine, unrepairedLine } from './parts';
import { signatureOf } from './signatures';
import { handoverLine } from './handoverLine';
import { ReprintMark } from './reprint';
import {
  CoverTag,
  paidLine,
  paymentDetail,
  paymentLabel,
  settlementDevice,
  settlementTerms,
  statusWord,
  totalRows,
  voidLine,
  VoidMark,
  type SettlementFormProps,
} from './SettlementParts';
import './settlementSheet.css';

type SettlementPaper = 'a5' | 'a4';

/**
 * Rows a sheet holds, counted in table rows (a line, a payment and a field row are about the same
 * height on each paper). The last sheet carries the totals, payments, terms and signatures beside
 * its lines; a sheet that continues holds lines only.
 */
interface Layout {
  /** Lines on the last (or only) sheet with up to `paymentRows` payments. */
  lastLines: number;
  /** Lines on a sheet that goes on to the next. */
  fullLines: number;
  /** Payment rows the summary holds before more payments take the room of lines. */
  paymentRows: number;
}

/**
 * A5 landscape holds 8 lines with the totals and signatures, A4 portrait 20 (a typical settlement
 * has 5–8), with a remark row under the fields. Measured on the printed PDFs; the e2e test proves
 * nothing overflows or overlaps on a sheet.
 */
const LAYOUTS: Record<SettlementPaper, Layout> = {
  a5: { lastLines: 8, fullLines: 18, paymentRows: 4 },
  a4: { lastLines: 20, fullLines: 31, paymentRows: 4 },
};

interface Plan {
  sheets: SettlementLine[][];
  /** The payments printed, oldest first. */
  payments: Payment[];
  /** Payments beyond what the last sheet can list, summed in one row (the screen has them all). */
  more: { count: number; amount: number } | null;
}

/** The note and who approved the discount, on one row under the fields. */
function remarkOf(s: Settlement, labels: PrintLabels): string {
  const approved = s.discountApprovedBy
    ? `${labels.settlement.discount} ${labels.settlement.discountApprovedBy(s.discountApprovedBy)}`
    : '';
  return [s.note, approved].filter(Boolean).join(' · ');
}

/** 维修结果 when the device goes back unrepaired: the customer's paper says so. */
function outcomeOf(order: SettlementFormProps['data']['order'], labels: PrintLabels): string | null {
  const line = order ? unrepairedLine(order, labels) : null;
  return line ? [line.what, line.reason].filter(Boolean).join(' · ') : null;
}

/** Field rows beyond the three every settlement has and the one the layout leaves for a remark. */
function extraFieldRows(s: Settlement, labels: PrintLabels, outcome: string | null, handover = 0): number {
  return Math.max(
    0,
    (remarkOf(s, labels) ? 1 : 0) + (s.status === 'void' ? 1 : 0) + (outcome ? 1 : 0) + handover - 1,
  );
}

/**
 * Lines into sheets: all on one when they fit beside the totals; otherwise full sheets first and
 * at least one line kept on the last, so the totals and signatures never stand alone.
 */
function planSheets(
  s: Settlement,
  layout: Layout,
  labels: PrintLabels,
  outcome: string | null,
  handover: string | null,
): Plan {
  // The hand-over line and the signed customer line (a little taller) take about a line's room.
  const extra = extraFieldRows(s, labels, outcome, handover ? 1 : 0);
  const roomForPayments = layout.paymentRows + layout.lastLines - extra - 1;
  const listed = s.payments.length > roomForPayments ? s.payments.slice(0, roomForPayments - 1) : s.payments;
  const rest = s.payments.slice(listed.length);
  const paymentRowsOver = Math.max(0, listed.length + (rest.length > 0 ? 1 : 0) - layout.paymentRows);
  const lastCap = Math.max(1, layout.lastLines - extra - paymentRowsOver);
  const fullCap = layout.fullLines - extra;

  const sheets: SettlementLine[][] = [];
  let remaining = s.lines;
  while (remaining.length > lastCap) {
    const take = Math.min(fullCap, remaining.length - 1);
    sheets.push(remaining.slice(0, take));
    remaining = remaining.slice(take);
  }
  sheets.push(remaining);
  return {
    sheets,
    payments: listed,
    more: rest.length > 0 ? { count: rest.length, amount: rest.reduce((sum, p) => sum + p.amount, 0) } : null,
  };
}

function LinesTable({ lines, labels }: { lines: SettlementLine[]; labels: PrintLabels }) {
  const l = labels.settlement;
  return (
    <table className="pf-settle-lines">
      <colgroup>
        <col className="pf-settle-lines__no" />
        <col className="pf-settle-lines__kind" />
        <col />
        <col className="pf-settle-lines__detail" />
        <col className="pf-settle-lines__qty" />
        <col className="pf-settle-lines__price" />
        <col className="pf-settle-lines__amount" />
      </colgroup>
      <thead>
        <tr>
          <th className="pf-center">{l.no}</th>
          <th>{l.kind}</th>
          <th>{l.name}</th>
          <th>{l.detail}</th>
          <th className="pf-num">{l.qty}</th>
          <th className="pf-num">{l.unitPrice}</th>
          <th className="pf-num">{l.amount}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.lineNo} data-testid="print-settlement-line">
            <td className="pf-center">{line.lineNo}</td>
            <td>{labels.codes.lineKindsOnPaper[line.kind]}</td>
            <td>
              <div className="pf-settle-lines__name">
                <CoverTag line={line} l={l} />
                <span className="pf-nowrap">{line.name}</span>
              </div>
            </td>
            <td>
              <div className="pf-nowrap">{line.detail}</div>
            </td>
            <td className="pf-num">{line.qty}</td>
            <td className="pf-num">{formatYuan(line.unitPrice)}</td>
            <td className="pf-num">
              {lineCover(line) ? (
                <span className="pf-settle-lines__list">
                  {l.listPrice} {formatYuan(line.listAmount)}
                </span>
              ) : null}
              {formatYuan(line.amount)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PaymentsTable({ s, plan, labels }: { s: Settlement; plan: Plan; labels: PrintLabels }) {
  const l = labels.settlement;
  return (
    <table className="pf-settle-pay" data-testid="print-settlement-payments">
      <colgroup>
        <col className="pf-settle-pay__method" />
        <col className="pf-settle-pay__amount" />
        <col />
        <col className="pf-settle-pay__at" />
        <col className="pf-settle-pay__by" />
      </colgroup>
      <thead>
        <tr>
          <th>{l.payments}</th>
          <th className="pf-num">{l.amount}</th>
          <th>{l.paymentDetail}</th>
          <th>{l.at}</th>
          <th>{l.takenBy}</th>
        </tr>
      </thead>
      <tbody>
        {plan.payments.length === 0 ? (
          <tr>
            <td colSpan={5}>{l.noPayments}</td>
          </tr>
        ) : null}
        {plan.payments.map((p) => (
          <tr key={p.id}>
            <td>
              <div className="pf-nowrap">{paymentLabel(p, labels)}</div>
            </td>
            <td className="pf-num">{formatYuan(p.amount)}</td>
            <td>
              <div className="pf-nowrap">{paymentDetail(p, labels)}</div>
            </td>
            <td className="pf-nowrap">{formatMinute(p.at).slice(5)}</td>
            <td>
              <div className="pf-nowrap">{p.userName ?? '—'}</div>
            </td>
          </tr>
        ))}
        {plan.more ? (
          <tr data-testid="print-settlement-more-payments">
            <td>{l.morePayments(plan.more.count)}</td>
            <td className="pf-num">{formatYuan(plan.more.amount)}</td>
            <td colSpan={3} />
          </tr>
        ) : null}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={5} className="pf-settle-pay__status" data-testid="print-settlement-paid">
            {paidLine(s, labels)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function Summary({ s, plan, labels }: { s: Settlement; plan: Plan; labels: PrintLabels }) {
  const l = labels.settlement;
  return (
    <>
      <div className="pf-settle-sum">
        <PaymentsTable s={s} plan={plan} labels={labels} />
        <table className="pf-settle-totals" data-testid="print-settlement-totals">
          <tbody>
            {totalRows(s, labels).map((row) => (
              <tr key={row.key} className={row.key === 'total' ? 'pf-settle-totals__due' : undefined}>
                <th scope="row">{row.label}</th>
                <td className="pf-num">{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pf-settle-words" data-testid="print-settlement-words">
        <span className="pf-settle-words__label">{l.inWords}</span>
        <span className="pf-settle-words__text">
          {l.currency} {s.totalInWords}
        </span>
        <span className="pf-settle-words__figure">{formatYuan(s.total)}</span>
      </div>
    </>
  );
}

/**
 * 维修结算单 on A5 landscape or A4 portrait: shop, title, number with its barcode; order, customer
 * and device; the itemized lines (warranty lines marked, at ¥0.00 with their list price); the
 * totals from list price to amount due, in figures and in capitals; the payments; terms and
 * signatures. Longer settlements continue on further sheets with the header repeated.
 */
function SettlementSheets({ data, labels, paper }: SettlementFormProps & { paper: SettlementPaper }) {
  const { settlement: s, order, settings } = data;
  const l = labels.settlement;
  const f = labels.field;
  const outcome = outcomeOf(order, labels);
  const handover = handoverLine(order, labels);
  const plan = planSheets(s, LAYOUTS[paper], labels, outcome, handover);
  const remark = remarkOf(s, labels);
  const sheetClass = `pf-sheet pf-sheet--settle ${paper === 'a5' ? 'pf-sheet--a5l' : 'pf-sheet--a4'}`;
  const terms = settlementTerms(settings, labels, outcome !== null);

  return (
    <>
      {plan.sheets.map((lines, index) => {
        const last = index === plan.sheets.length - 1;
        return (
          <div key={index} className={sheetClass} data-testid="print-settlement-sheet">
            {s.status === 'void' ? <VoidMark labels={labels} /> : null}
            <div className={`pf-settle pf-settle--${paper}`}>
              <header className="pf-head">
                <ShopHeader shop={settings.shop} labels={labels} />
                <div className="pf-head__title">
                  <div className="pf-title" data-testid="print-settlement-title">
                    {l.title}
                  </div>
                  {s.status === 'void' ? (
                    <div className="pf-copy-tag">{labels.codes.settlementStatuses.void}</div>
                  ) : null}
                  <ReprintMark />
                </div>
                <div className="pf-head__codes">
                  <div className="pf-barcode-block">
                    <Code128 value={s.settlementNo} moduleMm={0.26} heightMm={paper === 'a5' ? 7 : 10} />
                    <div className="pf-order-no">{s.settlementNo}</div>
                  </div>
                </div>
              </header>

              <FieldTable>
                <tr>
                  <Cell label={f.orderNo}>{s.orderNo}</Cell>
                  <Cell label={l.settledAt}>{formatMinute(s.createdAt)}</Cell>
                  <Cell label={l.handledBy}>{s.createdBy ?? '—'}</Cell>
                </tr>
                <tr>
                  <Cell label={f.customer}>{s.customerName}</Cell>
                  <Cell label={f.phone}>{order?.customerPhone || '—'}</Cell>
                  <Cell label={f.warranty}>{order ? labels.codes.warranty[order.warrantyStatus] : '—'}</Cell>
                </tr>
                <tr>
                  <Cell label={f.device}>{settlementDevice(data)}</Cell>
                  <Cell label={f.serialNo}>{order?.serialNo || '—'}</Cell>
                  <Cell label={l.paymentStatus}>
                    <strong>{statusWord(s, labels)}</strong>
                  </Cell>
                </tr>
                {outcome ? (
                  <tr>
                    <th scope="row">{labels.outcome.label}</th>
                    <td colSpan={5}>
                      <div className="pf-nowrap" data-testid="print-unrepaired">
                        <strong>{outcome}</strong>
                      </div>
                    </td>
                  </tr>
                ) : null}
                {handover ? (
                  <tr>
                    <th scope="row">{labels.handover.label}</th>
                    <td colSpan={5}>
                      <div className="pf-nowrap" data-testid="print-handover">
                        {handover}
                      </div>
                    </td>
                  </tr>
                ) : null}
                {remark ? (
                  <tr>
                    <th scope="row">{l.note}</th>
                    <td colSpan={5}>
                      <div className="pf-nowrap">{remark}</div>
                    </td>
                  </tr>
                ) : null}
                {s.status === 'void' ? (
                  <tr>
                    <th scope="row">{labels.codes.settlementStatuses.void}</th>
                    <td colSpan={5}>
                      <div className="pf-nowrap" data-testid="print-settlement-void">
                        {voidLine(s)}
                      </div>
                    </td>
                  </tr>
                ) : null}
              </FieldTable>

              <LinesTable lines={lines} labels={labels} />

              {last ? <Summary s={s} plan={plan} labels={labels} /> : null}

              <div className="pf-settle-foot">
                {last ? (
                  <>
                    {terms ? (
                      <div className="pf-settle-terms" data-fit data-fit-min="5.5" data-testid="print-terms">
                        {terms}
                      </div>
                    ) : null}
                    <div className="pf-signs">
                      <SignLine label={l.customerSignature} wide image={signatureOf(order, 'pickup')} />
                      <SignLine label={l.handledBy} hint={s.createdBy ?? undefined} />
                      <SignLine label={l.date} />
                    </div>
                  </>
                ) : (
                  <div className="pf-settle-continued">{l.continued}</div>
                )}
                {plan.sheets.length > 1 ? (
                  <div className="pf-stock-page">{l.page(index + 1, plan.sheets.length)}</div>
                ) : null}
              </div>
            </div>
          </div>
        );
      })}
    </>
  );
}

export function SettlementA5(props: SettlementFormProps) {
  return <SettlementSheets {...props} paper="a5" />;
}

export function SettlementA4(props: SettlementFormProps) {
  return <SettlementSheets {...props} paper="a4" />;
}
