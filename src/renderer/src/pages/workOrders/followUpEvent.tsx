import type { TFunction } from 'i18next';
import type { WorkOrderEvent } from '@shared/schemas/workOrders';
import { formatDay } from '../followUps/format';

type FollowUpEvent = Extract<WorkOrderEvent, { kind: 'followUp' }>;

function line(text: string, key: string) {
  return (
    <div key={key} className="wo-timeline-note">
      {text}
    </div>
  );
}

/** 回访 on the order's timeline: the task made at delivery, each call and what it opened, an opt-out. */
export function describeFollowUp(e: FollowUpEvent, t: TFunction) {
  const data = e.data;
  switch (data.action) {
    case 'created':
      return { color: 'blue', text: t('followUps.timeline.created', { date: formatDay(data.dueAt) }) };
    case 'optedOut':
      return { color: 'gray', text: t('followUps.timeline.optedOut') };
    case 'call': {
      const lines = [
        data.state === 'pending' && data.dueAt !== undefined
          ? line(t('followUps.timeline.next', { date: formatDay(data.dueAt) }), 'next')
          : line(t('followUps.timeline.ended', { state: t(`followUpStates.${data.state}`) }), 'ended'),
        data.scores && line(t('followUps.scoresShort', data.scores), 'scores'),
        data.problemUnsolved && line(t('followUps.timeline.problemUnsolved'), 'unsolved'),
        data.complaintNo && line(t('followUps.timeline.complaint', { no: data.complaintNo }), 'complaint'),
        data.reworkOrderNo && line(t('followUps.timeline.rework', { no: data.reworkOrderNo }), 'rework'),
        e.note && line(e.note, 'note'),
      ];
      return {
        color: data.result === 'reached' ? (data.problemUnsolved ? 'red' : 'green') : 'orange',
        text: t('followUps.timeline.call', { result: t(`callResults.${data.result}`) }),
        detail: <>{lines}</>,
      };
    }
  }
}
