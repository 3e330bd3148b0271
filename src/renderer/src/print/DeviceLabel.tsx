import { localDate } from '@shared/dates';
import type { LabelSize } from '@shared/schemas/settings';
import { Code128 } from './Barcode';
import { deviceLine, type FormProps } from './parts';
import { maskName, phoneTail } from './slipText';
import './deviceLabel.css';

/** The label's paper, as the @page rule and the sheet both size it (width × height, mm). */
export const LABEL_PAPER: Record<LabelSize, { width: number; height: number }> = {
  '50x30': { width: 50, height: 30 },
  '40x30': { width: 40, height: 30 },
};

/**
 * 设备标签: stuck on the device or its bag at intake. The order number as a Code 128 barcode (the
 * search box finds the order by it) and in print, the customer's surname and phone tail (the label
 * is on the shelf for anyone to see), the device and the promised date. One label, one page.
 */
export function DeviceLabel({ data, labels }: FormProps) {
  const { order, settings } = data;
  const size = settings.counter.labelSize;
  const narrow = size === '40x30';
  return (
    <div className={`pf-sheet pf-sheet--label pf-sheet--label-${size}`} data-testid="print-device-label">
      <div className="pf-label__code">
        <Code128 value={order.orderNo} moduleMm={narrow ? 0.15 : 0.19} heightMm={11} />
      </div>
      <div className="pf-label__no">{order.orderNo}</div>
      <div className="pf-label__who">
        <span>{maskName(order.customerName)}</span>
        <span>{phoneTail(order.customerPhone).replace(/^\*+/, '')}</span>
      </div>
      <div className="pf-label__device">{deviceLine(data)}</div>
      <div className="pf-label__due">
        {labels.deviceLabel.promised} {localDate(order.promisedAt)}
      </div>
    </div>
  );
}
