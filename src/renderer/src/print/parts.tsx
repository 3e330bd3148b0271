import type { ReactNode } from 'react';
import type { Device } from '@shared/schemas/devices';
import type { SettingsView, ShopProfile } from '@shared/schemas/settings';
import { ACCESSORIES, type WorkOrderDetail } from '@shared/schemas/workOrders';
import type { PrintLabels } from './labels';

/** Everything a printed form shows: the order, its device's details and the shop. */
export interface PrintData {
  order: WorkOrderDetail;
  /** Null when the device could not be read; the order's device label stands in. */
  device: Device | null;
  settings: SettingsView;
}

export interface FormProps {
  data: PrintData;
  labels: PrintLabels;
}

/** Logo, name, address and phone from the shop profile. */
export function ShopHeader({
  shop,
  labels,
  centered = false,
}: {
  shop: ShopProfile;
  labels: PrintLabels;
  centered?: boolean;
}) {
  const meta = [shop.address, shop.phone].filter(Boolean);
  return (
    <div className={centered ? 'pf-shop pf-shop--centered' : 'pf-shop'}>
      {shop.logo ? <img className="pf-shop__logo" src={shop.logo} alt="" /> : null}
      <div className="pf-shop__text">
        <div className="pf-shop__name" data-testid="print-shop-name">
          {shop.name}
        </div>
        {meta.length > 0 ? (
          <div className="pf-shop__meta">
            {shop.address ? <span>{shop.address}</span> : null}
            {shop.phone ? (
              <span className="pf-shop__phone">
                {labels.field.phone} {shop.phone}
              </span>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** Category, brand and model as one line, falling back to the order's device label. */
/**
 * 维修结果 on the customer's paper for a device going back unrepaired (无法修复 or 客户拒修), so it
 * says so plainly: "无法修复 · 未修复退回" and, for 无法修复, "原因：无配件". Null for any other order.
 */
export function unrepairedLine(
  order: Pick<WorkOrderDetail, 'outcome' | 'unrepairableReason'>,
  labels: PrintLabels,
): { what: string; reason: string | null } | null {
  if (order.outcome !== 'unrepairable' && order.outcome !== 'declined') return null;
  return {
    what: `${labels.codes.outcomes[order.outcome]} · ${labels.outcome.returnedUnrepaired}`,
    reason: order.unrepairableReason
      ? labels.outcome.reason(labels.codes.unrepairableReasons[order.unrepairableReason])
      : null,
  };
}

/** The same on a narrow slip: what happened, and why on its own line. */
export function UnrepairedSlipRow({
  line,
  labels,
}: {
  line: { what: string; reason: string | null };
  labels: PrintLabels;
}) {
  return (
    <>
      <dt>{labels.outcome.label}</dt>
      <dd data-testid="print-unrepaired">
        <strong>{line.what}</strong>
        {line.reason ? <div>{line.reason}</div> : null}
      </dd>
    </>
  );
}

export function deviceLine(data: PrintData): string {
  const { device, order } = data;
  if (!device) return order.deviceLabel;
  return [device.category, device.brand, device.model].filter(Boolean).join(' ');
}

export function brandModel(data: PrintData): string {
  const { device, order } = data;
  if (!device) return order.deviceLabel;
  return [device.brand, device.model].filter(Boolean).join(' ') || '—';
}

/**
 * The fields of the device's kind, as one row of the field table: a vehicle's plate, VIN and the
 * odometer at intake; an appliance's installation address and date. Nothing for a general device.
 */
export function KindRow({ data, labels }: FormProps) {
  const { device, order } = data;
  const f = labels.field;
  if (device?.kind === 'vehicle') {
    const km = order.intakeMileage?.km;
    return (
      <tr>
        <Cell label={f.plateNo}>
          <strong data-testid="print-plate">{device.plateNo || '—'}</strong>
        </Cell>
        <Cell label={f.vin} wrap>
          <span data-testid="print-vin">
            {device.vin || '—'}
            {device.modelYear ? ` · ${f.modelYear} ${device.modelYear}` : ''}
          </span>
        </Cell>
        <Cell label={f.mileage}>
          <strong data-testid="print-mileage">
            {km === undefined ? '—' : `${km.toLocaleString('en-US')} ${f.mileageUnit}`}
          </strong>
        </Cell>
      </tr>
    );
  }
  if (device?.kind === 'appliance') {
    return (
      <tr>
        <th scope="row">{f.installAddress}</th>
        <td colSpan={3}>
          <div className="pf-wrap2" data-testid="print-install-address">
            {device.installAddress || '—'}
          </div>
        </td>
        <Cell label={f.installDate}>{device.installDate ?? '—'}</Cell>
      </tr>
    );
  }
  return null;
}

/** The checklist of accessories: every item with a drawn box, ticked when it was left. */
function AccessoryChecklist({ order, labels }: { order: WorkOrderDetail; labels: PrintLabels }) {
  const left = new Set(order.accessories);
  return (
    <div className="pf-checklist">
      {ACCESSORIES.map((item) => (
        <span key={item} className="pf-check-item" data-checked={left.has(item) || undefined}>
          <span className={left.has(item) ? 'pf-box pf-box--checked' : 'pf-box'} aria-hidden />
          {labels.codes.accessories[item]}
        </span>
      ))}
      {order.accessoriesNote ? <span className="pf-checklist__note">{order.accessoriesNote}</span> : null}
    </div>
  );
}

/**
 * The three intake rows every order form carries: the fault and the condition (shrunk to fit, down
 * to `minFont` pt) and the accessories checklist. `variant` picks the form's box heights.
 */
export function IntakeRows({
  order,
  labels,
  variant,
  minFont,
}: {
  order: WorkOrderDetail;
  labels: PrintLabels;
  variant: '' | 'job-';
  minFont: string;
}) {
  const f = labels.field;
  return (
    <>
      <tr className="pf-row-text">
        <th scope="row">{f.reportedFault}</th>
        <td colSpan={5}>
          <div className={`pf-text pf-text--${variant}fault`} data-fit data-fit-min={minFont}>
            {order.reportedFault}
          </div>
        </td>
      </tr>
      <tr>
        <th scope="row">{f.accessories}</th>
        <td colSpan={5}>
          <AccessoryChecklist order={order} labels={labels} />
        </td>
      </tr>
      <tr className="pf-row-text">
        <th scope="row">{f.condition}</th>
        <td colSpan={5}>
          <div className={`pf-text pf-text--${variant}condition`} data-fit data-fit-min={minFont}>
            {order.condition || '—'}
          </div>
        </td>
      </tr>
    </>
  );
}

/** The form's fields as a table of three label and value pairs a row (rows of `Cell`s). */
export function FieldTable({ children }: { children: ReactNode }) {
  return (
    <table className="pf-table">
      <colgroup>
        <col className="pf-col-label" />
        <col />
        <col className="pf-col-label" />
        <col />
        <col className="pf-col-label" />
        <col />
      </colgroup>
      <tbody>{children}</tbody>
    </table>
  );
}

/**
 * A label cell and a value cell. A value is one line cut with an ellipsis, or with `wrap` up to two
 * lines (serial numbers and models are worth keeping whole).
 */
export function Cell({
  label,
  children,
  wrap = false,
}: {
  label: string;
  children: ReactNode;
  wrap?: boolean;
}) {
  return (
    <>
      <th scope="row">{label}</th>
      <td>
        <div className={wrap ? 'pf-wrap2' : 'pf-nowrap'}>{children}</div>
      </td>
    </>
  );
}

/** A signature line: the label, then room to sign, or the signature the customer gave on screen. */
export function SignLine({
  label,
  hint,
  wide = false,
  image,
}: {
  label: string;
  hint?: string;
  wide?: boolean;
  /** 客户签名 taken on screen (a PNG data URL), printed on the line in place of the empty room. */
  image?: string;
}) {
  return (
    <div className={wide ? 'pf-sign pf-sign--wide' : 'pf-sign'}>
      <span className="pf-sign__label">{label}</span>
      <span className={image ? 'pf-sign__line pf-sign__line--signed' : 'pf-sign__line'}>
        {image ? <img className="pf-sign__image" src={image} alt="" data-testid="print-signature" /> : null}
        {hint ? <span className="pf-sign__hint">{hint}</span> : null}
      </span>
    </div>
  );
}

/**
 * The @page rule of a form that flows over as many A4 pages as it needs (a list, the day close):
 * margins on every page and the page number at the foot.
 */
export function flowPageRule(labels: PrintLabels): string {
  const { before, between, after } = labels.stock.pageCounter;
  const q = (text: string) => JSON.stringify(text);
  const counter = `${q(before)} counter(page) ${q(between)} counter(pages) ${q(after)}`;
  return `@page { size: A4 portrait; margin: 12mm 10mm 14mm; @bottom-center { content: ${counter}; font-size: 8pt; } }`;
}
