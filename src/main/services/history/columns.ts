/** The template's columns: one per history field, in Chinese and English, with its width and kind. */
import type { HistoryField } from '@shared/schemas/history';
import { REQUIRED_HISTORY_FIELDS } from '@shared/schemas/history';
import { headerKey } from '../excel/workbook';

export interface HistoryColumn {
  key: HistoryField;
  zh: string;
  en: string;
  width: number;
}

export const HISTORY_COLUMNS: readonly HistoryColumn[] = [
  { key: 'sourceNo', zh: '原单号', en: 'Old order no.', width: 16 },
  { key: 'customerName', zh: '客户名称', en: 'Customer', width: 14 },
  { key: 'customerPhone', zh: '电话', en: 'Phone', width: 15 },
  { key: 'category', zh: '设备类别', en: 'Category', width: 12 },
  { key: 'brand', zh: '品牌', en: 'Brand', width: 12 },
  { key: 'model', zh: '型号', en: 'Model', width: 14 },
  { key: 'serialNo', zh: '序列号/IMEI', en: 'Serial/IMEI', width: 18 },
  { key: 'warrantyEnd', zh: '保修截止', en: 'Warranty end', width: 12 },
  { key: 'receivedAt', zh: '接机时间', en: 'Received', width: 17 },
  { key: 'deliveredAt', zh: '交机时间', en: 'Delivered', width: 17 },
  { key: 'outcome', zh: '维修结果', en: 'Outcome', width: 10 },
  { key: 'technician', zh: '技术员', en: 'Technician', width: 10 },
  { key: 'reportedFault', zh: '故障现象', en: 'Reported fault', width: 24 },
  { key: 'diagnosis', zh: '检测结果', en: 'Diagnosis', width: 24 },
  { key: 'laborAmount', zh: '工时费(元)', en: 'Labor (yuan)', width: 11 },
  { key: 'partsAmount', zh: '配件费(元)', en: 'Parts (yuan)', width: 11 },
  { key: 'paidAmount', zh: '实收(元)', en: 'Paid (yuan)', width: 11 },
  { key: 'paymentMethod', zh: '付款方式', en: 'Payment method', width: 10 },
  { key: 'paidAt', zh: '付款日期', en: 'Paid on', width: 17 },
];

export const isRequired = (key: HistoryField) => REQUIRED_HISTORY_FIELDS.includes(key);

/** The template's headers found in a file: field → the header as written there. */
export function suggestColumns(headers: readonly string[]): Partial<Record<HistoryField, string>> {
  const found: Partial<Record<HistoryField, string>> = {};
  for (const h of headers) {
    const k = headerKey(h).replace(/\*$/, '');
    const bare = k.replace(/\(.*\)$/, '');
    const column = HISTORY_COLUMNS.find((c) =>
      [c.zh, c.en].some((t) =>
        [headerKey(t), headerKey(t).replace(/\(.*\)$/, '')].some((x) => x === k || x === bare),
      ),
    );
    if (column && found[column.key] === undefined) found[column.key] = h;
  }
  return found;
}
