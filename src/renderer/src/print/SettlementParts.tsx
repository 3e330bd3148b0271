import type { Device } from '@shared/schemas/devices';
import type { SettingsView } from '@shared/schemas/settings';
import { lineCover, type Payment, type Settlement, type SettlementLine } from '@shared/schemas/settlements';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { formatMinute } from '../lib/format';
import { formatYuan } from '../lib/money';
import type { PrintLabels } from './labels';

/** Everything a 结算单 shows: the settlement, its order and device (for phone and serial), the shop. */
export interface SettlementPrintData {
  settlement: Settlement;
  /** Null when the order cannot be read; the settlement's own names stand in. */
  order: WorkOrderDetail | null;
  device: Device | null;
  settings: SettingsView;
}

export interface SettlementFormProps {
  data: SettlementPrintData;
  labels: PrintLabels;
}

/** Brand and model, falling back to the settlement's device label. */
export function settlementDevice({ settlement, device }: SettlementPrintData): string {
  const brandModel = device ? [device.brand, device.model].filter(Boolean).join(' ') : '';
  return brandModel || settlement.deviceLabel;
}

/** 现金, or 退款 · 微信支付 for a refund, 作废冲销 · 现金 for a void's reversing entry. */
export function paymentLabel(p: Payment, labels: PrintLabels): string {
  const s = labels.settlement;
  const method = labels.codes.paymentMethodsOnPaper[p.method];
  if (p.reversesId !== null) return `${s.reversal} · ${method}`;
  if (p.amount < 0) return `${s.refund} · ${method}`;
  return method;
}

/** What the customer handed over and got back in cash, or the refund's reason, the reference, the approver. */
export function paymentDetail(p: Payment, labels: PrintLabels): string {
  const s = labels.settlement;
  const parts: string[] = [];
  if (p.tendered !== null && p.amount > 0) {
    parts.push(`${s.tendered} ${formatYuan(p.tendered)}`, `${s.change} ${formatYuan(p.change ?? 0)}`);
  }
  if (p.reason) parts.push(p.reason);
  if (p.reference) parts.push(p.reference);
  if (p.approvedByName) parts.push(`${s.approvedBy} ${p.approvedByName}`);
  return parts.join(' · ');
}

interface TotalRow {
  key: 'listTotal' | 'warrantyRelief' | 'subtotal' | 'discount' | 'rounding' | 'total';
  label: string;
  value: string;
}

/**
 * The way from the lines to the amount due, top to bottom: the lines at list price, less what the
 * warranty covers (= the subtotal), less the discount, plus or minus the rounding, = the total.
 */
export function totalRows(s: Settlement, labels: PrintLabels): TotalRow[] {
  const l = labels.settlement;
  const minus = (fen: number) => (fen > 0 ? `-${formatYuan(fen)}` : formatYuan(0));
  const discountLabel = s.discountType === 'percent' ? `${l.discount} (${s.discountValue}%)` : l.discount;
  return [
    { key: 'listTotal', label: l.listTotal, value: formatYuan(s.subtotal + s.warrantyValue) },
    { key: 'warrantyRelief', label: l.warrantyRelief, value: minus(s.warrantyValue) },
    { key: 'subtotal', label: l.subtotal, value: formatYuan(s.subtotal) },
    { key: 'discount', label: discountLabel, value: minus(s.discountAmount) },
    {
      key: 'rounding',
      label: l.rounding,
      value: s.rounding > 0 ? `+${formatYuan(s.rounding)}` : formatYuan(s.rounding),
    },
    { key: 'total', label: l.total, value: formatYuan(s.total) },
  ];
}

/**
 * 已付 ¥x (含订金 ¥d) · 未付 ¥y (多付 when a refund is still owed) · 应退订金 ¥r · the status, or 已作废.
 */
export function paidLine(s: Settlement, labels: PrintLabels): string {
  const l = labels.settlement;
  const balance =
    s.balance >= 0 ? `${l.balance} ${formatYuan(s.balance)}` : `${l.overpaid} ${formatYuan(-s.balance)}`;
  const deposit = s.depositCredited > 0 ? l.depositIncluded(formatYuan(s.depositCredited)) : '';
  const refundDue =
    s.depositRefundDue > 0 ? ` · ${l.depositRefundDue} ${formatYuan(s.depositRefundDue)}` : '';
  return `${l.paid} ${formatYuan(s.paid)}${deposit} · ${balance}${refundDue} · ${statusWord(s, labels)}`;
}

/** 已作废, or what the customer has paid: 未付款, 部分付款, 已付清. */
export function statusWord(s: Settlement, labels: PrintLabels): string {
  const { codes } = labels;
  return s.status === 'void' ? codes.settlementStatuses.void : codes.paymentStatusesOnPaper[s.paymentStatus];
}

/** When, by whom and why a settlement was voided. */
export function voidLine(s: Settlement): string {
  const when = s.voidedAt === null ? '' : formatMinute(s.voidedAt);
  return [when, s.voidedBy ?? '', s.voidReason ?? ''].filter(Boolean).join(' · ');
}

/** A large diagonal 作废 / VOID over a voided settlement's every page, under the text. */
/** 保修 or 合同 before a free line's name on paper; nothing for a line the customer pays. */
export function CoverTag({ line, l }: { line: SettlementLine; l: PrintLabels['settlement'] }) {
  const cover = lineCover(line);
  if (cover === null) return null;
  return <span className="pf-tag">{cover === 'warranty' ? l.warrantyTag : l.contractTag}</span>;
}

export function VoidMark({ labels }: { labels: PrintLabels }) {
  return (
    <div className="pf-void-mark" aria-hidden data-testid="print-void-mark">
      <span>{labels.settlement.voidMark}</span>
    </div>
  );
}

/**
 * The repair warranty in days from the settings (none when the shop gives none, and none for a
 * device going back unrepaired: nothing was repaired), then the shop's terms.
 */
export function settlementTerms(settings: SettingsView, labels: PrintLabels, unrepaired = false): string {
  const days = unrepaired ? 0 : settings.counter.repairWarrantyDays;
  const warranty = days > 0 ? labels.settlement.repairWarranty(days) : '';
  return [warranty, settings.counter.terms.trim()].filter(Boolean).join('\n');
}
