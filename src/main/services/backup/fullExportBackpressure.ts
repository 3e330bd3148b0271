/**
 * Backpressure for exceljs's streaming writer, which has none: a sheet's rows go into a buffer
 * that is piped into the zip's deflate stream without waiting, so rows come faster than they are
 * compressed and the difference piles up in memory (250 MB at 50,000 orders). The writer waits
 * whenever too much is waiting.
 *
 * exceljs 4 offers no public way to see the backlog; this reads its internals: the worksheet's
 * `stream` (a StreamBuf holding unpiped `buffers` of 64 KB), its `pipes` (the zip entry's
 * PassThrough) and their `_writableState.length`. If that shape is gone (another exceljs), the
 * backlog reads null and the export still works, only without the limit; a unit test notices.
 */

/** A property of an unknown object, getters included. */
function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  return (value as Record<string, unknown>)[key];
}

const STREAM_BUF_CHUNK = 65_536;

/**
 * Bytes of a worksheet's XML not yet compressed: still in its own buffers (the zip has not
 * reached this sheet) and piped into the zip entry but not taken. Null when the shape is unknown.
 */
export function zipBacklogParts(worksheet: unknown): { unpiped: number; piped: number } | null {
  const stream = field(worksheet, 'stream');
  const pipes = field(stream, 'pipes');
  const buffers = field(stream, 'buffers');
  if (!Array.isArray(pipes) || !Array.isArray(buffers)) return null;
  let piped = 0;
  for (const pipe of pipes) {
    const length = field(field(pipe, '_writableState'), 'length');
    if (typeof length !== 'number') return null;
    piped += length;
  }
  return { unpiped: buffers.length * STREAM_BUF_CHUNK, piped };
}

export function zipBacklog(worksheet: unknown): number | null {
  const parts = zipBacklogParts(worksheet);
  return parts && parts.unpiped + parts.piped;
}

/** More than this waiting and the writer pauses. */
const MAX_BACKLOG_BYTES = 4 * 1024 * 1024;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Let the zip and the file catch up: always yield once, then wait while the backlog is too big.
 * `check` throws when the file has failed.
 */
export async function catchUp(worksheet: unknown, check: () => void): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  for (;;) {
    // A file that stopped taking data never lets the backlog drain.
    check();
    const backlog = zipBacklog(worksheet);
    if (backlog === null || backlog <= MAX_BACKLOG_BYTES) return;
    await pause(2);
  }
}
