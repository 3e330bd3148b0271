import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { WorkOrderEvent } from '@shared/schemas/workOrders';
import { formatYuan } from '../../lib/money';

type OnsiteEvent = Extract<WorkOrderEvent, { kind: 'onsite' }>;
type WindowValues = Partial<{
  address: string;
  day: string;
  fromTime: string;
  toTime: string;
  technicians: string[];
  travelFee: number;
}>;

/** One field of the visit as the timeline words it. */
function valueOf(field: keyof WindowValues, values: WindowValues, t: TFunction): string {
  const v = values[field];
  if (v === undefined) return '';
  if (field === 'travelFee') return formatYuan(v as number);
  if (Array.isArray(v)) return v.length > 0 ? v.join(t('common.listSeparator')) : t('onsite.timeline.none');
  return String(v);
}

const FIELD_WORDS = {
  address: 'onsite.address',
  day: 'onsite.day',
  fromTime: 'onsite.from',
  toTime: 'onsite.to',
  technicians: 'onsite.technicians',
  travelFee: 'onsite.travelFeeShort',
} as const satisfies Record<keyof WindowValues, string>;

/** 上门: scheduled, changed (each field before → after), arrival and finish. */
export function describeOnsite(e: OnsiteEvent, t: TFunction): { color: string; text: ReactNode } {
  const d = e.data;
  switch (d.action) {
    case 'schedule':
      return {
        color: 'blue',
        text: t('onsite.timeline.schedule', {
          day: d.day,
          from: d.fromTime,
          to: d.toTime,
          address: d.address,
          technicians:
            d.technicians.length > 0
              ? d.technicians.join(t('common.listSeparator'))
              : t('onsite.timeline.none'),
          fee: formatYuan(d.travelFee),
        }),
      };
    case 'change':
      return {
        color: 'blue',
        text: t('onsite.timeline.change', {
          changes: d.fields
            .map((f) =>
              t('onsite.timeline.field', {
                field: t(FIELD_WORDS[f]),
                before: valueOf(f, d.before, t),
                after: valueOf(f, d.after, t),
              }),
            )
            .join('；'),
        }),
      };
    case 'arrive':
      return { color: 'green', text: t('onsite.timeline.arrive') };
    case 'finish':
      return { color: 'green', text: t('onsite.timeline.finish') };
  }
}
