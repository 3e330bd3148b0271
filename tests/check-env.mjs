// Fails loudly, before any test runs, when a prerequisite is missing: tests never skip silently.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const problems = [];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  problems.push(
    `Node ${process.versions.node} is too old: 售后服务台 needs Node >= 22.12 (see .nvmrc; .ci/run installs Node 24).`,
  );
}
if (!process.argv.includes('--node-only')) {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    problems.push(
      `Chromium not found at ${chromium}: end-to-end tests need it. Install it (apt-get install -y chromium fonts-noto-cjk poppler-utils) or set CHROMIUM_PATH.`,
    );
  }
  if (spawnSync('libreoffice', ['--version']).status !== 0) {
    problems.push(
      'LibreOffice not found: exported .xlsx files are checked by opening them in it. Install it (apt-get install -y --no-install-recommends libreoffice-calc-nogui).',
    );
  }
}
if (problems.length) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exit(1);
}
