import { amountInWords } from '@shared/money/amountInWords';
import type { DayReport } from '@shared/schemas/settlements';
import type { SettingsView } from '@shared/schemas/settings';
import { formatMinute } from '../lib/format';
import { formatYuan } from '../lib/money';
import type { PrintLabels } from './labels';
import { Cell, FieldTable, ShopHeader, SignLine } from './parts';
import { ReprintMark } from './reprint';
import { paymentDetail, paymentLabel } from './SettlementParts';
import './dayClose.css';

interface DayCloseFormProps {
  report: DayReport;
  settings: SettingsView;
  labels: PrintLabels;
  printedAt: number;
}

type DayPayment = DayReport['payments'][number];

function sum(amounts: number[]): number {
  return amounts.reduce((a, b) => a + b, 0);
}

/** A summary of count and amount by a key (method or cashier), with its total row. */
function SummaryTable({
  title,
  rows,
  labels,
  testId,
}: {
  title: string;
  rows: { key: string; label: string; count: number; amount: number }[];
  labels: PrintLabels;
  testId: string;
}) {
  const d = labels.dayClose;
  return (
    <table className="pf-day-table pf-day-sum" data-testid={testId}>
      <colgroup>
        <col />
        <col className="pf-day-sum__count" />
        <col className="pf-day-sum__amount" />
      </colgroup>
      <thead>
        <tr>
          <th>{title}</th>
          <th className="pf-num">{d.count}</th>
          <th className="pf-num">{d.amount}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={3}>{d.none}</td>
          </tr>
        ) : null}
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.label}</td>
            <td className="pf-num">{r.count}</td>
            <td className="pf-num">{formatYuan(r.amount)}</td>
          </tr>
        ))}
        <tr className="pf-day-table__total">
          <td>{d.total}</td>
          <td className="pf-num">{sum(rows.map((r) => r.count))}</td>
          <td className="pf-num">{formatYuan(sum(rows.map((r) => r.amount)))}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** Payments (or refunds) of the day, one row each, with their subtotal. */
