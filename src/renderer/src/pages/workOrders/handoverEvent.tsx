import type { TFunction } from 'i18next';
import type { WorkOrderEvent } from '@shared/schemas/workOrders';
import { HANDOVER_OTHER } from '@shared/schemas/handover';

type SignatureEvent = Extract<WorkOrderEvent, { kind: 'signature' }>;
type HandoverEvent = Extract<WorkOrderEvent, { kind: 'handover' }>;

function line(text: string, key: string) {
  return (
    <div key={key} className="wo-timeline-note">
      {text}
    </div>
  );
}

/** A checklist line's name: the accessory, or 其他 for the free-text items of the intake. */
export function handoverItemName(item: string, t: TFunction, otherNote = ''): string {
  if (item === HANDOVER_OTHER) {
    return otherNote ? t('handover.other', { note: otherNote }) : t('handover.otherItems');
  }
  return t(`accessories.${item}`, { defaultValue: item });
}

/** 客户签名 for intake on the order's timeline. */
export function describeSignature(e: SignatureEvent, t: TFunction) {
  // The pickup signature is part of the hand-over's entry; the 上门 report's has an entry of its own.
  if (e.data.kind === 'onsite') return { color: 'blue', text: t('onsite.timeline.signed') };
  return { color: 'blue', text: t('handover.timeline.intakeSigned') };
}

/** 交机 on the order's timeline: what went back, what did not and why, the ticket or the ID, the signature. */
export function describeHandover(e: HandoverEvent, t: TFunction) {
  const { items, withoutTicket, idNote, signatureId } = e.data;
  const back = items.filter((i) => i.returned).map((i) => handoverItemName(i.item, t));
  const lines = [
    back.length > 0 &&
      line(t('handover.timeline.returnedItems', { items: back.join(t('common.listSeparator')) }), 'back'),
    ...items
      .filter((i) => !i.returned)
      .map((i) =>
        line(t('handover.timeline.notReturned', { item: handoverItemName(i.item, t), note: i.note }), i.item),
      ),
    withoutTicket
      ? line(
          idNote
            ? t('handover.timeline.withoutTicket', { idNote })
            : t('handover.timeline.withoutTicketNoId'),
          'ticket',
        )
      : line(t('handover.timeline.withTicket'), 'ticket'),
    signatureId && line(t('handover.timeline.pickupSigned'), 'signed'),
  ];
  return {
    color: items.some((i) => !i.returned) ? 'orange' : 'green',
    text: t('handover.timeline.handover'),
    detail: <>{lines}</>,
  };
}
