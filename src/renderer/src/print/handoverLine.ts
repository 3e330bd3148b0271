import { wordOf } from '@shared/labels';
import { HANDOVER_OTHER } from '@shared/schemas/handover';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import type { PrintLabels } from './labels';

/**
 * 交机 on the settlement form, one line: what went back, what did not and why, and whether the
 * customer brought the claim ticket or the ID seen instead. Null before delivery.
 */
export function handoverLine(order: WorkOrderDetail | null, labels: PrintLabels): string | null {
  const h = order?.handover;
  if (!order || !h) return null;
  const l = labels.handover;
  const name = (item: string) =>
    item === HANDOVER_OTHER ? order.accessoriesNote || l.other : wordOf(labels.codes.accessories, item);
  const back = h.items.filter((i) => i.returned).map((i) => name(i.item));
  const missing = h.items.filter((i) => !i.returned).map((i) => l.why(name(i.item), i.note));
  return [
    back.length > 0 ? `${l.returned}${l.colon}${back.join(l.list)}` : '',
    missing.length > 0 ? `${l.notReturned}${l.colon}${missing.join(l.list)}` : '',
    h.withoutTicket ? l.withoutTicket(h.idNote) : l.withTicket,
  ]
    .filter(Boolean)
    .join(l.parts);
}
