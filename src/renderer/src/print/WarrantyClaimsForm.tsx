import { useTranslation } from 'react-i18next';
import type { PeriodInput, WarrantyClaimsReport } from '@shared/schemas/reports';
import type { SettingsView } from '@shared/schemas/settings';
import { formatMinute } from '../lib/format';
import { formatYuan } from '../lib/money';
import type { reportsZhCN } from '../i18n/reports.zh-CN';
import type { PrintLabels } from './labels';
import { SignLine } from './parts';
import { ReportBlock, ReportHead, ReportTable } from './reportSheet';
import './warrantyClaims.css';

type SheetKey = Exclude<keyof typeof reportsZhCN.sheet, 'kinds'>;

/** 三包索赔清单: every warranty-covered line of the period (A4 landscape), then the brands' totals. */
export function WarrantyClaimsForm({
  report,
  period,
  settings,
  labels,
  printedAt,
}: {
  report: WarrantyClaimsReport;
  period: PeriodInput;
  settings: SettingsView;
  labels: PrintLabels;
  printedAt: number;
}) {
  const { t } = useTranslation();
  const s = (key: SheetKey): string => t(`reports.sheet.${key}`);
  return (
    <div className="pf-flow pf-rep pf-rep--landscape" data-testid="print-report-warranty">
      <ReportHead
        title={t('reports.sheet.warrantyTitle')}
        period={period}
        settings={settings}
        labels={labels}
        printedAt={printedAt}
      />
      <ReportTable
        testId="print-warranty-table"
        columns={[
          { title: s('no'), value: (_, i) => i + 1, width: '9mm' },
          { title: s('settlementNo'), value: (r) => r.settlementNo, width: '40mm' },
          { title: s('settledAt'), value: (r) => formatMinute(r.settledAt), width: '27mm' },
          { title: s('orderNo'), value: (r) => r.orderNo, width: '36mm' },
          { title: s('customer'), value: (r) => r.customerName, width: '20mm' },
          { title: t('reports.col.brand'), value: (r) => r.brand, width: '18mm' },
          { title: s('model'), value: (r) => r.model, width: '24mm' },
          { title: s('serialNo'), value: (r) => r.serialNo, width: '30mm' },
          { title: s('kind'), value: (r) => t(`lineKindsOnPaper.${r.kind}`), width: '11mm' },
          { title: s('item'), value: (r) => r.name },
          { title: s('quantity'), value: (r) => r.quantity, num: true, width: '11mm' },
          { title: s('amount'), value: (r) => formatYuan(r.amount), num: true, width: '22mm' },
        ]}
        rows={report.rows}
        rowKey={(r, i) => `${r.settlementNo}-${i}`}
        total={['', s('total'), '', '', '', '', '', '', '', '', '', formatYuan(report.total)]}
      />
      {report.rowCount > report.rows.length && (
        <p className="pf-rep-note" data-testid="print-warranty-truncated">
          {t('reports.sheet.truncated', { shown: report.rows.length, count: report.rowCount })}
        </p>
      )}
      <ReportBlock title={s('byBrand')}>
        <div className="pf-rep-narrow">
          <ReportTable
            testId="print-warranty-brands"
            columns={[
              { title: t('reports.col.brand'), value: (b) => b.brand },
              { title: t('reports.revenue.orders'), value: (b) => b.orders, num: true },
              { title: t('reports.revenue.lines'), value: (b) => b.lines, num: true },
              { title: t('reports.revenue.claimAmount'), value: (b) => formatYuan(b.amount), num: true },
            ]}
            rows={report.byBrand}
            rowKey={(b) => b.brand}
            total={[s('total'), '', '', formatYuan(report.total)]}
          />
        </div>
        {/* Inside the kept block, so the signatures never stand alone on a last page. */}
        <div className="pf-signs pf-rep-signs">
          <SignLine label={s('signMaker')} />
          <SignLine label={s('signCheck')} />
        </div>
      </ReportBlock>
    </div>
  );
}
