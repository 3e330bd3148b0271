/**
 * 导出全部数据: every record in one .xlsx, one sheet per area, for the shop's own files.
 * Streamed end to end — rows from an iterator, straight into a zip on disk under a temporary
 * name, renamed into place when complete — so memory stays flat however big the branch is.
 */
import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { isAbsolute, join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError, fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { Language } from '@shared/languages';
import type { fullExportResult } from '@shared/schemas/backup';
import { localDate } from '@shared/dates';
import type { Sqlite } from '../../db/open';
import { headerOf, type CellKind, type Column } from '../excel/columns';
import { cellOut } from '../excel/workbook';
import type { CallContext } from '../context';
import { catchUp } from './fullExportBackpressure';
import { FULL_EXPORT_NAMES } from './fullExportLabels';
import { FULL_SHEETS, sayFor } from './fullExportSheets';

type FullExportResult = z.infer<typeof fullExportResult>;

/** Excel's limit of rows per sheet (the header included). */
const MAX_SHEET_ROWS = 1_048_576;
/** Check this often whether the zip has fallen behind (see fullExportBackpressure.ts). */
const YIELD_EVERY = 500;

/**
 * Same formats as the other exports (excel/workbook.ts) for the kinds that need one; text and
 * whole numbers read right as General. One shared object per kind: exceljs caches a style by
 * object, and the fresh (even empty) style object every new cell gets makes it rebuild the
 * style each time: most of the export's time.
 */
const CELL_STYLES: Record<CellKind, Partial<ExcelJS.Style>> = {
  text: Object.freeze({}),
  int: Object.freeze({}),
  money: Object.freeze({ numFmt: '0.00' }),
  decimal: Object.freeze({ numFmt: '0.00' }),
  percent: Object.freeze({ numFmt: '0.0%' }),
  dateTime: Object.freeze({ numFmt: 'yyyy-mm-dd hh:mm' }),
};

function startSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: readonly Column[],
  lang: Language,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: headerOf(c, lang), width: c.width }));
  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** Every sheet, in order; an area with more rows than a sheet holds goes on in "工单时间线 (2)". */
async function writeSheets(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  reader: Sqlite,
  lang: Language,
  /** Throws once the file can no longer be written (disk full, drive gone). */
  check: () => void,
): Promise<FullExportResult['sheets']> {
  const say = sayFor(lang);
  const written: FullExportResult['sheets'] = [];
  let sinceYield = 0;
  for (const spec of FULL_SHEETS) {
    const kinds = spec.columns.map((c) => c.kind ?? 'text');
    const styles = kinds.map((kind) => CELL_STYLES[kind]);
    const open = (part: number) => {
      const count = { name: part === 1 ? spec.name[lang] : `${spec.name[lang]} (${part})`, rows: 0 };
      written.push(count);
      return { sheet: startSheet(workbook, count.name, spec.columns, lang), count };
    };
    let part = 1;
    let current = open(part);
    for (const cells of spec.rows(reader, say)) {
      if (current.count.rows === MAX_SHEET_ROWS - 1) {
        current.sheet.commit();
        await catchUp(current.sheet, check);
        part += 1;
        current = open(part);
      }
      const row = current.sheet.addRow(cells.map((v, i) => cellOut(v, kinds[i] ?? 'text')));
      styles.forEach((style, i) => (row.getCell(i + 1).style = style));
      row.commit();
      current.count.rows += 1;
      sinceYield += 1;
      if (sinceYield === YIELD_EVERY) {
        sinceYield = 0;
        await catchUp(current.sheet, check);
      }
    }
    current.sheet.commit();
    await catchUp(current.sheet, check);
  }
  return written;
}

/** 全部数据-20261123-153005.xlsx: local date and time, so two exports a day do not collide. */
function fileNameFor(lang: Language, now: number): string {
  const t = new Date(now);
  const time = [t.getHours(), t.getMinutes(), t.getSeconds()].map((n) => String(n).padStart(2, '0')).join('');
  return `${FULL_EXPORT_NAMES.file[lang]}-${localDate(now).replaceAll('-', '')}-${time}.xlsx`;
}

function folderProblem(
  folder: string,
  problem: 'notAbsolute' | 'unwritable' | 'full',
  message: string,
): AppError {
  return fieldError('folder', 'exportFolderRefused', { folder, problem }, message);
}

function resolveFolder(ctx: CallContext, folder: string | undefined): string {
  if (folder !== undefined) {
    if (!isAbsolute(folder))
      throw folderProblem(folder, 'notAbsolute', 'the export folder must be a full path');
    return folder;
  }
  if (!ctx.deps.dataDir) throw new AppError('noDataFolder', {}, 'no data folder to export into');
  return join(ctx.deps.dataDir, 'exports');
}

/** The file behind the app's connection, as SQLite itself reports it. */
function databaseFile(ctx: CallContext): string {
  const main = ctx.deps.db.get<{ file: string }>(
    sql`SELECT file FROM pragma_database_list WHERE name = 'main'`,
  );
  if (!main?.file) throw new AppError('databaseNotAFile', {}, 'the database is not a file');
  return main.file;
}

export async function exportAll(
  ctx: CallContext,
  input: ParsedInputOf<'backup.exportAll'>,
): Promise<FullExportResult> {
  const folder = resolveFolder(ctx, input.folder);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw folderProblem(folder, 'unwritable', `cannot write to ${folder}: ${code}`);
  }
  const started = Date.now();
  const name = fileNameFor(input.lang, ctx.deps.now());
  const file = join(folder, name);
  const temp = join(folder, `.${name}.${process.pid}.tmp`);

  // Its own read-only connection: one snapshot across all sheets (WAL lets the app keep writing),
  // and the app's connection is not held by an open iterator between the awaits.
  const reader = new Database(databaseFile(ctx), { readonly: true, fileMustExist: true });
  const out = createWriteStream(temp);
  const closed = once(out, 'close');
  // exceljs listens for the file's errors only from commit() on; until then they are ours.
  let writeError: Error | null = null;
  out.on('error', (error) => (writeError ??= error));
  const check = () => {
    if (writeError) throw writeError;
  };
  try {
    reader.exec('BEGIN');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      // Inline strings: a shared-strings table would hold every distinct text in memory.
      useSharedStrings: false,
    });
    workbook.creator = '售后服务台';
    const sheets = await writeSheets(workbook, reader, input.lang, check);
    check();
    await workbook.commit();
    await closed;
    check();
    reader.exec('COMMIT');
    renameSync(temp, file);
    const bytes = statSync(file).size;
    ctx.deps.log.info(`full export: ${file}, ${bytes} bytes, ${Date.now() - started} ms`);
    return { file, bytes, sheets };
  } catch (error) {
    out.destroy();
    rmSync(temp, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC')
      throw folderProblem(folder, 'full', `${folder} is full`);
    throw error;
  } finally {
    reader.close();
  }
}