function PaymentList({
  title,
  payments,
  labels,
  testId,
}: {
  title: string;
  payments: DayPayment[];
  labels: PrintLabels;
  testId: string;
}) {
  const d = labels.dayClose;
  return (
    <section className="pf-day-section">
      <div className="pf-day-section__title">
        {title} · {d.items(payments.length)}
      </div>
      <table className="pf-day-table" data-testid={testId}>
        <colgroup>
          <col className="pf-day-table__no" />
          <col className="pf-day-table__time" />
          <col className="pf-day-table__settlement" />
          <col className="pf-day-table__order" />
          <col className="pf-day-table__method" />
          <col className="pf-day-table__amount" />
          <col className="pf-day-table__user" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th className="pf-center">{labels.settlement.no}</th>
            <th>{d.time}</th>
            <th>{d.settlementNo}</th>
            <th>{d.orderNo}</th>
            <th>{d.method}</th>
            <th className="pf-num">{d.amount}</th>
            <th>{d.user}</th>
            <th>{d.detail}</th>
          </tr>
        </thead>
        <tbody>
          {payments.length === 0 ? (
            <tr>
              <td colSpan={8}>{d.none}</td>
            </tr>
          ) : null}
          {payments.map((p, i) => (
            <tr key={p.id} data-testid={`${testId}-row`}>
              <td className="pf-center">{i + 1}</td>
              <td>{formatMinute(p.at).slice(11)}</td>
              <td className="pf-mono-cell">{p.settlementNo}</td>
              <td className="pf-mono-cell">{p.orderNo}</td>
              <td>{paymentLabel(p, labels)}</td>
              <td className="pf-num">{formatYuan(p.amount)}</td>
              <td>{p.userName ?? '—'}</td>
              <td>{paymentDetail(p, labels)}</td>
            </tr>
          ))}
          {payments.length > 0 ? (
            <tr className="pf-day-table__total">
              <td colSpan={5}>{d.total}</td>
              <td className="pf-num">{formatYuan(sum(payments.map((p) => p.amount)))}</td>
              <td colSpan={2} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}

function VoidList({ report, labels }: { report: DayReport; labels: PrintLabels }) {
  const d = labels.dayClose;
  return (
    <section className="pf-day-section">
      <div className="pf-day-section__title">
        {d.voids} · {d.items(report.voids.length)}
      </div>
      <table className="pf-day-table" data-testid="print-day-voids">
        <colgroup>
          <col className="pf-day-table__no" />
          <col className="pf-day-table__time" />
          <col className="pf-day-table__settlement" />
          <col className="pf-day-table__order" />
          <col className="pf-day-table__amount" />
          <col className="pf-day-table__user" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th className="pf-center">{labels.settlement.no}</th>
            <th>{d.time}</th>
            <th>{d.settlementNo}</th>
            <th>{d.orderNo}</th>
            <th className="pf-num">{d.amount}</th>
            <th>{d.voidedBy}</th>
            <th>{d.reason}</th>
          </tr>
        </thead>
        <tbody>
          {report.voids.length === 0 ? (
            <tr>
              <td colSpan={7}>{d.none}</td>
            </tr>
          ) : null}
          {report.voids.map((v, i) => (
            <tr key={v.settlementNo}>
              <td className="pf-center">{i + 1}</td>
              <td>{formatMinute(v.at).slice(11)}</td>
              <td className="pf-mono-cell">{v.settlementNo}</td>
              <td className="pf-mono-cell">{v.orderNo}</td>
              <td className="pf-num">{formatYuan(v.total)}</td>
              <td>{v.by ?? '—'}</td>
              <td>{v.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** 订金 taken and given back that day: in the figures above, listed on their own. */
function DepositList({ report, labels }: { report: DayReport; labels: PrintLabels }) {
  const d = labels.dayClose;
  if (report.deposits.length === 0) return null;
  return (
    <section className="pf-day-section">
      <div className="pf-day-section__title">
        {d.deposits} · {d.items(report.deposits.length)}
      </div>
      <table className="pf-day-table" data-testid="print-day-deposits">
        <colgroup>
          <col className="pf-day-table__no" />
          <col className="pf-day-table__time" />
          <col className="pf-day-table__order" />
          <col className="pf-day-table__user" />
          <col className="pf-day-table__amount" />
          <col className="pf-day-table__user" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th className="pf-center">{labels.settlement.no}</th>
            <th>{d.time}</th>
            <th>{d.orderNo}</th>
            <th>{d.method}</th>
            <th className="pf-num">{d.amount}</th>
            <th>{d.cashier}</th>
            <th>{d.reason}</th>
          </tr>
        </thead>
        <tbody>
          {report.deposits.map((v, i) => (
            <tr key={v.id}>
              <td className="pf-center">{i + 1}</td>
              <td>{formatMinute(v.at).slice(11)}</td>
              <td className="pf-mono-cell">{v.orderNo}</td>
              <td>{labels.codes.paymentMethodsOnPaper[v.method]}</td>
              <td className="pf-num">{formatYuan(v.amount)}</td>
              <td>{v.userName ?? '—'}</td>
              <td>{v.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Every close and reopen of the day, oldest first: 日结 18:02 王店长；重新打开 18:30 王店长（补录）… */
function historyText(report: DayReport, labels: PrintLabels): string {
  return report.history
    .map((h) => {
      const who = [labels.codes.dayCloseActions[h.action], formatMinute(h.at).slice(11), h.by ?? '']
        .filter(Boolean)
        .join(' ');
      return h.reason ? `${who} (${h.reason})` : who;
    })
    .join('; ');
}

/**
 * 日结单 on A4: the shop and the day, whether it is closed and by whom, the takings by payment
 * method and by cashier, every payment, the refunds and reversals, the voided settlements, and the
 * net total in figures and in capitals above the cashier's and the manager's signatures. It flows
 * over as many pages as the day needs; the table headers repeat, the total stays with the signatures.
 */
export function DayCloseForm({ report, settings, labels, printedAt }: DayCloseFormProps) {
  const d = labels.dayClose;
  const lastClose = report.closed ? report.history.at(-1) : undefined;
  const received = report.payments.filter((p) => p.amount >= 0);
  return (
    <div className="pf-flow pf-day" data-testid="print-day-close">
      <header className="pf-head pf-flow__head">
        <ShopHeader shop={settings.shop} labels={labels} />
        <div className="pf-head__title">
          <div className="pf-title">{d.title}</div>
          <div className="pf-copy-tag" data-testid="print-day-status">
            {report.closed ? d.closed : d.open}
          </div>
          <ReprintMark />
        </div>
        <div className="pf-flow__meta">
          <div className="pf-day__date">{report.date}</div>
          <div>
            {d.printedAt} {formatMinute(printedAt)}
          </div>
        </div>
      </header>

      <FieldTable>
        <tr>
          <Cell label={d.date}>
            <strong>{report.date}</strong>
          </Cell>
          <Cell label={d.closedBy}>{lastClose?.by ?? '—'}</Cell>
          <Cell label={d.closedAt}>{lastClose ? formatMinute(lastClose.at) : '—'}</Cell>
        </tr>
        {report.history.length > 0 ? (
          <tr>
            <th scope="row">{d.history}</th>
            <td colSpan={5}>
              <div className="pf-wrap2">{historyText(report, labels)}</div>
            </td>
          </tr>
        ) : null}
      </FieldTable>

      <div className="pf-day-sums">
        <SummaryTable
          title={d.byMethod}
          rows={report.byMethod.map((m) => ({
            key: m.method,
            label: labels.codes.paymentMethodsOnPaper[m.method],
            count: m.count,
            amount: m.amount,
          }))}
          labels={labels}
          testId="print-day-by-method"
        />
        <SummaryTable
          title={d.byUser}
          rows={report.byUser.map((u, i) => ({
            key: `${i}`,
            label: u.userName ?? '—',
            count: u.count,
            amount: u.amount,
          }))}
          labels={labels}
          testId="print-day-by-user"
        />
      </div>

      <PaymentList title={d.payments} payments={received} labels={labels} testId="print-day-payments" />
      <PaymentList title={d.refunds} payments={report.refunds} labels={labels} testId="print-day-refunds" />
      <DepositList report={report} labels={labels} />
      <VoidList report={report} labels={labels} />

      <div className="pf-day-close" data-testid="print-day-total">
        <div className="pf-day-net">
          <span className="pf-day-net__label">{d.net}</span>
          <strong className="pf-day-net__figure">{formatYuan(report.total)}</strong>
          <span className="pf-day-net__words">
            {d.inWords} {labels.settlement.currency} {amountInWords(report.total)}
          </span>
        </div>
        <div className="pf-signs">
          <SignLine label={d.cashier} wide />
          <SignLine label={d.manager} wide />
          <SignLine label={labels.settlement.date} />
        </div>
      </div>
    </div>
  );
}
