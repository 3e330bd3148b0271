import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import type { HistoryField } from '@shared/schemas/history';
import { HISTORY_COLUMNS } from '../../src/main/services/history/columns';

/** A history row by field; blank fields are left out. */
export type Row = Partial<Record<HistoryField, string>>;

const HEADERS = HISTORY_COLUMNS.map((c) => c.zh);

function quote(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** The rows as a CSV with the template's Chinese headers, UTF-8 or GB18030. */
export function csvFile(rows: Row[], encoding: 'utf8' | 'gb18030' = 'utf8', fileName = 'history.csv') {
  const lines = [
    HEADERS.join(','),
    ...rows.map((r) => HISTORY_COLUMNS.map((c) => quote(r[c.key] ?? '')).join(',')),
  ];
  const text = `${lines.join('\r\n')}\r\n`;
  const bytes = encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030');
  return { fileName, base64: bytes.toString('base64') };
}

/** The same as an .xlsx with the template's headers. */
export async function xlsxFile(rows: Row[], fileName = 'history.xlsx') {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('历史工单');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(HISTORY_COLUMNS.map((c) => r[c.key] ?? null));
  return { fileName, base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
}

/** A delivered, repaired, paid order of 2021 as a clean row. */
export function goodRow(over: Row = {}): Row {
  // Paid when delivered, unless the row says otherwise.
  const paidAt = over.deliveredAt || undefined;
  return {
    customerName: '王五',
    customerPhone: '13911112222',
    category: '手机',
    brand: 'Apple',
    model: 'iPhone 12',
    serialNo: 'IMEI-0001',
    receivedAt: '2021-03-05 10:20',
    deliveredAt: '2021-03-07 16:00',
    outcome: '已修复',
    reportedFault: '屏幕碎裂',
    diagnosis: '更换屏幕',
    laborAmount: '80',
    partsAmount: '420',
    paidAmount: '500',
    paymentMethod: '微信',
    paidAt: paidAt ?? '2021-03-07 16:00',
    ...over,
  };
}

/** Local wall-clock time → epoch ms, as the import reads it. */
export function local(y: number, m: number, d: number, h = 0, mi = 0): number {
  return new Date(y, m - 1, d, h, mi).getTime();
}
