// `npm test`: everything — domain, repository and route tests (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set), CLI tests, then the browser tests (Playwright). Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { playwrightCounts, vitestCounts } from './reports.mjs';

const root = new URL('..', import.meta.url).pathname;
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
let passed = 0;
let failed = 0;

if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL is not set: repository and route tests run on SQLite only (CI runs both).');
}

const vitestReport = join(tmp, 'vitest.json');
const e2eReport = join(tmp, 'e2e.json');
rmSync(vitestReport, { force: true });
rmSync(e2eReport, { force: true });
const unit = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
const unitCounts = vitestCounts(vitestReport);
if (unitCounts) {
  passed += unitCounts.passed;
  failed += unitCounts.failed;
}
if (unit.status !== 0 && !unitCounts?.failed) failed += 1;

const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) failed += 1;
else {
  // The browser tests (playwright.config.ts): Debian's Chromium, never a downloaded browser.
  const e2e = spawnSync('npx', ['playwright', 'test'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, E2E_REPORT: e2eReport, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  const e2eCounts = playwrightCounts(e2eReport);
  if (e2eCounts) {
    passed += e2eCounts.passed;
    failed += e2eCounts.failed;
    if (e2eCounts.flaky) console.log(`e2e: ${e2eCounts.flaky} passed only on a retry (flaky)`);
  }
  if (e2e.status !== 0 && !e2eCounts?.failed) failed += 1;
}

console.log(`\nsummary: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
