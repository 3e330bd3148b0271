import { Code128, QrCode } from './Barcode';
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
import { signatureOf } from './signatures';
import { ReprintMark } from './reprint';
import './intakeReceipt.css';

type Copy = 'customer' | 'stub';

function copiesOf(data: FormProps['data']): Copy[] {
  return data.settings.counter.intakeCopies === 2 ? ['customer', 'stub'] : ['customer'];
}

/** 订金 paid so far, by method: a row of its own, only when one was taken (credited at settlement). */
function DepositRow({ data, labels }: FormProps) {
  const deposit = data.order.deposit;
  if (!deposit || deposit.held <= 0) return null;
  const methods = deposit.byMethod.map((m) => labels.codes.paymentMethodsOnPaper[m.method]);
  return (
    <tr>
      <th scope="row">{labels.field.deposit}</th>
      <td colSpan={5} data-testid="print-deposit">
        <strong>{formatYuan(deposit.held)}</strong>
        {labels.intake.depositMethods(methods)}
      </td>
    </tr>
  );
}

/** One copy of the intake receipt, laid out for a 210 × 148 mm area (A5 landscape or half an A4). */
function IntakeCopy({ data, labels, copy }: FormProps & { copy: Copy }) {
  const { order, device, settings } = data;
  const f = labels.field;
  return (
    <div className="pf-intake" data-testid={`print-copy-${copy}`}>
      <header className="pf-head">
        <ShopHeader shop={settings.shop} labels={labels} />
        <div className="pf-head__title">
          <div className="pf-title">{labels.intake.title}</div>
          <div className="pf-copy-tag">
            {copy === 'customer' ? labels.intake.customerCopy : labels.intake.stubCopy}
          </div>
          <ReprintMark />
        </div>
        <div className="pf-head__codes">
          <div className="pf-barcode-block">
            <Code128 value={order.orderNo} moduleMm={0.26} heightMm={9} />
            <div className="pf-order-no">{order.orderNo}</div>
            {order.reworkOfNo ? (
              <div className="pf-rework">
                {f.reworkOf} {order.reworkOfNo}
              </div>
            ) : null}
          </div>
          <QrCode value={order.orderNo} sizeMm={19} />
        </div>
      </header>

      <FieldTable>
        <tr>
          <Cell label={f.customer}>{order.customerName}</Cell>
          <Cell label={f.phone}>{order.customerPhone}</Cell>
          <Cell label={f.intakeAt}>{formatMinute(order.createdAt)}</Cell>
        </tr>
        <tr>
          <Cell label={f.category}>{device?.category ?? order.deviceLabel}</Cell>
          <Cell label={f.brandModel} wrap>
            {brandModel(data)}
          </Cell>
          <Cell label={f.serialNo} wrap>
            {order.serialNo || '—'}
          </Cell>
        </tr>
        <KindRow data={data} labels={labels} />
        <tr>
          <Cell label={f.warranty}>
            <strong>{labels.codes.warranty[order.warrantyStatus]}</strong>
          </Cell>
          <Cell label={f.serviceType}>{labels.codes.serviceTypes[order.serviceType]}</Cell>
          <Cell label={f.promisedAt}>
            <strong>{formatMinute(order.promisedAt)}</strong>
          </Cell>
        </tr>
        <tr>
          <Cell label={f.estimate}>
            {/* What was agreed at intake: a later quote never changes the customer's receipt. */}
            <strong data-testid="print-estimate">
              {order.intakeEstimate === null
                ? labels.value.pendingInspection
                : formatYuan(order.intakeEstimate)}
            </strong>
          </Cell>
          <Cell label={f.technician}>{order.technicianName ?? labels.value.unassigned}</Cell>
          <Cell label={f.receivedBy}>{order.createdBy}</Cell>
        </tr>
        <DepositRow data={data} labels={labels} />
        <IntakeRows order={order} labels={labels} variant="" minFont="7" />
      </FieldTable>

      <section className="pf-terms">
        <div className="pf-terms__label">{f.terms}</div>
        <div className="pf-terms__text" data-fit data-fit-min="5.5" data-testid="print-terms">
          {settings.counter.terms}
        </div>
      </section>

      <footer className="pf-signs">
        <SignLine label={f.customerSignature} wide image={signatureOf(order, 'intake')} />
        <SignLine label={f.date} />
        <SignLine label={f.receivedBy} hint={order.createdBy} />
      </footer>
    </div>
  );
}

/** A5 landscape: one page per copy. */
export function IntakeA5(props: FormProps) {
  return (
    <>
      {copiesOf(props.data).map((copy) => (
        <div key={copy} className="pf-sheet pf-sheet--a5l">
          <IntakeCopy {...props} copy={copy} />
        </div>
      ))}
    </>
  );
}

/** A4 portrait: the copies share one page, top and bottom halves with a cut line between them. */
export function IntakeA4(props: FormProps) {
  const copies = copiesOf(props.data);
  return (
    <div className="pf-sheet pf-sheet--a4">
      {copies.map((copy, i) => (
        <div key={copy} className="pf-half">
          {i > 0 ? (
            <div className="pf-cut" aria-hidden>
              <span>{props.labels.intake.cutHere}</span>
            </div>
          ) : null}
          <IntakeCopy {...props} copy={copy} />
        </div>
      ))}
    </div>
  );
}
