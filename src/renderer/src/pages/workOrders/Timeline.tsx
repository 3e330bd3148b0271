import type { ReactNode } from 'react';
import { Flex, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ACCESSORIES, APPROVAL_METHODS, type WorkOrderEvent } from '@shared/schemas/workOrders';
import { PRIORITIES } from '@shared/schemas/settings';
import { PAYMENT_METHODS, PAYMENT_STATUSES } from '@shared/schemas/settlements';
import { WARRANTY_STATUSES } from '@shared/warranty';
import { formatDateTime, formatMinute } from '../../components/format';
import { formatYuan } from '../../components/money';
import { zhCN } from '../../i18n/zh-CN';

type Data = Record<string, unknown> | null;
type EditableField = keyof typeof zhCN.workOrderFields;

function str(data: Data, key: string): string | null {
  const value = data?.[key];
  return typeof value === 'string' ? value : null;
}

function nameOf(data: Data, key: string): string | null {
  const value = data?.[key];
  if (typeof value !== 'object' || value === null) return null;
  const name = (value as Record<string, unknown>).name;
  return typeof name === 'string' ? name : '';
}

function isField(name: string): name is EditableField {
  return Object.hasOwn(zhCN.workOrderFields, name);
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** An edited value as people read it: money in 元, dates, translated choices. */
function showValue(field: string, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (field === 'estimate' && typeof value === 'number') return formatYuan(value);
  if (field === 'promisedAt' && typeof value === 'number') return formatMinute(value);
  if (field === 'priority' && isOneOf(PRIORITIES, value)) return t(`priorities.${value}`);
  if (field === 'accessories' && Array.isArray(value)) {
    const names = value.filter((v) => isOneOf(ACCESSORIES, v)).map((v) => t(`accessories.${v}`));
    return names.length > 0 ? names.join(t('common.listSeparator')) : t('common.none');
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function warrantyName(value: unknown, t: TFunction): string {
  return isOneOf(WARRANTY_STATUSES, value) ? t(`warranty.${value}`) : String(value ?? '');
}

function num(data: Data, key: string): number | null {
  const value = data?.[key];
  return typeof value === 'number' ? value : null;
}

const PART_FIELDS = ['unitPrice', 'coveredByWarranty', 'oldPartSerial', 'oldPartRma'] as const;
type PartField = (typeof PART_FIELDS)[number];

/** "SCR-01 ×1、BAT-02 ×2" from a list of { partCode, qty } in the event's data. */
function partList(data: Data, key: string, t: TFunction): string {
  const list = data?.[key];
  if (!Array.isArray(list)) return '';
  return list
    .map((item: unknown) => {
      const entry = typeof item === 'object' && item !== null ? (item as Data) : null;
      const mark = entry?.arrived === true ? t('timeline.waitOnShelf') : '';
      return `${str(entry, 'partCode') ?? ''} ×${num(entry, 'qty') ?? 0}${mark}`;
    })
    .join(t('common.listSeparator'));
}

/** A part line's edited value as people read it. */
function showPartValue(field: PartField, value: unknown, t: TFunction): string {
  if (field === 'unitPrice' && typeof value === 'number') return formatYuan(value);
  if (typeof value === 'boolean') return t(value ? 'timeline.yes' : 'timeline.no');
  return typeof value === 'string' && value ? value : t('common.none');
}

/** A part line added (with its issue document), edited (what changed) or removed (its return document). */
function describePart(
  e: WorkOrderEvent,
  t: TFunction,
): { text: ReactNode; detail?: ReactNode; color: string } {
  const part = {
    code: str(e.data, 'partCode') ?? '',
    name: str(e.data, 'partName') ?? '',
    qty: num(e.data, 'qty') ?? 0,
    docNo: str(e.data, 'docNo') ?? '',
  };
  const note = e.note ? (
    <div className="wo-timeline-note">{t('timeline.reason', { reason: e.note })}</div>
  ) : undefined;
  switch (str(e.data, 'action')) {
    case 'add':
      return { color: 'blue', text: t('timeline.partAdded', part), detail: note };
    case 'remove':
      return { color: 'orange', text: t('timeline.partRemoved', part), detail: note };
    case 'returnAll':
      // Cancelling the order put every line back in one return document.
      return {
        color: 'orange',
        text: t('timeline.partsReturnedAll', { docNo: part.docNo }),
        detail: <div className="wo-timeline-note">{partList(e.data, 'lines', t)}</div>,
      };
    case 'update':
    default: {
      const before = (e.data?.before ?? {}) as Record<string, unknown>;
      const after = (e.data?.after ?? {}) as Record<string, unknown>;
      const changed = PART_FIELDS.filter((f) => Object.hasOwn(after, f));
      return {
        color: 'gray',
        text: t('timeline.partEdited', part),
        detail: (
          <>
            {changed.map((f) => (
              <div key={f} className="wo-timeline-note">
                {t('timeline.change', {
                  field: t(`timeline.partFields.${f}`),
                  from: showPartValue(f, before[f], t),
                  to: showPartValue(f, after[f], t),
                })}
              </div>
            ))}
            {note}
          </>
        ),
      };
    }
  }
}

const CHARGE_FIELDS = ['technicianId', 'hours', 'amount', 'coveredByWarranty'] as const;
type ChargeField = (typeof CHARGE_FIELDS)[number];

/** The manager who approved (their user name), when the event says one did. */
function approverOf(data: Data): string | null {
  const by = data?.approvedBy;
  if (typeof by !== 'object' || by === null) return null;
  const username = (by as Record<string, unknown>).username;
  return typeof username === 'string' ? username : null;
}

function approvedNote(data: Data, t: TFunction): ReactNode {
  const by = approverOf(data);
  return by ? <div className="wo-timeline-note">{t('timeline.approvedBy', { name: by })}</div> : null;
}

/** A labor or fee line's edited value as people read it (a technician is named on the line). */
function showChargeValue(field: ChargeField, value: unknown, t: TFunction): string {
  if (field === 'amount' && typeof value === 'number') return formatYuan(value);
  if (field === 'hours' && typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return t(value ? 'timeline.yes' : 'timeline.no');
  return t('common.none');
}

/** A labor or fee line added, edited (what changed) or removed. */
function describeCharge(
  e: WorkOrderEvent,
  t: TFunction,
): { text: ReactNode; detail?: ReactNode; color: string } {
  const name = str(e.data, 'name') ?? '';
  const amount = formatYuan(num(e.data, 'amount') ?? 0);
  switch (str(e.data, 'action')) {
    case 'add': {
      const kind = str(e.data, 'kind') === 'fee' ? 'fee' : 'labor';
      return {
        color: 'blue',
        text: t('timeline.chargeAdded', { kind: t(`lineKinds.${kind}`), name, amount }),
        detail: (
          <>
            {e.data?.coveredByWarranty === true && (
              <div className="wo-timeline-note">{t('timeline.chargeCovered')}</div>
            )}
            {approvedNote(e.data, t)}
          </>
        ),
      };
    }
    case 'remove':
      return { color: 'orange', text: t('timeline.chargeRemoved', { name, amount }) };
    case 'update':
    default: {
      const before = (e.data?.before ?? {}) as Record<string, unknown>;
      const after = (e.data?.after ?? {}) as Record<string, unknown>;
      const changed = CHARGE_FIELDS.filter((f) => Object.hasOwn(after, f));
      return {
        color: 'gray',
        text: t('timeline.chargeEdited', { name }),
        detail: (
          <>
            {changed.map((f) => (
              <div key={f} className="wo-timeline-note">
                {f === 'technicianId'
                  ? t('timeline.technicianChanged')
                  : t('timeline.change', {
                      field: t(`timeline.chargeFields.${f}`),
                      from: showChargeValue(f, before[f], t),
                      to: showChargeValue(f, after[f], t),
                    })}
              </div>
            ))}
            {approvedNote(e.data, t)}
          </>
        ),
      };
    }
  }
}

/** A settlement made or voided, a payment or a refund taken on it. */
function describeSettlement(
  e: WorkOrderEvent,
  t: TFunction,
): { text: ReactNode; detail?: ReactNode; color: string } {
  const no = str(e.data, 'settlementNo') ?? '';
  const method = str(e.data, 'method');
  const methodName = method && isOneOf(PAYMENT_METHODS, method) ? t(`paymentMethods.${method}`) : '';
  const status = str(e.data, 'paymentStatus');
  const statusNote =
    status && isOneOf(PAYMENT_STATUSES, status) ? (
      <div className="wo-timeline-note">
        {t('timeline.settlementStatus', { status: t(`paymentStatuses.${status}`) })}
      </div>
    ) : null;
  const note = e.note ? <div className="wo-timeline-note">{e.note}</div> : null;
  // A role that may not read settlements gets the event without its money (the server drops it).
  const amount = num(e.data, 'amount');
  const total = num(e.data, 'total');
  switch (str(e.data, 'action')) {
    case 'pay': {
      const tendered = num(e.data, 'tendered');
      const change = num(e.data, 'change');
      return {
        color: 'green',
        text:
          amount === null
            ? t('timeline.settlementPaidBrief', { no })
            : t('timeline.settlementPaid', { amount: formatYuan(amount), method: methodName, no }),
        detail: (
          <>
            {tendered !== null && change !== null && (
              <div className="wo-timeline-note">
                {t('timeline.settlementChange', {
                  tendered: formatYuan(tendered),
                  change: formatYuan(change),
                })}
              </div>
            )}
            {statusNote}
            {approvedNote(e.data, t)}
          </>
        ),
      };
    }
    case 'refund':
      return {
        color: 'red',
        text:
          amount === null
            ? t('timeline.settlementRefundedBrief', { no })
            : t('timeline.settlementRefunded', {
                amount: formatYuan(Math.abs(amount)),
                method: methodName,
                no,
              }),
        detail: (
          <>
            {str(e.data, 'reason') && (
              <div className="wo-timeline-note">
                {t('timeline.reason', { reason: str(e.data, 'reason') })}
              </div>
            )}
            {statusNote}
            {approvedNote(e.data, t)}
          </>
        ),
      };
    case 'void':
      return {
        color: 'red',
        text: t('timeline.settlementVoided', { no }),
        detail: (
          <>
            {e.note && <div className="wo-timeline-note">{t('timeline.reason', { reason: e.note })}</div>}
            {approvedNote(e.data, t)}
          </>
        ),
      };
    case 'create':
    default: {
      const discount = num(e.data, 'discountAmount') ?? 0;
      return {
        color: 'blue',
        text:
          total === null
            ? t('timeline.settlementCreatedBrief', { no })
            : t('timeline.settlementCreated', { no, total: formatYuan(total) }),
        detail: (
          <>
            {discount > 0 && (
              <div className="wo-timeline-note">
                {t('timeline.settlementDiscount', { amount: formatYuan(discount) })}
              </div>
            )}
            {approvedNote(e.data, t)}
            {note}
          </>
        ),
      };
    }
  }
}

/** The customer's approval an event carries (who and how), if any. */
interface Approval {
  by: string;
  method: string;
  /** The quote approved when leaving 待确认 (null: approved with no amount). */
  amount: number | null;
}

function approvalOf(data: Data): Approval | null {
  const value = data?.approval;
  if (typeof value !== 'object' || value === null) return null;
  const fields = value as Data;
  const by = str(fields, 'by');
  return by ? { by, method: str(fields, 'method') ?? '', amount: num(fields, 'amount') } : null;
}

function approvalLine(approval: Approval, t: TFunction): string {
  const line = t('timeline.approval', {
    by: approval.by,
    method: isOneOf(APPROVAL_METHODS, approval.method)
      ? t(`approvalMethods.${approval.method}`)
      : approval.method,
  });
  return approval.amount === null ? line : `${line} · ${formatYuan(approval.amount)}`;
}

/** What one timeline entry says, by its kind. */
function describe(e: WorkOrderEvent, t: TFunction): { text: ReactNode; detail?: ReactNode; color: string } {
  const note = e.note ? <div className="wo-timeline-note">{e.note}</div> : undefined;
  switch (e.kind) {
    case 'created': {
      const estimate = num(e.data, 'estimate');
      return {
        color: 'blue',
        text: t('timeline.created', { orderNo: str(e.data, 'orderNo') ?? '' }),
        detail: (
          <>
            {e.data?.warrantyComputed ? (
              <div className="wo-timeline-note">
                {t('timeline.warrantyComputed', { status: warrantyName(e.data.warrantyComputed, t) })}
              </div>
            ) : null}
            {estimate !== null && (
              <div className="wo-timeline-note">
                {t('timeline.intakeEstimate', { amount: formatYuan(estimate) })}
              </div>
            )}
          </>
        ),
      };
    }
    case 'status': {
      const approval = approvalOf(e.data);
      return {
        color: e.toStatus === 'cancelled' || e.toStatus === 'declined' ? 'red' : 'green',
        text: t('timeline.status', {
          from: e.fromStatus ? t(`statuses.${e.fromStatus}`) : '',
          to: e.toStatus ? t(`statuses.${e.toStatus}`) : '',
        }),
        detail: (
          <>
            {approval && <div className="wo-timeline-note">{approvalLine(approval, t)}</div>}
            {Array.isArray(e.data?.waitingFor) && (
              <div className="wo-timeline-note">
                {t('timeline.waitingFor', { parts: partList(e.data, 'waitingFor', t) })}
              </div>
            )}
            {note}
          </>
        ),
      };
    }
    case 'assign': {
      const from = nameOf(e.data, 'from');
      const to = nameOf(e.data, 'to');
      const text =
        to === null
          ? t('timeline.unassign', { from: from ?? '' })
          : from === null
            ? t('timeline.assign', { to })
            : t('timeline.reassign', { from, to });
      return { color: 'blue', text, detail: note };
    }
    case 'edit': {
      const fields = Array.isArray(e.data?.fields) ? (e.data.fields as unknown[]).map(String) : [];
      const before = (e.data?.before ?? {}) as Record<string, unknown>;
      const after = (e.data?.after ?? {}) as Record<string, unknown>;
      const label = (f: string) => (isField(f) ? t(`workOrderFields.${f}`) : f);
      return {
        color: 'gray',
        text: t('timeline.edit', { fields: fields.map(label).join(t('common.listSeparator')) }),
        detail: (
          <>
            {fields
              .filter((f) => f !== 'devicePassword')
              .map((f) => (
                <div key={f} className="wo-timeline-note">
                  {t('timeline.change', {
                    field: label(f),
                    from: showValue(f, before[f], t),
                    to: showValue(f, after[f], t),
                  })}
                </div>
              ))}
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
          from: warrantyName(e.data?.from, t),
          to: warrantyName(e.data?.to, t),
        }),
        detail: e.note ? (
          <div className="wo-timeline-note">{t('timeline.reason', { reason: e.note })}</div>
        ) : undefined,
      };
    case 'attachment':
      return { color: 'gray', text: t('timeline.attachment', { name: str(e.data, 'fileName') ?? e.note }) };
    case 'approval': {
      // A renewed approval: the new amount the customer said yes to, who and how.
      const approval = approvalOf(e.data);
      const amount = num(e.data, 'amount');
      const previous = num(e.data, 'previous');
      return {
        color: 'green',
        text:
          amount === null
            ? t('timeline.approvalKind')
            : t('timeline.renewed', {
                amount: formatYuan(amount),
                previous: previous === null ? t('common.none') : formatYuan(previous),
              }),
        detail: (
          <>
            {approval && <div className="wo-timeline-note">{approvalLine(approval, t)}</div>}
            {note}
          </>
        ),
      };
    }
    case 'parts':
      return describePart(e, t);
    case 'partArrived':
      return {
        color: 'green',
        text: t('timeline.partArrived', {
          code: str(e.data, 'partCode') ?? '',
          name: str(e.data, 'partName') ?? '',
          docNo: str(e.data, 'docNo') ?? '',
        }),
      };
    case 'charges':
      return describeCharge(e, t);
    case 'settlement':
      return describeSettlement(e, t);
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
