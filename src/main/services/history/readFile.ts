/**
 * An .xlsx or .csv history file → header row and rows of trimmed cell text, the shape the Excel
 * imports read (`ReadSheet`). A CSV is decoded as UTF-8 or GB18030 (what Chinese Excel saves) with
 * iconv-lite and parsed by csv-parse (quotes, commas and line breaks inside cells, BOM).
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { fieldError } from '@shared/errors';
import { MAX_HISTORY_BYTES } from '@shared/schemas/history';
import { readFirstSheet, type ReadSheet, type SheetRow } from '../excel/workbook';

export type CsvEncoding = 'auto' | 'utf8' | 'gb18030';
export interface ReadHistory extends ReadSheet {
  encoding: 'utf8' | 'gb18030';
}

function refused(problem: 'tooLarge' | 'notXlsx' | 'unreadable' | 'noSheet', message: string) {
  return fieldError('file', 'workbookRefused', { problem }, message);
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Strict UTF-8, or null when the bytes are not UTF-8 (then GB18030 is tried). */
function utf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeCsv(
  bytes: Buffer,
  encoding: CsvEncoding,
): { text: string; encoding: 'utf8' | 'gb18030' } {
  if (encoding !== 'gb18030') {
    const text = utf8(bytes);
    if (text !== null) return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf8' };
    if (encoding === 'utf8') throw refused('unreadable', 'the file is not UTF-8 text');
  }
  return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
}

export function parseCsv(text: string): ReadSheet {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch {
    throw refused('unreadable', 'the file is not a readable CSV');
  }
  const [head, ...body] = records;
  if (!head) throw refused('noSheet', 'the file is empty');
  const headers = head.map((t, i) => ({ col: i + 1, text: t.trim() })).filter((h) => h.text !== '');
  const rows: SheetRow[] = [];
  body.forEach((record, i) => {
    const cells = new Map<number, string>();
    record.forEach((t, c) => {
      const v = t.trim();
      if (v !== '') cells.set(c + 1, v);
    });
    // Row numbers as a spreadsheet would show them: the header is row 1.
    if (cells.size > 0) rows.push({ row: i + 2, cells });
  });
  return { headers, rows };
}

export async function readHistoryFile(base64: string, encoding: CsvEncoding): Promise<ReadHistory> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_HISTORY_BYTES) throw refused('tooLarge', 'the file is larger than 20 MB');
  if (isZip(bytes)) return { ...(await readFirstSheet(base64)), encoding: 'utf8' };
  const decoded = decodeCsv(bytes, encoding);
  return { ...parseCsv(decoded.text), encoding: decoded.encoding };
}
