// Runs every journey in e2e/journeys against one real server and Chromium; prints one line per journey
// and writes a JSON report (--report FILE) with passed/failed counts.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, DEMO_PASSWORD, launchBrowser, startServer, type Journey } from './harness.js';

const reportArg = process.argv.indexOf('--report');
const reportFile = reportArg > 0 ? process.argv[reportArg + 1] : null;
const only = process.env.E2E_ONLY;

const dir = new URL('./journeys/', import.meta.url).pathname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.journey.ts'))
  .sort();
const journeys: Journey[] = [];
for (const f of files) journeys.push(...((await import(join(dir, f))).journeys as Journey[]));

const server = await startServer();
const browser = await launchBrowser();
const artifacts = artifactsDir();
let passed = 0;
let failed = 0;
try {
  for (const journey of journeys) {
    if (only && !journey.name.includes(only)) continue;
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // Every page runs under the server's Content-Security-Policy: a violation fails the journey.
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    const started = Date.now();
    try {
      await journey.run({
        baseUrl: server.baseUrl,
        page,
        artifacts,
        async login(username, password = DEMO_PASSWORD) {
          await page.goto(`${server.baseUrl}/login`);
          await page.getByTestId('login-username').fill(username);
          await page.getByTestId('login-password').fill(password);
          await page.getByTestId('login-submit').click();
          await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        },
      });
      if (cspViolations.length) throw new Error(`CSP violations:\n${cspViolations.join('\n')}`);
      passed++;
      console.log(`  ✓ ${journey.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      const shot = join(artifacts, `${journey.name.replace(/[^\w-]+/g, '_')}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      console.log(
        `  ✗ ${journey.name}: ${err instanceof Error ? err.message : String(err)}\n    screenshot: ${shot}`,
      );
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
if (reportFile) writeFileSync(reportFile, JSON.stringify({ passed, failed }));
process.exit(failed > 0 ? 1 : 0);
