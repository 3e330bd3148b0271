import type { ReactNode } from 'react';
import { Flex, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type {
  APPROVAL_METHODS,
  CHARGE_EVENT_FIELDS,
  EDIT_FIELDS,
  EventData,
  PART_EVENT_FIELDS,
  WorkOrderEvent,
} from '@shared/schemas/workOrders';
import { localDate } from '@shared/dates';
import type { WarrantyStatus } from '@shared/warranty';
import { formatDateTime, formatMinute } from '../../lib/format';
import { formatYuan } from '../../lib/money';
import { describeFollowUp } from './followUpEvent';
import { describeHandover, describeSignature } from './handoverEvent';
import { describeOnsite } from './onsiteEvent';

/** What one timeline entry says: the line, what goes under it, the dot's colour. */
interface Described {
  text: ReactNode;
  detail?: ReactNode;
  color: string;
}

/** One kind of event, with its data typed by that kind. */
type EventOf<K extends WorkOrderEvent['kind']> = Extract<WorkOrderEvent, { kind: K }>;

function noteLine(text: ReactNode): ReactNode {
  return <div className="wo-timeline-note">{text}</div>;
}

function yesNo(value: boolean | undefined, t: TFunction): string {
  if (value === undefined) return t('common.none');
  return t(value ? 'timeline.yes' : 'timeline.no');
}

/** Long free text cut for the timeline (the order's page shows it whole). */
function clip(text: string | undefined, t: TFunction): string {
  if (!text) return t('common.none');
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

type EditField = Exclude<(typeof EDIT_FIELDS)[number], 'devicePassword'>;
type EditValues = EventData<'edit'>['before'];

/** An edited value as people read it: money in 元, dates, translated choices. */
function showEdited(field: EditField, values: EditValues, t: TFunction): string {
  switch (field) {
    case 'estimate':
      return values.estimate === undefined || values.estimate === null
        ? t('common.none')
        : formatYuan(values.estimate);
    case 'promisedAt':
      return values.promisedAt === undefined ? t('common.none') : formatMinute(values.promisedAt);
    case 'priority':
      return values.priority ? t(`priorities.${values.priority}`) : t('common.none');
    case 'accessories': {
      const names = (values.accessories ?? []).map((a) => t(`accessories.${a}`));
      return names.length > 0 ? names.join(t('common.listSeparator')) : t('common.none');
    }
    case 'reportedFault':
    case 'accessoriesNote':
    case 'condition':
    case 'diagnosis':
    case 'resolution':
      return clip(values[field], t);
  }
}

function warrantyName(value: WarrantyStatus, t: TFunction): string {
  return t(`warranty.${value}`);
}

/** "SCR-01 ×1、BAT-02 ×2（库存已有）" from the parts an order waits for or returned. */
function partList(
  list: readonly { partCode: string; qty: number; arrived?: boolean }[],
  t: TFunction,
): string {
  return list
    .map((p) => `${p.partCode} ×${p.qty}${p.arrived ? t('timeline.waitOnShelf') : ''}`)
    .join(t('common.listSeparator'));
}

type PartField = (typeof PART_EVENT_FIELDS)[number];
type PartValues = Extract<EventData<'parts'>, { action: 'update' }>['before'];

/** A part line's edited value as people read it. */
function showPartValue(field: PartField, values: PartValues, t: TFunction): string {
  switch (field) {
    case 'unitPrice':
      return values.unitPrice === undefined ? t('common.none') : formatYuan(values.unitPrice);
    case 'coveredByWarranty':
    case 'oldPartRma':
      return yesNo(values[field], t);
    case 'oldPartSerial':
      return values.oldPartSerial || t('common.none');
  }
}

/** A part line added (with its issue document), edited (what changed) or removed (its return document). */
function describePart(e: EventOf<'parts'>, t: TFunction): Described {
  const reason = e.note ? noteLine(t('timeline.reason', { reason: e.note })) : undefined;
  const data = e.data;
  switch (data.action) {
    case 'add':
    case 'remove': {
      const part = { code: data.partCode, name: data.partName, qty: data.qty, docNo: data.docNo };
      return data.action === 'add'
        ? { color: 'blue', text: t('timeline.partAdded', part), detail: reason }
        : { color: 'orange', text: t('timeline.partRemoved', part), detail: reason };
    }
    case 'returnAll':
      // Cancelling the order put every line back in one return document.
      return {
        color: 'orange',
        text: t('timeline.partsReturnedAll', { docNo: data.docNo }),
        detail: noteLine(partList(data.lines, t)),
      };
    case 'update':
      return {
        color: 'gray',
        text: t('timeline.partEdited', { code: data.partCode, name: data.partName }),
        detail: (
          <>
            {data.fields.map((f) => (
              <div key={f} className="wo-timeline-note">
                {t('timeline.change', {
                  field: t(`timeline.partFields.${f}`),
                  from: showPartValue(f, data.before, t),
                  to: showPartValue(f, data.after, t),
                })}
              </div>
            ))}
            {reason}
          </>
        ),
      };
  }
}

/** The manager who approved, when the event says one did. */
function approvedNote(approvedBy: { username: string } | undefined, t: TFunction): ReactNode {
  return approvedBy ? noteLine(t('timeline.approvedBy', { name: approvedBy.username })) : null;
}

type ChargeField = Exclude<(typeof CHARGE_EVENT_FIELDS)[number], 'technicianId'>;
type ChargeValues = Extract<EventData<'charges'>, { action: 'update' }>['before'];

/** A labor or fee line's edited value as people read it (a technician is named on the line). */
function showChargeValue(field: ChargeField, values: ChargeValues, t: TFunction): string {
  switch (field) {
    case 'amount':
      return values.amount === undefined ? t('common.none') : formatYuan(values.amount);
    case 'hours':
      return values.hours === undefined ? t('common.none') : String(values.hours);
    case 'coveredByWarranty':
      return yesNo(values.coveredByWarranty, t);
  }
}

/** A labor or fee line added, edited (what changed) or removed. */
function describeCharge(e: EventOf<'charges'>, t: TFunction): Described {
  const data = e.data;
  switch (data.action) {
    case 'add':
      return {
        color: 'blue',
        text: t('timeline.chargeAdded', {
          kind: t(`lineKinds.${data.kind}`),
          name: data.name,
          amount: formatYuan(data.amount),
        }),
        detail: (
          <>
            {data.coveredByWarranty && noteLine(t('timeline.chargeCovered'))}
            {approvedNote(data.approvedBy, t)}
          </>
        ),
      };
    case 'remove':
      return {
        color: 'orange',
        text: t('timeline.chargeRemoved', { name: data.name, amount: formatYuan(data.amount) }),
      };
    case 'update':
      return {
        color: 'gray',
        text: t('timeline.chargeEdited', { name: data.name }),
        detail: (
          <>
            {data.fields.map((f) => (
              <div key={f} className="wo-timeline-note">
                {f === 'technicianId'
                  ? t('timeline.technicianChanged')
                  : t('timeline.change', {
                      field: t(`timeline.chargeFields.${f}`),
                      from: showChargeValue(f, data.before, t),
                      to: showChargeValue(f, data.after, t),
                    })}
              </div>
            ))}
            {approvedNote(data.approvedBy, t)}
          </>
        ),
      };
  }
}

/**
 * A settlement made or voided, a payment or a refund taken on it. A role that may not read
 * settlements gets the brief form (no money fields): it says what happened and to which one.
 */
function describeSettlement(e: EventOf<'settlement'>, t: TFunction): Described {
  const data = e.data;
  const no = data.settlementNo;
  const reason = e.note ? noteLine(t('timeline.reason', { reason: e.note })) : null;
  switch (data.action) {
    case 'pay':
    case 'refund': {
      const refund = data.action === 'refund';
      if (!('amount' in data)) {
        return {
          color: refund ? 'red' : 'green',
          text: t(refund ? 'timeline.settlementRefundedBrief' : 'timeline.settlementPaidBrief', { no }),
        };
      }
      const money = {
        amount: formatYuan(Math.abs(data.amount)),
        method: t(`paymentMethods.${data.method}`),
        no,
      };
      return {
        color: refund ? 'red' : 'green',
        text: t(refund ? 'timeline.settlementRefunded' : 'timeline.settlementPaid', money),
        detail: (
          <>
            {!refund &&
              data.tendered !== undefined &&
              data.change !== undefined &&
              noteLine(
                t('timeline.settlementChange', {
                  tendered: formatYuan(data.tendered),
                  change: formatYuan(data.change),
                }),
              )}
            {refund && data.reason && noteLine(t('timeline.reason', { reason: data.reason }))}
            {noteLine(
              t('timeline.settlementStatus', {
                status: t(`paymentStatuses.${data.paymentStatus}`),
              }),
            )}
            {approvedNote(data.approvedBy, t)}
          </>
        ),
      };
    }
    case 'void':
      return {
        color: 'red',
        text: t('timeline.settlementVoided', { no }),
        detail: (
          <>
            {reason}
            {'approvedBy' in data && approvedNote(data.approvedBy, t)}
          </>
        ),
      };
    case 'create': {
      const note = e.note ? noteLine(e.note) : null;
      if (!('total' in data)) {
        return { color: 'blue', text: t('timeline.settlementCreatedBrief', { no }), detail: note };
      }
      return {
        color: 'blue',
        text: t('timeline.settlementCreated', { no, total: formatYuan(data.total) }),
        detail: (
          <>
            {data.discountAmount > 0 &&
              noteLine(t('timeline.settlementDiscount', { amount: formatYuan(data.discountAmount) }))}
            {data.deposit !== undefined &&
              noteLine(t('timeline.settlementDeposit', { amount: formatYuan(data.deposit) }))}
            {approvedNote(data.approvedBy, t)}
            {note}
          </>
        ),
      };
    }
  }
}

/** 订金 taken or given back; a role that may not read money sees only which. */
function describeDeposit(e: EventOf<'deposit'>, t: TFunction): Described {
  const data = e.data;
  const refund = data.action === 'refund';
  const color = refund ? 'red' : 'green';
  if (!('amount' in data)) {
    return { color, text: t(refund ? 'timeline.depositRefundedBrief' : 'timeline.depositTakenBrief') };
  }
  const money = { amount: formatYuan(Math.abs(data.amount)), method: t(`paymentMethods.${data.method}`) };
  return {
    color,
    text: t(refund ? 'timeline.depositRefunded' : 'timeline.depositTaken', money),
    detail: (
      <>
        {e.note && noteLine(t('timeline.reason', { reason: e.note }))}
        {noteLine(t('timeline.depositHeld', { amount: formatYuan(data.held) }))}
        {data.action === 'refund' && approvedNote(data.approvedBy, t)}
      </>
    ),
  };
}

/** The customer's yes (who, how and, when recorded, the quote approved) as one line. */
function approvalLine(
  approval: { by: string; method: (typeof APPROVAL_METHODS)[number]; amount?: number | null },
  t: TFunction,
): string {
  const line = t('timeline.approval', { by: approval.by, method: t(`approvalMethods.${approval.method}`) });
  return approval.amount === undefined || approval.amount === null
    ? line
    : `${line} · ${formatYuan(approval.amount)}`;
}

/** What one timeline entry says, by its kind. */
function describe(e: WorkOrderEvent, t: TFunction): Described {
  const note = e.note ? noteLine(e.note) : undefined;
  switch (e.kind) {
    case 'created': {
      const estimate = e.data.estimate;
      return {
        color: 'blue',
        text: t('timeline.created', { orderNo: e.data.orderNo }),
        detail: (
          <>
            {noteLine(t('timeline.warrantyComputed', { status: warrantyName(e.data.warrantyComputed, t) }))}
            {estimate !== undefined &&
              estimate !== null &&
              noteLine(t('timeline.intakeEstimate', { amount: formatYuan(estimate) }))}
            {e.data.mileageKm !== undefined &&
              noteLine(
                t('timeline.intakeMileage', {
                  km: e.data.mileageKm.toLocaleString(),
                  reason: e.data.mileageReason
                    ? t('timeline.mileageReason', { reason: e.data.mileageReason })
                    : '',
                }),
              )}
          </>
        ),
      };
    }
    case 'status':
      return {
        color:
          e.toStatus === 'cancelled' || e.toStatus === 'declined' || e.toStatus === 'unrepairable'
            ? 'red'
            : e.toStatus === 'onHold'
              ? 'gray'
              : 'green',
        text: t('timeline.status', {
          from: e.fromStatus ? t(`statuses.${e.fromStatus}`) : '',
          to: e.toStatus ? t(`statuses.${e.toStatus}`) : '',
        }),
        detail: (
          <>
            {e.data?.approval && noteLine(approvalLine(e.data.approval, t))}
            {e.data?.waitingFor &&
              noteLine(t('timeline.waitingFor', { parts: partList(e.data.waitingFor, t) }))}
            {e.data?.unrepairableReason &&
              noteLine(
                t('timeline.unrepairableReason', {
                  reason: t(`unrepairableReasons.${e.data.unrepairableReason}`),
                }),
              )}
            {e.data?.recallAt !== undefined &&
              noteLine(t('timeline.recallAt', { date: localDate(e.data.recallAt) }))}
            {e.data?.promisedAt !== undefined &&
              noteLine(t('timeline.promisedMoved', { time: formatMinute(e.data.promisedAt) }))}
            {note}
          </>
        ),
      };
    case 'assign': {
      const { from, to } = e.data;
      const text =
        to === null
          ? t('timeline.unassign', { from: from?.name ?? '' })
          : from === null
            ? t('timeline.assign', { to: to.name })
            : t('timeline.reassign', { from: from.name ?? '', to: to.name });
      return { color: 'blue', text, detail: note };
    }
    case 'edit': {
      const { fields, before, after } = e.data;
      return {
        color: 'gray',
        text: t('timeline.edit', {
          fields: fields.map((f) => t(`fieldNames.${f}`)).join(t('common.listSeparator')),
        }),
        detail: (
          <>
            {fields.map((f) =>
              f === 'devicePassword' ? null : (
                <div key={f} className="wo-timeline-note">
                  {t('timeline.change', {
                    field: t(`fieldNames.${f}`),
                    from: showEdited(f, before, t),
                    to: showEdited(f, after, t),
                  })}
                </div>
              ),
            )}
          </>
        ),
      };
    }
    case 'note':
      return { color: 'gray', text: t('timeline.note'), detail: note };
    case 'warranty':
      return {
        color: 'orange',
        text: t('timeline.warranty', {
          from: warrantyName(e.data.from, t),
          to: warrantyName(e.data.to, t),
        }),
        detail: e.note ? noteLine(t('timeline.reason', { reason: e.note })) : undefined,
      };
    case 'attachment':
      return { color: 'gray', text: t('timeline.attachment', { name: e.data.fileName }) };
    case 'approval':
      // A renewed approval: the new amount the customer said yes to, who and how.
      return {
        color: 'green',
        text: t('timeline.renewed', {
          amount: formatYuan(e.data.amount),
          previous: formatYuan(e.data.previous),
        }),
        detail: (
          <>
            {noteLine(approvalLine(e.data.approval, t))}
            {note}
          </>
        ),
      };
    case 'complaint':
      // 投诉 about this order: taken, and each of its steps (the complaint's page has the rest).
      return {
        color: e.data.to === 'closed' ? 'green' : 'volcano',
        text: (
          <Link to={`/complaints/${e.data.complaintId}`} data-testid="wo-complaint-link">
            {e.data.action === 'created'
              ? t('complaints.timeline.created', { no: e.data.complaintNo })
              : t('complaints.timeline.status', {
                  no: e.data.complaintNo,
                  status: e.data.to ? t(`complaintStatuses.${e.data.to}`) : '',
                })}
          </Link>
        ),
        detail: e.note ? noteLine(e.note) : undefined,
      };
    case 'parts':
      return describePart(e, t);
    case 'partArrived':
      return {
        color: 'green',
        text: t('timeline.partArrived', {
          code: e.data.partCode,
          name: e.data.partName,
          docNo: e.data.docNo,
        }),
      };
    case 'charges':
      return describeCharge(e, t);
    case 'settlement':
      return describeSettlement(e, t);
    case 'followUp':
      return describeFollowUp(e, t);
    case 'signature':
      return describeSignature(e, t);
    case 'handover':
      return describeHandover(e, t);
    case 'message':
      // A message to the customer: which, on what, and what became of it (the outbox has its text).
      return {
        color: e.data.state === 'sent' ? 'green' : e.data.state === 'failed' ? 'red' : 'gray',
        text: t('messages.timeline.line', {
          event: t(`messageEvents.${e.data.event}`),
          channel: t(`messageChannels.${e.data.channel}`),
          state: t(`outboxStates.${e.data.state}`),
        }),
        detail: e.data.reason
          ? noteLine(
              `${t(`outboxReasons.${e.data.reason}`)}${e.data.providerReason ? `：${e.data.providerReason}` : ''}`,
            )
          : undefined,
      };
    case 'deposit':
      return describeDeposit(e, t);
    case 'onsite':
      return describeOnsite(e, t);
  }
}

/** Every move, assignment and edit of the order: who, when, what. Newest first. */
export function WorkOrderTimeline({ events }: { events: WorkOrderEvent[] }) {
  const { t } = useTranslation();
  const sorted = [...events].sort((a, b) => b.at - a.at);
  return (
    <Timeline
      data-testid="wo-timeline"
      items={sorted.map((e) => {
        const { text, detail, color } = describe(e, t);
        return {
          key: e.id,
          color,
          content: (
            <Flex vertical gap={2} data-testid="wo-event" data-kind={e.kind} data-to={e.toStatus ?? ''}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.at)} · {e.username ?? t('common.system')}
                {e.terminalName && ` · ${e.terminalName}`}
              </Typography.Text>
              <span>{text}</span>
              {detail}
            </Flex>
          ),
        };
      })}
    />
  );
}
