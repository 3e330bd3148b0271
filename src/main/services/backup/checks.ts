import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Sqlite } from '../../db/open';
import { sha256FileSync, type FileChecksum } from './sha256File.ts';

/*
 * The checks a backup runs on its copy and a restore on the extracted database. This file runs in
 * the check workers too (checkWorker.ts), loaded by Node itself in tests: node: modules,
 * better-sqlite3, type imports and sha256File.ts only.
 */

export interface TableFigures {
  rowCounts: Record<string, number>;
  tableChecksums: Record<string, string>;
}

/** One piece of checking work; the pieces are shared out between workers (see planJobs). */
export type CheckJob =
  /** Structure of every b-tree and the page accounting (no page lost or used twice). */
  | { kind: 'quickCheck' }
  /** One table and its indexes: index entries match the rows, UNIQUE holds (integrity_check(T)). */
  | { kind: 'integrityCheck'; table: string }
  /** Row count, and with `checksum` the SHA-256 of the rows too. */
  | { kind: 'figures'; table: string; checksum: boolean }
  /** SHA-256 and size of the file itself, read beside the other jobs instead of after them. */
  | { kind: 'fileChecksum' };

export interface CheckResult extends TableFigures {
  /** What quick_check and integrity_check said when it was not "ok". */
  problems: string[];
  file?: FileChecksum;
}

interface TableInfo {
  name: string;
  virtual: boolean;
  withoutRowid: boolean;
  /** Filled only by triggers from other tables (see derivedTables). */
  derived: boolean;
}

/**
 * The search tables: each full-text index's shadow tables and its external content table, which
 * triggers fill from customers, devices and work orders. Like an index they hold nothing typed, so
 * from manifest format 2 they are counted but not checksummed (a third of the checksum work on the
 * bench branch, issue 18); integrity_check, quick_check and the file's SHA-256 still cover them.
 */
function derivedTables(rows: { name: string; sql: string | null }[]): Set<string> {
  const derived = new Set<string>();
  for (const { name, sql } of rows) {
    if (!/^\s*create\s+virtual\s+table\s+\S+\s+using\s+fts5\s*\(/i.test(sql ?? '')) continue;
    for (const shadow of ['data', 'idx', 'content', 'docsize', 'config']) derived.add(`${name}_${shadow}`);
    const content = /\bcontent\s*=\s*'([^']+)'/i.exec(sql ?? '')?.[1];
    if (content) derived.add(content);
  }
  return derived;
}

function tablesOf(sqlite: Sqlite): TableInfo[] {
  const rows = sqlite
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string; sql: string | null }[];
  const derived = derivedTables(rows);
  return rows.map(({ name, sql }) => ({
    name,
    virtual: /^\s*create\s+virtual\s/i.test(sql ?? ''),
    withoutRowid: /without\s+rowid\s*$/i.test(sql ?? ''),
    derived: derived.has(name),
  }));
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Row count and SHA-256 of one real table. Rows are hashed in rowid order (primary-key order for
 * WITHOUT ROWID tables), each as the JSON of its column values, so equal data gives equal figures.
 */
function tableFigure(sqlite: Sqlite, table: TableInfo): { rows: number; sha256: string } {
  const hash = createHash('sha256');
  let rows = 0;
  const order = table.withoutRowid ? '' : ' ORDER BY rowid';
  for (const row of sqlite
    .prepare(`SELECT * FROM ${quote(table.name)}${order}`)
    .raw()
    .iterate() as Iterable<unknown[]>) {
    // One update per row: gathering rows into a longer string first made V8 flatten and re-encode
    // it, which took as long as the query (issue 18); the digest is the same either way.
    hash.update(`${JSON.stringify(row.some(isBlob) ? row.map(blobAsHex) : row)}\n`);
    rows++;
  }
  return { rows, sha256: hash.digest('hex') };
}

function isBlob(value: unknown): boolean {
  return value instanceof Uint8Array;
}

/**
 * A blob as `{"blob":"<hex>"}` instead of Buffer's `{"type":"Buffer","data":[…]}`. Done before
 * JSON.stringify rather than in a replacer, which would see Buffer's long form first and keep
 * V8 off its fast path for the whole row.
 */
