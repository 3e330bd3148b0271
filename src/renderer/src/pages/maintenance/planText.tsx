import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MaintenancePlan } from '@shared/schemas/maintenance';

type PlanFigures = Pick<
  MaintenancePlan,
  'intervalDays' | 'intervalUsage' | 'unit' | 'nextDueOn' | 'nextDueReading' | 'currentReading'
>;

/** "180 天 / 5000 公里": the plan's interval, both parts when it has both. */
export function intervalText(p: PlanFigures, t: TFunction): string {
  const parts: string[] = [];
  if (p.intervalDays !== null) parts.push(t('maintenance.everyDays', { days: p.intervalDays }));
  if (p.intervalUsage !== null && p.unit) parts.push(`${p.intervalUsage} ${t(`readingUnits.${p.unit}`)}`);
  return parts.join(' / ');
}

/** "2026-12-01 / 15000 公里 (现 14200)": the next due day and reading, whichever the plan has. */
export function dueText(p: PlanFigures, t: TFunction): string {
  const parts: string[] = [];
  if (p.nextDueOn !== null) parts.push(p.nextDueOn);
  if (p.nextDueReading !== null && p.unit) {
    const now =
      p.currentReading === null ? '' : ` ${t('maintenance.currentReading', { value: p.currentReading })}`;
    parts.push(`${p.nextDueReading} ${t(`readingUnits.${p.unit}`)}${now}`);
  }
  return parts.join(' / ');
}

const COLORS = { overdue: 'red', week: 'orange', month: 'blue' } as const;

/** Where the plan sits on the server's day; "by reading" when the meter made it due. */
export function DueTag({ plan }: { plan: Pick<MaintenancePlan, 'due' | 'dueByReading' | 'active'> }) {
  const { t } = useTranslation();
  if (!plan.active) return <Tag>{t('maintenance.inactive')}</Tag>;
  if (plan.due === null) return <Tag color="green">{t('maintenance.notDue')}</Tag>;
  return (
    <Tag color={COLORS[plan.due]}>
      {t(`maintenance.tabs.${plan.due}`)}
      {plan.dueByReading ? ` · ${t('maintenance.byReading')}` : ''}
    </Tag>
  );
}
