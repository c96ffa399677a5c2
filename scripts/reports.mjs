// Reading the test runners' JSON reports into passed/failed counts (used by scripts/test.mjs).
import { existsSync, readFileSync } from 'node:fs';

/** Vitest's JSON reporter: numPassedTests, numFailedTests (+ suites that failed to load). */
export function vitestCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numFailedTestSuites ?? 0),
  };
}

/**
 * Playwright's JSON reporter: stats.expected passed, stats.unexpected failed, stats.flaky passed only on a
 * retry (counted as passed, and named); errors outside any test (global setup, a file that does not load)
 * count as one failure each.
 */
export function playwrightCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const { expected, unexpected, flaky } = report.stats;
  return { passed: expected + flaky, failed: unexpected + (report.errors?.length ?? 0), flaky };
}
