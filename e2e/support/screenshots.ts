// Screenshots are taken only when E2E_SCREENSHOTS=1: those named for the docs go to docs/screenshots/
// (the pictures the README and docs show), the others into the test's output folder under test-results/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, PageScreenshotOptions, TestInfo } from '@playwright/test';

export const SCREENSHOTS = process.env.E2E_SCREENSHOTS === '1';

/** A picture for docs/screenshots/<name> (fresh load, zh-CN; the caller sets the scene). */
export async function docsScreenshot(page: Page, name: string, options: PageScreenshotOptions = {}) {
  if (!SCREENSHOTS) return;
  const dir = join(process.cwd(), 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  // a function, not a string: the page's Content-Security-Policy forbids evaluating strings
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
  );
  await page.screenshot({ ...options, path: join(dir, name) });
}

/** A picture kept with the test's results (for a person to look at, not for the docs). */
export async function resultScreenshot(page: Page, testInfo: TestInfo, name: string) {
  if (!SCREENSHOTS) return;
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
}