function blobAsHex(value: unknown): unknown {
  return value instanceof Uint8Array
    ? { blob: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex') }
    : value;
}

/**
 * Row counts of every real table and checksums of those a manifest checksums (virtual FTS tables
 * are skipped: their content lives in their shadow tables, which are counted). `derivedChecksums`
 * checksums the search tables too, as manifest format 1 did.
 */
export function tableFigures(sqlite: Sqlite, derivedChecksums = false): TableFigures {
  const { rowCounts, tableChecksums } = runJobs(sqlite, figureJobs(tablesOf(sqlite), derivedChecksums));
  return { rowCounts, tableChecksums };
}

function figureJobs(
  tables: TableInfo[],
  derivedChecksums: boolean,
): Extract<CheckJob, { kind: 'figures' }>[] {
  return tables
    .filter((t) => !t.virtual)
    .map((t) => ({ kind: 'figures' as const, table: t.name, checksum: derivedChecksums || !t.derived }));
}

function said(rows: unknown[]): string[] {
  const lines = rows.map((row) => Object.values(row as Record<string, string>)[0] ?? '');
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines.slice(0, 5);
}

export function runJobs(sqlite: Sqlite, jobs: CheckJob[]): CheckResult {
  const tables = new Map(tablesOf(sqlite).map((t) => [t.name, t]));
  const result: CheckResult = { problems: [], rowCounts: {}, tableChecksums: {} };
  for (const job of jobs) {
    if (job.kind === 'quickCheck') result.problems.push(...said(sqlite.pragma('quick_check') as unknown[]));
    else if (job.kind === 'fileChecksum') result.file = sha256FileSync(sqlite.name);
    else if (job.kind === 'integrityCheck') {
      result.problems.push(...said(sqlite.pragma(`integrity_check(${quote(job.table)})`) as unknown[]));
    } else {
      const table = tables.get(job.table);
      if (!table) throw new Error(`no table ${job.table}`);
      if (job.checksum) {
        const { rows, sha256 } = tableFigure(sqlite, table);
        result.rowCounts[job.table] = rows;
        result.tableChecksums[job.table] = sha256;
      } else {
        result.rowCounts[job.table] = sqlite
          .prepare(`SELECT count(*) FROM ${quote(table.name)}`)
          .pluck()
          .get() as number;
      }
    }
  }
  return result;
}

/**
 * Open a database file only to check it: read-only, memory-mapped and with a large page cache, which
 * makes integrity_check several times faster on a big file (its index lookups stay in memory).
 */
export function openForChecks(file: string): Sqlite {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
  sqlite.pragma(`cache_size = -${CACHE_KIB}`);
  return sqlite;
}

const MMAP_BYTES = 2 ** 31 - 2 ** 16;
const CACHE_KIB = 256 * 1024;

export interface CheckWanted {
  quickCheck: boolean;
  integrity: boolean;
  fileChecksum?: boolean;
  /** Checksum the search tables too: a format 1 manifest lists theirs (see derivedTables). */
  derivedChecksums?: boolean;
}

/**
 * The work for a file, costliest first, so that workers taking the next job as they finish end at
 * about the same time. Costs are microseconds as measured on the bench branch: a table's figures
 * about 1 µs a row plus 1 per 6 columns (a bare count 0.2 µs), its integrity check about 1 µs a row
 * per index (a full-text index about 1 µs a document), quick_check about 0.4 µs for every row in
 * the file, and the file's checksum about 1 µs per 1,500 bytes.
 */
export function planJobs(sqlite: Sqlite, want: CheckWanted): CheckJob[] {
  const weighted: { job: CheckJob; cost: number }[] = [];
  const count = (sql: string, ...params: string[]) =>
    sqlite
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  const tables = tablesOf(sqlite);
  const rows = new Map(
    tables.filter((t) => !t.virtual).map((t) => [t.name, count(`SELECT count(*) FROM ${quote(t.name)}`)]),
  );
  for (const job of figureJobs(tables, want.derivedChecksums ?? false)) {
    const tableRows = rows.get(job.table) ?? 0;
    const columns = count('SELECT count(*) FROM pragma_table_info(?)', job.table);
    weighted.push({ job, cost: job.checksum ? tableRows * (1 + columns / 6) : tableRows / 5 });
  }
  for (const table of want.integrity ? tables : []) {
    const indexes = count('SELECT count(*) FROM pragma_index_list(?)', table.name);
    const documents = rows.get(`${table.name}_docsize`) ?? 0;
    weighted.push({
      job: { kind: 'integrityCheck', table: table.name },
      cost: table.virtual ? documents : (rows.get(table.name) ?? 0) * (0.3 + indexes),
    });
  }
  if (want.quickCheck) {
    const allRows = [...rows.values()].reduce((sum, n) => sum + n, 0);
    weighted.push({ job: { kind: 'quickCheck' }, cost: allRows * 0.4 });
  }
  if (want.fileChecksum) {
    const bytes =
      (sqlite.pragma('page_count', { simple: true }) as number) *
      (sqlite.pragma('page_size', { simple: true }) as number);
    weighted.push({ job: { kind: 'fileChecksum' }, cost: bytes / 1500 });
  }
  return weighted.sort((a, b) => b.cost - a.cost).map(({ job }) => job);
}
