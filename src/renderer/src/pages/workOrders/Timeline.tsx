import type { ReactNode } from 'react';
import { Flex, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ACCESSORIES, type WorkOrderEvent } from '@shared/schemas/workOrders';
import { PRIORITIES } from '@shared/schemas/settings';
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

/** What one timeline entry says, by its kind. */
function describe(e: WorkOrderEvent, t: TFunction): { text: ReactNode; detail?: ReactNode; color: string } {
  const note = e.note ? <div className="wo-timeline-note">{e.note}</div> : undefined;
  switch (e.kind) {
    case 'created':
      return {
        color: 'blue',
        text: t('timeline.created', { orderNo: str(e.data, 'orderNo') ?? '' }),
        detail: e.data?.warrantyComputed ? (
          <div className="wo-timeline-note">
            {t('timeline.warrantyComputed', { status: warrantyName(e.data.warrantyComputed, t) })}
          </div>
        ) : undefined,
      };
    case 'status': {
      const approval = e.data?.approval as { by?: string; method?: string } | undefined;
      return {
        color: e.toStatus === 'cancelled' || e.toStatus === 'declined' ? 'red' : 'green',
        text: t('timeline.status', {
          from: e.fromStatus ? t(`statuses.${e.fromStatus}`) : '',
          to: e.toStatus ? t(`statuses.${e.toStatus}`) : '',
        }),
        detail: (
          <>
            {approval?.by && (
              <div className="wo-timeline-note">
                {t('timeline.approval', {
                  by: approval.by,
                  method: isOneOf(['inPerson', 'phone', 'message', 'written'] as const, approval.method)
                    ? t(`approvalMethods.${approval.method}`)
                    : (approval.method ?? ''),
                })}
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
    case 'approval':
      return { color: 'green', text: t('timeline.approvalKind'), detail: note };
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
