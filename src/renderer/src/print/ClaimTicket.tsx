import { Code128 } from './Barcode';
import { localDate } from '@shared/dates';
import { firstTermsLine, maskName, phoneTail } from './slipText';
import { formatMinute } from '../lib/format';
import { deviceLine, ShopHeader, UnrepairedSlipRow, unrepairedLine, type FormProps } from './parts';
import { signatureOf } from './signatures';
import { ReprintMark } from './reprint';
import './ticket.css';

/**
 * The 80 mm slip the customer keeps. Anyone may find it, so the name and phone are masked. The page
 * is as long as the slip (PrintPage measures it), so a receipt printer cuts right after the last line.
 */
export function ClaimTicket({ data, labels }: FormProps) {
  const { order, settings } = data;
  const f = labels.field;
  const terms = firstTermsLine(settings.counter.terms) || labels.claim.defaultTerms;
  const unrepaired = unrepairedLine(order, labels);
  // The customer's intake signature, to compare with the one given at pickup.
  const signed = signatureOf(order, 'intake');
  return (
    <div className="pf-sheet pf-sheet--receipt">
      <div className="pf-ticket" data-testid="print-ticket">
        <ShopHeader shop={settings.shop} labels={labels} centered />
        <div className="pf-ticket__title">{labels.claim.title}</div>
        <ReprintMark />
        <div className="pf-ticket__code">
          <Code128 value={order.orderNo} moduleMm={0.25} heightMm={11} />
          <div className="pf-order-no pf-order-no--large">{order.orderNo}</div>
        </div>
        <dl className="pf-ticket__fields">
          <dt>{f.customer}</dt>
          <dd>{maskName(order.customerName)}</dd>
          <dt>{f.phone}</dt>
          <dd>{phoneTail(order.customerPhone)}</dd>
          <dt>{f.device}</dt>
          <dd>{deviceLine(data)}</dd>
          <dt>{f.intakeAt}</dt>
          <dd>{formatMinute(order.createdAt)}</dd>
          <dt>{f.promisedPickup}</dt>
          <dd>
            <strong>{localDate(order.promisedAt)}</strong>
          </dd>
          {unrepaired ? <UnrepairedSlipRow line={unrepaired} labels={labels} /> : null}
          {signed ? (
            <>
              <dt>{f.customerSignature}</dt>
              <dd>
                <img className="pf-ticket__signature" src={signed} alt="" data-testid="print-signature" />
              </dd>
            </>
          ) : null}
        </dl>
        <div className="pf-ticket__terms">{terms}</div>
      </div>
    </div>
  );
}
