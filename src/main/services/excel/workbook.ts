/**
 * The workbook layer: .xlsx bytes in, trimmed cell text out; rows and column definitions in,
 * a formatted .xlsx out. Nothing here knows about parts or customers.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError, fieldError } from '@shared/errors';
import { localDate } from '@shared/dates';
import { MAX_XLSX_BYTES, type XlsxFile } from '@shared/schemas/excel';
import type { CellKind } from './columns';

export interface SheetRow {
  /** The row number Excel shows (the header is row 1). */
  row: number;
  /** Trimmed text by column number (1 = A); blank cells are absent. */
  cells: Map<number, string>;
}

export interface ReadSheet {
  /** Row 1's non-blank cells. */
  headers: { col: number; text: string }[];
  /** The rows below the header that hold anything; fully blank rows are skipped. */
  rows: SheetRow[];
}

function notAWorkbook(problem: 'tooLarge' | 'notXlsx' | 'unreadable' | 'noSheet', message: string): AppError {
  return fieldError('file', 'workbookRefused', { problem }, message);
}

/** An .xlsx is a zip: "PK\3\4". Checked first so a CSV or an old .xls gets a clear refusal. */
function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The first worksheet of an .xlsx given as base64. A file that is not a readable workbook is
 * refused with VALIDATION on `file`: there are no rows to report errors against.
 */
export async function readFirstSheet(base64: string): Promise<ReadSheet> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_XLSX_BYTES) throw notAWorkbook('tooLarge', 'the file is larger than 10 MB');
  if (!looksLikeZip(bytes)) throw notAWorkbook('notXlsx', 'the file is not an .xlsx workbook');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its Buffer as an ArrayBuffer; at run time it takes Node's Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notAWorkbook('unreadable', 'the file is not a readable .xlsx workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw notAWorkbook('noSheet', 'the workbook has no worksheet');

  const headers: ReadSheet['headers'] = [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const text = cellText(cell.value);
      if (text !== '') cells.set(colNumber, text);
    });
    if (rowNumber === 1) {
      for (const [col, text] of cells) headers.push({ col, text });
    } else if (cells.size > 0) {
      rows.push({ row: rowNumber, cells });
    }
  });
  headers.sort((a, b) => a.col - b.col);
  return { headers, rows };
}

/**
 * A cell as the text a person sees: numbers without float noise (15 significant digits, as Excel
 * shows them), rich text and hyperlinks as their text, formulas as their cached result.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  // A hyperlink's text is sometimes rich text itself, whatever the typings say.
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  if ('error' in value) return value.error;
  return '';
}

/** Excel dates carry no zone: exceljs hands them over as UTC, so read them back as UTC. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = d.toISOString().slice(0, 10);
  const time = d.toISOString().slice(11, 16);
  return time === '00:00' ? day : `${day} ${time}`;
}

/** Header text compared loosely: case, spaces, full-width brackets and `*` markers do not matter. */
export function headerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[\s*＊]/g, '');
}

// ---------------------------------------------------------------------------------------------

export type CellOut = string | number | null;

export interface SheetOut {
  name: string;
  columns: { header: string; width: number; kind?: CellKind }[];
  rows: CellOut[][];
  /** A bold last row, e.g. totals. */
  footer?: CellOut[];
  /** Long text in every cell (a notes sheet): wrap it. */
  wrap?: boolean;
}

const NUMBER_FORMATS: Record<CellKind, string> = {
  text: '@',
  money: '0.00',
  int: '0',
  decimal: '0.00',
  percent: '0.0%',
  dateTime: 'yyyy-mm-dd hh:mm',
};

/**
 * Excel stores a date-time without a zone and shows it as written; exceljs writes a Date's UTC
 * fields. Shift the instant so the UTC fields are the local wall-clock time the shop sees.
 */
function wallClock(ms: number): Date {
  return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
}

/** The most characters one Excel cell holds. */
const MAX_CELL_TEXT = 32_767;

/** A value as exceljs writes it: money in 元, times as local wall clock, over-long text cut to fit. */
export function cellOut(value: CellOut, kind: CellKind): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (typeof value === 'string') return value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
  if (kind === 'money') return value / 100;
  if (kind === 'dateTime') return wallClock(value);
  if (kind === 'text') return String(value);
  return value;
}

/** Rows go out as they are added (commit), so a 100,000-row ledger does not sit whole in memory. */
function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetOut): void {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: {
      numFmt: NUMBER_FORMATS[c.kind ?? 'text'],
      alignment: spec.wrap ? { wrapText: true, vertical: 'top' } : undefined,
    },
  }));
  // Cell by cell, not the row's style: the shading stops at the last column.
  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
  });
  if (spec.rows.length > 0 && !spec.wrap) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  }
  const kinds = spec.columns.map((c) => c.kind ?? 'text');
  const toCells = (row: CellOut[]) => row.map((v, i) => cellOut(v, kinds[i] ?? 'text'));
  for (const row of spec.rows) sheet.addRow(toCells(row)).commit();
  if (spec.footer) {
    const footer = sheet.addRow(toCells(spec.footer));
    footer.eachCell((cell) => {
      cell.font = { bold: true };
    });
    footer.commit();
  }
  sheet.commit();
}

/** `配件-20261123.xlsx`: the name's start and the shop's local date. */
export function exportFileName(base: string, now: number): string {
  return `${base}-${localDate(now).replaceAll('-', '')}.xlsx`;
}

export async function workbookFile(fileName: string, sheets: SheetOut[]): Promise<XlsxFile> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = '售后服务台';
  for (const spec of sheets) addSheet(workbook, spec);
  await workbook.commit();
  const bytes = Buffer.concat(chunks);
  if (bytes.length > MAX_XLSX_BYTES) {
    throw new AppError('exportTooLarge', {}, 'the export is larger than 10 MB; narrow it down');
  }
  return { fileName, base64: bytes.toString('base64') };
}
