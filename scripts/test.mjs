// `npm test`: everything — domain, repository and route tests (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set), CLI tests, then the browser journeys. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

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
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numFailedTestSuites ?? 0);
}
if (unit.status !== 0 && failed === 0) failed += 1;

const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) failed += 1;
else {
  const e2e = spawnSync(process.execPath, ['--import', 'tsx', 'e2e/run.ts', '--report', e2eReport], {
    cwd: root,
    stdio: 'inherit',
  });
  if (existsSync(e2eReport)) {
    const report = JSON.parse(readFileSync(e2eReport, 'utf8'));
    passed += report.passed;
    failed += report.failed;
  }
  if (e2e.status !== 0 && !existsSync(e2eReport)) failed += 1;
}

console.log(`\nsummary: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
