import { useTranslation } from 'react-i18next';
import type { OnsiteReport } from '@shared/schemas/onsite';
import type { SettingsView } from '@shared/schemas/settings';
import type { onsiteZhCN } from '../i18n/onsite.zh-CN';
import { formatMinute } from '../lib/format';
import { formatYuan } from '../lib/money';
import type { PrintLabels } from './labels';
import { Cell, FieldTable, ShopHeader, SignLine } from './parts';
import { ReprintMark } from './reprint';
import './onsite.css';

/**
 * 上门服务确认单: one A4 page per visit: who and where, the device and fault, what was found and done,
 * the parts and fees as the settlement bills them, arrival and finish, and the customer's signature
 * (taken on the tablet, or a blank line to sign on paper).
 */
export function OnsiteReportForm({
  report,
  settings,
  labels,
}: {
  report: OnsiteReport;
  settings: SettingsView;
  labels: PrintLabels;
}) {
  const { t } = useTranslation();
  const r = (key: keyof typeof onsiteZhCN.serviceReport): string => t(`onsite.serviceReport.${key}`);
  const { job } = report;
  return (
    <div className="pf-sheet pf-sheet--a4" data-testid="print-onsite-report">
      <div className="pf-onsite">
        <header className="pf-head">
          <ShopHeader shop={settings.shop} labels={labels} />
          <div className="pf-head__title">
            <div className="pf-title">{r('title')}</div>
            <ReprintMark />
          </div>
          <div className="pf-head__codes">
            <div className="pf-order-no">{job.orderNo}</div>
          </div>
        </header>
        <FieldTable>
          <tr>
            <Cell label={r('customer')}>{job.customerName}</Cell>
            <Cell label={r('phone')}>{job.phones.join(' / ')}</Cell>
            <Cell label={r('orderNo')}>{job.orderNo}</Cell>
          </tr>
          <tr>
            <th scope="row">{r('address')}</th>
            <td colSpan={5}>{job.address}</td>
          </tr>
          <tr>
            <th scope="row">{r('device')}</th>
            <td colSpan={3}>{job.device}</td>
            <Cell label={r('technicians')}>{job.technicians.map((x) => x.name).join('、')}</Cell>
          </tr>
          <tr>
            <Cell label={r('window')}>{`${job.day} ${job.fromTime}–${job.toTime}`}</Cell>
            <Cell label={r('arrivedAt')}>{job.arrivedAt ? formatMinute(job.arrivedAt) : ''}</Cell>
            <Cell label={r('finishedAt')}>{job.finishedAt ? formatMinute(job.finishedAt) : ''}</Cell>
          </tr>
        </FieldTable>
        <div>
          <strong>{r('fault')}</strong>
          <div className="pf-report-text">{job.fault}</div>
        </div>
        <div>
          <strong>{r('diagnosis')}</strong>
          <div className="pf-report-text">{report.diagnosis}</div>
        </div>
        <div>
          <strong>{r('work')}</strong>
          <div className="pf-report-text">{report.resolution}</div>
        </div>
        <div>
          <strong>{r('lines')}</strong>
          <table className="pf-report-lines">
            <thead>
              <tr>
                <th>{r('item')}</th>
                <th style={{ width: '18mm' }}>{r('qty')}</th>
                <th style={{ width: '28mm' }}>{r('amount')}</th>
              </tr>
            </thead>
            <tbody>
              {report.lines.map((l, i) => (
                <tr key={i} data-testid="print-onsite-line">
                  <td>
                    {l.name}
                    {l.detail ? ` · ${l.detail}` : ''}
                  </td>
                  <td>{l.qty}</td>
                  <td>{formatYuan(l.amount)}</td>
                </tr>
              ))}
              <tr>
                <th colSpan={2}>{r('total')}</th>
                <th data-testid="print-onsite-total">{formatYuan(report.total)}</th>
              </tr>
            </tbody>
          </table>
        </div>
        <div className="pf-report-confirm">{r('confirm')}</div>
        <SignLine label={r('signature')} wide image={report.signature?.dataUrl} />
        <SignLine label={r('date')} />
      </div>
    </div>
  );
}
