import type { ReactNode } from 'react';
import type { OrderPartLine } from '@shared/schemas/orderParts';
import type { PrintLabels } from './labels';
import { Code128, QrCode } from './Barcode';
import { patternDots } from './slipText';
import { formatMinute } from '../lib/format';
import { formatYuan } from '../lib/money';
import {
  brandModel,
  Cell,
  FieldTable,
  IntakeRows,
  KindRow,
  ShopHeader,
  SignLine,
  type FormProps,
} from './parts';
import { ReprintMark } from './reprint';
import './jobSheet.css';

/** An unlock pattern drawn as a 3 × 3 grid, each dot numbered in the order it is swiped. */
function PatternGrid({ dots }: { dots: number[] }) {
  return (
    <span className="pf-pattern" aria-hidden>
      {Array.from({ length: 9 }, (_, i) => {
        const step = dots.indexOf(i + 1);
        return (
          <span key={i} className={step >= 0 ? 'pf-pattern__dot pf-pattern__dot--on' : 'pf-pattern__dot'}>
            {step >= 0 ? step + 1 : ''}
          </span>
        );
      })}
    </span>
  );
}

/** Only when workOrders.get returned the password (the caller's role may see it); else nothing or a note. */
function PasswordRow({
  password,
  hasPassword,
  labels,
}: {
  password: string | null;
  hasPassword: boolean;
  labels: PrintLabels;
}) {
  if (password === null && !hasPassword) return null;
  let value: ReactNode;
  if (password === null) value = labels.value.passwordHidden;
  else if (password === '') value = labels.value.none;
  else {
    const dots = patternDots(password);
    value = dots ? (
      <span className="pf-password">
        {labels.value.pattern} {password} <PatternGrid dots={dots} />
      </span>
    ) : (
      <span className="pf-password" data-testid="print-device-password">
        {password}
      </span>
    );
  }
  return (
    <tr>
      <th scope="row">{labels.field.devicePassword}</th>
      <td colSpan={5}>{value}</td>
    </tr>
  );
}

function Lines({ count }: { count: number }) {
  return (
    <div className="pf-lines">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="pf-lines__line" />
      ))}
    </div>
  );
}

