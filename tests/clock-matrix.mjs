// The end-to-end suite at several fake times of day and in two time zones: it must pass at any hour,
// anywhere. `npm run test:clock [-- <e2e test files>]` (needs `npm run build` first). Each run
// starts the one fake clock of server and browser (tests/e2e/clock.ts) at the given time today.
import { spawnSync } from 'node:child_process';

const ZONES = ['Asia/Shanghai', 'UTC'];
const TIMES = ['00:00:30', '09:59', '23:59'];
const files = process.argv.slice(2);

const results = [];
for (const zone of ZONES) {
  for (const time of TIMES) {
    const started = Date.now();
    console.log(`\n== e2e at ${time} ${zone}`);
    const run = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', ...files], {
      stdio: 'inherit',
      env: { ...process.env, TZ: zone, DESK_TEST_TIME: time },
    });
    results.push({
      zone,
      time,
      passed: run.status === 0,
      seconds: Math.round((Date.now() - started) / 1000),
    });
  }
}

console.log('\n== clock matrix');
for (const r of results)
  console.log(`${r.passed ? 'pass' : 'FAIL'}  ${r.time.padEnd(8)}  ${r.zone.padEnd(13)}  ${r.seconds} s`);
process.exit(results.every((r) => r.passed) ? 0 : 1);
