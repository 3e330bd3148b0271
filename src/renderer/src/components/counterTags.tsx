import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Priority } from '@shared/schemas/settings';
import type { WarrantyStatus } from '@shared/warranty';
import type { Outcome, WorkOrderStatus } from '@shared/workOrderStatus';

const STATUS_COLORS: Record<WorkOrderStatus, string> = {
  received: 'blue',
  diagnosing: 'cyan',
  quoted: 'gold',
  awaitingParts: 'orange',
  inRepair: 'geekblue',
  qc: 'purple',
  ready: 'green',
  delivered: 'default',
  cancelled: 'default',
  declined: 'magenta',
  unrepairable: 'volcano',
  onHold: 'lime',
};

export function StatusTag({ status }: { status: WorkOrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={`status-${status}`} data-status={status}>
      {t(`statuses.${status}`)}
    </Tag>
  );
}

const PRIORITY_COLORS: Record<Priority, string | undefined> = {
  low: undefined,
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export function PriorityTag({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Tag color={PRIORITY_COLORS[priority]} data-testid={`priority-${priority}`}>
      {t(`priorities.${priority}`)}
    </Tag>
  );
}

const WARRANTY_COLORS: Record<WarrantyStatus, string> = { in: 'green', out: 'default', repair: 'cyan' };

/** 保内 / 保外 / 返修保修; an overridden value carries its reason in a tooltip. */
export function WarrantyTag({ status, reason }: { status: WarrantyStatus; reason?: string | null }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={WARRANTY_COLORS[status]} data-testid={`warranty-${status}`} data-warranty={status}>
      {t(`warranty.${status}`)}
      {reason ? ' *' : ''}
    </Tag>
  );
  return reason ? <Tooltip title={t('workOrders.overriddenBecause', { reason })}>{tag}</Tooltip> : tag;
}

export function OverdueTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" data-testid="overdue">
      {t('workOrders.overdue')}
    </Tag>
  );
}

const OUTCOME_COLORS: Record<Outcome, string> = {
  repaired: 'green',
  unrepairable: 'volcano',
  declined: 'magenta',
  cancelled: 'default',
};

/** 维修结果: how the order ended (or is ending: a device on its way back unrepaired). */
export function OutcomeTag({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return (
    <Tag color={OUTCOME_COLORS[outcome]} data-testid={`outcome-${outcome}`} data-outcome={outcome}>
      {t(`outcomes.${outcome}`)}
    </Tag>
  );
}

/** On hold and its recall date has come (the server decided): call the customer back. */
export function RecallDueTag() {
  const { t } = useTranslation();
  return (
    <Tag color="orange" data-testid="recall-due">
      {t('workOrders.recallDue')}
    </Tag>
  );
}

/** "Apple iPhone 13" or, with no brand or model, the category. */
export function deviceName(device: { brand: string; model: string; category: string }): string {
  return [device.brand, device.model].filter(Boolean).join(' ') || device.category;
}