/** A part's name or note stays on its ruled line (jobSheet.css fixes the row height). */
const ONE_LINE = { overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' } as const;

/** The parts table always leaves room to write: at least five rows, two of them blank. */
function blankRows(used: number): number[] {
  const total = Math.max(5, used + 2);
  return Array.from({ length: total - used }, (_, i) => used + i + 1);
}

/** A used part's note: covered by warranty, and the old part's serial (RMA when it goes back). */
function partNote(line: OrderPartLine, labels: PrintLabels): string {
  return [
    line.coveredByWarranty ? labels.codes.warranty.in : '',
    line.oldPartSerial,
    line.oldPartRma ? 'RMA' : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The quote after diagnosis, labelled as such, when it differs from the intake estimate; with the
 * amount the customer approved when there is one.
 */
function QuoteRow({ data, labels }: FormProps) {
  const { order } = data;
  if (order.estimate === null || order.estimate === order.intakeEstimate) return null;
  const approved = order.approval?.amount ?? null;
  return (
    <tr>
      <th scope="row">{labels.field.currentQuote}</th>
      <td colSpan={5}>
        <div className="pf-nowrap" data-testid="print-current-quote">
          <strong>{formatYuan(order.estimate)}</strong>
          {approved !== null ? ` · ${labels.value.quoteApproved} ${formatYuan(approved)}` : ''}
        </div>
      </td>
    </tr>
  );
}

/** The A4 sheet that travels with the device to the bench: parts already used are printed, the rest is for handwriting. */
export function JobSheet({ data, labels }: FormProps) {
  const { order, device, settings } = data;
  const f = labels.field;
  return (
    <div className="pf-sheet pf-sheet--a4">
      <div className="pf-job">
        <header className="pf-head">
          <ShopHeader shop={settings.shop} labels={labels} />
          <div className="pf-head__title">
            <div className="pf-title">{labels.jobSheet.title}</div>
            <div className={`pf-priority pf-priority--${order.priority}`}>
              {f.priority} · {labels.codes.priorities[order.priority]}
            </div>
            <ReprintMark />
          </div>
          <div className="pf-head__codes">
            <div className="pf-barcode-block">
              <Code128 value={order.orderNo} moduleMm={0.3} heightMm={11} />
              <div className="pf-order-no pf-order-no--large">{order.orderNo}</div>
            </div>
            <QrCode value={order.orderNo} sizeMm={22} />
          </div>
        </header>

        <FieldTable>
          <tr>
            <Cell label={f.intakeAt}>{formatMinute(order.createdAt)}</Cell>
            <Cell label={f.promisedAt}>
              <strong>{formatMinute(order.promisedAt)}</strong>
            </Cell>
            <Cell label={f.technician}>
              <strong>{order.technicianName ?? labels.value.unassigned}</strong>
            </Cell>
          </tr>
          <tr>
            <Cell label={f.customer}>{order.customerName}</Cell>
            <Cell label={f.phone}>{order.customerPhone}</Cell>
            <Cell label={f.serviceType}>
              {labels.codes.serviceTypes[order.serviceType]} · {labels.codes.channels[order.channel]}
            </Cell>
          </tr>
          <tr>
            <Cell label={f.category}>{device?.category ?? order.deviceLabel}</Cell>
            <Cell label={f.brandModel} wrap>
              {brandModel(data)}
            </Cell>
            <Cell label={f.serialNo} wrap>
              <strong>{order.serialNo || '—'}</strong>
            </Cell>
          </tr>
          <KindRow data={data} labels={labels} />
          <tr>
            <Cell label={f.warranty}>
              <strong>{labels.codes.warranty[order.warrantyStatus]}</strong>
            </Cell>
            <Cell label={f.estimate}>
              {order.intakeEstimate === null
                ? labels.value.pendingInspection
                : formatYuan(order.intakeEstimate)}
            </Cell>
            <Cell label={f.reworkOf}>{order.reworkOfNo ?? '—'}</Cell>
          </tr>
          <QuoteRow data={data} labels={labels} />
          <IntakeRows order={order} labels={labels} variant="job-" minFont="7.5" />
          <PasswordRow
            password={order.devicePassword}
            hasPassword={order.hasDevicePassword}
            labels={labels}
          />
        </FieldTable>

        <section className="pf-write pf-write--grow">
          <div className="pf-write__label">{f.diagnosis}</div>
          {order.diagnosis ? (
            <div
              className="pf-text pf-text--job-diagnosis"
              data-fit
              data-fit-min="7.5"
              data-testid="print-diagnosis"
            >
              {order.diagnosis}
            </div>
          ) : null}
          <Lines count={12} />
        </section>

        <section className="pf-write">
          <div className="pf-write__label">{f.parts}</div>
          <table className="pf-parts">
            <colgroup>
              <col className="pf-parts__no" />
              <col />
              <col className="pf-parts__qty" />
              <col className="pf-parts__note" />
            </colgroup>
            <thead>
              <tr>
                <th>#</th>
                <th>{f.partName}</th>
                <th>{f.quantity}</th>
                <th>{f.note}</th>
              </tr>
            </thead>
            <tbody>
              {order.parts.map((p, i) => (
                <tr key={p.id} data-testid="print-part-line">
                  <td>{i + 1}</td>
                  <td style={ONE_LINE}>
                    {p.partCode} {p.partName}
                    {p.partSpec ? ` · ${p.partSpec}` : ''}
                  </td>
                  <td>
                    {p.qty} {p.unit}
                  </td>
                  <td style={ONE_LINE}>{partNote(p, labels)}</td>
                </tr>
              ))}
              {blankRows(order.parts.length).map((n) => (
                <tr key={n}>
                  <td>{n}</td>
                  <td />
                  <td />
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="pf-write pf-write--grow">
          <div className="pf-write__label">{f.workDone}</div>
          <Lines count={12} />
        </section>

        <footer className="pf-qc">
          <div className="pf-qc__row">
            <span className="pf-qc__label">{f.qc}</span>
            <span className="pf-check-item">
              <span className="pf-box" aria-hidden />
              {f.qcPass}
            </span>
            <span className="pf-check-item">
              <span className="pf-box" aria-hidden />
              {f.qcFail}
            </span>
            <SignLine label={f.qcSignature} wide />
            <SignLine label={f.date} />
          </div>
          <div className="pf-qc__row">
            <SignLine label={f.technicianSignature} wide />
            <SignLine label={f.startedAt} />
            <SignLine label={f.finishedAt} />
          </div>
        </footer>
      </div>
    </div>
  );
}
