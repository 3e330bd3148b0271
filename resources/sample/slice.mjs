// Cuts the demo shop's slice from the Open Repair records (The Restart Project, 2022-04,
// CC BY-SA 4.0): every 14th record that has a problem text and a decided repair status, with the
// columns the demo uses, unchanged. Run from the project root:
//   node resources/sample/slice.mjs ../shared/data/openrepair/OpenRepairData_v0.3_RestartProject_202204.csv
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const COLUMNS = ['id', 'product_category', 'brand', 'repair_status', 'event_date', 'problem'];
const STATUSES = new Set(['Fixed', 'Repairable', 'End of life']);
const records = parse(readFileSync(process.argv[2]), { columns: true, bom: true });
const kept = records
  .filter((r) => STATUSES.has(r.repair_status) && r.problem.trim() !== '' && r.problem.length <= 300)
  .filter((_, i) => i % 14 === 0);
const head = {
  source: 'Open Repair Data v0.3, The Restart Project (Open Repair Alliance), 2022-04',
  licence: 'CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/',
  columns: COLUMNS,
};
// One record a line: a readable diff when the slice is cut again.
const rows = kept.map((r) => JSON.stringify(COLUMNS.map((c) => r[c].trim().replace(/\s+/g, ' '))));
const json = `${JSON.stringify(head).slice(0, -1)},\n"rows":[\n${rows.join(',\n')}\n]}\n`;
writeFileSync(new URL('openrepair-sample.json', import.meta.url), json);
console.log(`${kept.length} of ${records.length} records`);
