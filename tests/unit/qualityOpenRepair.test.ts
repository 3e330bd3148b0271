import { createReadStream } from 'node:fs';
import { parse } from '@fast-csv/parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpShop, signedInAs, startApp, type Client, type TestApp } from './harness';
import { QualityRows } from './qualityFixtures';

/**
 * The Open Repair check: the first 3,000 real records of the Open Repair Data (The Restart
 * Project, 2022-04; CC BY-SA 4.0, /work/shared/data/openrepair) loaded as closed orders, and the
 * fix rate per category that reports.byCategory gives compared with the share computed here
 * straight from the records' own repair_status.
 *
 * How a record ends: Fixed → repaired; End of life → unrepairable; Repairable (not fixed at the
 * event, could be with a part or more time; the visitor took it home) → unrepairable too: the
 * device went back unrepaired, so it is not a fix and it is closed; Unknown → still open (no
 * outcome), so outside the fix rate.
 */
const FILE = '/work/shared/data/openrepair/OpenRepairData_v0.3_RestartProject_202204.csv';
const SLICE = 3_000;

interface RepairRecord {
  product_category: string;
  brand: string;
  repair_status: string;
}

function readSlice(): Promise<RepairRecord[]> {
  return new Promise((resolve, reject) => {
    const rows: RepairRecord[] = [];
    const stream = createReadStream(FILE);
    stream
      .pipe(parse<RepairRecord, RepairRecord>({ headers: true, maxRows: SLICE }))
      .on('error', reject)
      .on('data', (row: RepairRecord) => rows.push(row))
      .on('end', () => {
        stream.destroy();
        resolve(rows);
      });
  });
}

let app: TestApp;
let manager: Client;
let records: RepairRecord[] = [];
const YEAR = { from: '2026-01-01', to: '2026-12-31', bucket: 'month' as const };

beforeAll(async () => {
  records = await readSlice();
  app = startApp();
  app.clock.ms = new Date(2027, 0, 2, 9).getTime();
  const admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  manager = await signedInAs(app, admin, 'manager');
  const adminId = (await admin.ok('auth.state', {})).user?.id ?? '';
  const rows = new QualityRows(app.core.deps.db, app.clock.ms, adminId);
  const start = new Date(2026, 0, 1, 9).getTime();
  app.core.database.sqlite.transaction(() => {
    records.forEach((r, i) => {
      const deviceId = rows.device(r.product_category, r.brand);
      const outcome =
        r.repair_status === 'Fixed'
          ? 'repaired'
          : r.repair_status === 'End of life' || r.repair_status === 'Repairable'
            ? 'unrepairable'
            : null;
      rows.order({
        deviceId,
        technicianId: null,
        createdAt: start + i * 2 * 3_600_000,
        diagnosedH: 1,
        readyH: outcome ? 2 : null,
        outcome,
        unrepairableReason:
          r.repair_status === 'End of life'
            ? 'endOfLife'
            : r.repair_status === 'Repairable'
              ? 'noParts'
              : null,
      });
    });
  })();
}, 60_000);
afterAll(() => app.cleanup());

describe('the Open Repair check', () => {
  it('has the slice', () => {
    expect(records).toHaveLength(SLICE);
  });

  it("gives each category's fix rate as the records' own repair status says", async () => {
    const report = await manager.ok('reports.byCategory', YEAR);
    const direct = new Map<string, { fixed: number; closed: number; all: number }>();
    for (const r of records) {
      const c = direct.get(r.product_category) ?? { fixed: 0, closed: 0, all: 0 };
      c.all += 1;
      if (r.repair_status === 'Fixed') c.fixed += 1;
      if (['Fixed', 'Repairable', 'End of life'].includes(r.repair_status)) c.closed += 1;
      direct.set(r.product_category, c);
    }
    expect(report.byCategory.map((c) => c.category).sort()).toEqual([...direct.keys()].sort());
    const lines: string[] = [];
    for (const row of report.byCategory) {
      const d = direct.get(row.category);
      expect(d, row.category).toBeDefined();
      if (!d) continue;
      expect(row.received, row.category).toBe(d.all);
      expect(row.fixRate, row.category).toBe(d.closed ? d.fixed / d.closed : null);
      lines.push(
        `${row.category.padEnd(28)} ${String(row.received).padStart(5)} ${String(row.outcomes.repaired).padStart(5)} ${
          row.fixRate === null ? '    –' : `${(row.fixRate * 100).toFixed(1).padStart(5)}%`
        }`,
      );
    }
    const fixed = records.filter((r) => r.repair_status === 'Fixed').length;
    const closed = records.filter((r) => r.repair_status !== 'Unknown').length;
    const shop = await manager.ok('reports.serviceQuality', YEAR);
    expect(shop.overall.fixRate).toBe(fixed / closed);
    expect(shop.overall.outcomes.open).toBe(records.length - closed);
    // The figures for the note: category, orders, repaired, fix rate.
    console.log(
      [
        `Open Repair slice: ${records.length} records, ${fixed} fixed of ${closed} closed = ${((fixed / closed) * 100).toFixed(1)}%`,
        `${'category'.padEnd(28)} ${'orders'.padStart(5)} ${'fixed'.padStart(5)} fix rate`,
        ...lines,
      ].join('\n'),
    );
  });
});
