import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Sqlite } from '../../db/open';

export interface TableFigures {
  rowCounts: Record<string, number>;
  tableChecksums: Record<string, string>;
}

/**
 * Row count and SHA-256 of every real table (virtual FTS tables are skipped: their content lives
 * in their shadow tables, which are counted). Rows are hashed in rowid order (primary-key order for
 * WITHOUT ROWID tables), each as the JSON of its column values, so equal data gives equal figures.
 */
export function tableFigures(sqlite: Sqlite): TableFigures {
  const tables = sqlite
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string; sql: string | null }[];
  const rowCounts: Record<string, number> = {};
  const tableChecksums: Record<string, string> = {};
  for (const { name, sql } of tables) {
    if (/^\s*create\s+virtual\s/i.test(sql ?? '')) continue;
    const order = /without\s+rowid\s*$/i.test(sql ?? '') ? '' : ' ORDER BY rowid';
    const hash = createHash('sha256');
    let count = 0;
    // Rows are hashed in batches: the digest is the same as row by row, with far fewer calls.
    let batch = '';
    const quoted = name.replaceAll('"', '""');
    for (const row of sqlite.prepare(`SELECT * FROM "${quoted}"${order}`).raw().iterate() as Iterable<
      unknown[]
    >) {
      // The replacer only matters for blobs; without one JSON.stringify takes V8's fast path.
      batch += `${row.some(isBlob) ? JSON.stringify(row, blobAsHex) : JSON.stringify(row)}\n`;
      if (batch.length > BATCH_CHARS) {
        hash.update(batch);
        batch = '';
      }
      count++;
    }
    hash.update(batch);
    rowCounts[name] = count;
    tableChecksums[name] = hash.digest('hex');
  }
  return { rowCounts, tableChecksums };
}

const BATCH_CHARS = 1 << 16;

function isBlob(value: unknown): boolean {
  return value instanceof Uint8Array;
}

function blobAsHex(_key: string, value: unknown): unknown {
  // Buffer.toJSON runs before the replacer sees it: turn its {type,data} form into compact hex.
  if (value && typeof value === 'object' && 'type' in value && value.type === 'Buffer' && 'data' in value) {
    return { blob: Buffer.from(value.data as number[]).toString('hex') };
  }
  return value;
}

export async function sha256File(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
