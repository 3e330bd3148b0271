import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PeriodInput, TechnicianReport, TurnaroundReport } from '@shared/schemas/reports';
import type { SettingsView } from '@shared/schemas/settings';
import { formatHours, formatRate } from '../lib/format';
import { formatYuan } from '../lib/money';
import type { PrintLabels } from './labels';
import { SignLine } from './parts';
import { ReportHead, ReportTable, type Column } from './reportSheet';

type TechnicianRow = TechnicianReport['rows'][number];

/** Who, how many, what labor and how long: the technician columns of the summary and of this sheet. */
export function technicianFigures(t: TFunction): Column<TechnicianRow>[] {
  const h = t('reports.hours');
  return [
    { title: t('reports.col.technician'), value: (r) => r.technicianName ?? t('reports.col.unassigned') },
    { title: t('reports.technicians.completed'), value: (r) => r.completed, num: true },
    { title: t('reports.technicians.laborAmount'), value: (r) => formatYuan(r.laborAmount), num: true },
    { title: t('reports.technicians.laborHours'), value: (r) => formatHours(r.laborHours, h), num: true },
    {
      title: t('reports.technicians.avgRepairHours'),
      value: (r) => formatHours(r.avgRepairHours, h),
      num: true,
    },
  ];
}

/** 技术员绩效表: one row per technician — completed, labor, repair time, on-time, reworks — and signatures. */
export function TechnicianSheetForm({
  technicians,
  turnaround,
  period,
  settings,
  labels,
  printedAt,
}: {
  technicians: TechnicianReport;
  turnaround: TurnaroundReport;
  period: PeriodInput;
  settings: SettingsView;
  labels: PrintLabels;
  printedAt: number;
}) {
  const { t } = useTranslation();
  const h = t('reports.hours');
  const timing = (id: string | null) => turnaround.byTechnician.find((r) => r.technicianId === id);
  const rows = technicians.rows;
  const sum = (pick: (r: TechnicianRow) => number) => rows.reduce((s, r) => s + pick(r), 0);

  return (
    <div className="pf-flow pf-rep" data-testid="print-report-technicians">
      <ReportHead
        title={t('reports.sheet.techniciansTitle')}
        period={period}
        settings={settings}
        labels={labels}
        printedAt={printedAt}
      />
      <ReportTable
        testId="print-technicians-table"
        columns={[
          { title: t('reports.sheet.no'), value: (_, i) => i + 1, width: '10mm' },
          ...technicianFigures(t),
          {
            title: t('reports.turnaround.onTimeRate'),
            value: (r) => formatRate(timing(r.technicianId)?.onTimeRate ?? null),
            num: true,
          },
          { title: t('reports.technicians.reworks'), value: (r) => r.reworks, num: true },
        ]}
        rows={rows}
        rowKey={(r) => r.technicianId ?? 'none'}
        total={[
          '',
          t('reports.sheet.total'),
          sum((r) => r.completed),
          formatYuan(sum((r) => r.laborAmount)),
          formatHours(
            sum((r) => r.laborHours),
            h,
          ),
          '',
          formatRate(turnaround.overall.onTimeRate),
          sum((r) => r.reworks),
        ]}
      />
      <div className="pf-signs pf-rep-signs">
        <SignLine label={t('reports.sheet.signMaker')} />
        <SignLine label={t('reports.sheet.signCheck')} />
      </div>
    </div>
  );
}
