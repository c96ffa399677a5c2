// Architecture rules over every .ts/.tsx file in domain/, contracts/, server/ and web/src/ (see
// docs/decisions/0005-architecture-test.md). Each rule lists today's violations; a new one fails, and so
// does a listed one that is gone, so the lists can only shrink.
import { describe, expect, it } from 'vitest';
import { importCycles, isTestFile, loadSources, type Import, type SourceFile } from './architecture.lib.js';

// ---------------------------------------------------------------------------------------------------
// KNOWN_VIOLATIONS — being removed by issue 8; may only shrink. Remove an entry in the change that fixes
// it (the test fails while a fixed entry is still listed). Never add one.
// ---------------------------------------------------------------------------------------------------
const KNOWN_VIOLATIONS: Record<Rule, readonly string[]> = {
  domain: [],
  platform: [],
  modules: [],
  env: [],
  dialect: [],
  web: [],
  cycles: [],
};

// Files over MAX_LINES today (tests included), each held at today's length: it may shrink, and leaves
// this map once at or under MAX_LINES; it may never grow. Never add one.
const MAX_LINES = 800;
const LINE_LIMIT_EXCEPTIONS: Record<string, number> = {
  'domain/vote-tally.test.ts': 832,
};

// ---------------------------------------------------------------------------------------------------
// Allowances (not violations: the rules themselves)
// ---------------------------------------------------------------------------------------------------
/** Packages domain/ code may import. Empty: the domain imports nothing but itself. */
const DOMAIN_PACKAGES: readonly string[] = [];
/** What domain/*.test.ts may import besides domain/: the test runner, property tests, fixture reading. */
const DOMAIN_TEST_PACKAGES: readonly string[] = ['vitest', 'fast-check', 'node:fs'];
/**
 * Files outside server/modules/ that may import any module file (routes, jobs, repos): the composition
 * roots that wire modules together, and tests.
 */
const COMPOSITION_ROOTS: readonly RegExp[] = [
  /^server\/app\.ts$/, // registers every module's routes
  /^server\/jobs\.ts$/, // registers every module's job handlers
  /^server\/messages\.ts$/, // registers every module's message catalogue
  /^server\/cli\//, // commands call module services, repos and importers directly
  /^server\/seed\//, // seeds write through module repos and services
  /^server\/test\//, // test harness
  /\.test\.tsx?$/, // tests anywhere
];
/** The one file that may read process.env (tests are out of scope for this rule). */
const ENV_READER = 'server/config.ts';
/** Where dialect tests belong (migrations included). Tests may branch on the database under test. */
const DIALECT_HOME = 'server/platform/db/';

type Rule = 'domain' | 'platform' | 'modules' | 'env' | 'dialect' | 'web' | 'cycles';
interface Violation {
  key: string; // what KNOWN_VIOLATIONS lists
  where: string; // what a failure shows
}

const sources = loadSources();

const describeImport = (s: SourceFile, i: Import) =>
  `${s.path}:${i.line}  ${i.code}${i.target && i.target !== i.specifier ? `  (→ ${i.target})` : ''}`;
const importViolation = (s: SourceFile, i: Import, why: string): Violation => ({
  key: `${s.path} -> ${i.target ?? i.specifier}`,
  where: `${describeImport(s, i)} — ${why}`,
});

/** Keys for findings that are not imports: a second identical finding in a file is '… (#2)', and new. */
function numbered(found: Violation[]): Violation[] {
  const seen = new Map<string, number>();
  return found.map((v) => {
    const n = (seen.get(v.key) ?? 0) + 1;
    seen.set(v.key, n);
    return n === 1 ? v : { ...v, key: `${v.key} (#${n})` };
  });
}

function check(
  rule: Rule,
  title: string,
  found: Violation[],
  gone = (_key: string) => `fixed: remove it from KNOWN_VIOLATIONS.${rule}`,
): void {
  const known = KNOWN_VIOLATIONS[rule];
  const foundKeys = new Set(found.map((v) => v.key));
  const knownKeys = new Set(known);
  const fresh = found.filter((v) => !knownKeys.has(v.key));
  const stale = [...knownKeys].filter((k) => !foundKeys.has(k));
  const duplicated = known.filter((k, n) => known.indexOf(k) !== n);
  const problems = [
    ...fresh.map((v) => `  NEW  ${v.where}\n         [${v.key}]`),
    ...stale.map((k) => `  GONE ${k}\n         ${gone(k)}`),
    ...duplicated.map((k) => `  DUPLICATE in KNOWN_VIOLATIONS.${rule}: ${k}`),
  ];
  if (problems.length) expect.fail(`${title}\n${problems.join('\n')}`);
}

const moduleOf = (p: string) => /^server\/modules\/([^/]+)\//.exec(p)?.[1] ?? null;
const under = (p: string | null, dir: string) => p !== null && p.startsWith(dir);

describe('architecture', () => {
  it('domain imports only domain', () => {
    const found: Violation[] = [];
    for (const s of sources.filter((f) => f.path.startsWith('domain/'))) {
      const packages = isTestFile(s.path) ? [...DOMAIN_PACKAGES, ...DOMAIN_TEST_PACKAGES] : DOMAIN_PACKAGES;
      for (const i of s.imports) {
        if (i.target === null ? !packages.includes(i.specifier) : !under(i.target, 'domain/'))
          found.push(
            importViolation(s, i, i.target === null ? 'package/built-in in domain' : 'outside domain/'),
          );
      }
    }
    check('domain', 'domain/ must be pure: it imports only domain/ files', found);
  });

  it('server/platform imports no module', () => {
    const found: Violation[] = [];
    for (const s of sources.filter((f) => f.path.startsWith('server/platform/')))
      for (const i of s.imports)
        if (under(i.target, 'server/modules/'))
          found.push(importViolation(s, i, 'platform importing a module'));
    check('platform', 'server/platform/ must not import server/modules/', found);
  });

  it('modules import other modules only through their *.service.ts; only composition roots import modules', () => {
    const found: Violation[] = [];
    for (const s of sources) {
      if (s.path.startsWith('server/platform/')) continue; // the platform rule covers it
      const own = moduleOf(s.path);
      const root = COMPOSITION_ROOTS.some((r) => r.test(s.path));
      for (const i of s.imports) {
        if (!under(i.target, 'server/modules/')) continue;
        const theirs = moduleOf(i.target!);
        if (own !== null) {
          if (theirs !== own && !i.target!.endsWith('.service.ts') && !root)
            found.push(
              importViolation(s, i, `module '${own}' reaching into module '${theirs}' past its service`),
            );
        } else if (!root) found.push(importViolation(s, i, 'not a composition root (COMPOSITION_ROOTS)'));
      }
    }
    check('modules', 'module boundaries', found);
  });

  it('process.env is read only in server/config.ts', () => {
    const found: Violation[] = [];
    for (const s of sources)
      if (s.path !== ENV_READER && !isTestFile(s.path))
        for (const e of s.envReads)
          found.push({ key: `${s.path}: ${e.text}`, where: `${s.path}:${e.line}  ${e.text}` });
    check('env', `process.env may be read only in ${ENV_READER} (pass config down)`, numbered(found));
  });

  it('dialect tests live in server/platform/db', () => {
    const found: Violation[] = [];
    for (const s of sources)
      if (!s.path.startsWith(DIALECT_HOME) && !isTestFile(s.path))
        for (const d of s.dialectTests)
          found.push({ key: `${s.path}: ${d.text}`, where: `${s.path}:${d.line}  ${d.text}` });
    check('dialect', `branching on the database dialect belongs in ${DIALECT_HOME}`, numbered(found));
  });

  it('web imports no server code', () => {
    const found: Violation[] = [];
    for (const s of sources.filter((f) => f.path.startsWith('web/src/')))
      for (const i of s.imports)
        if (under(i.target, 'server/')) found.push(importViolation(s, i, 'web importing server code'));
    check('web', 'web/src must not import server/ (share through contracts/ and domain/)', found);
  });

  it('features share pickers through web/src/shared, which imports no feature', () => {
    const featureOf = (p: string | null) => (p && /^web\/src\/features\/([^/]+)\//.exec(p)?.[1]) ?? null;
    const found: Violation[] = [];
    for (const s of sources.filter((f) => f.path.startsWith('web/src/') && !isTestFile(f.path)))
      for (const i of s.imports) {
        const from = featureOf(s.path);
        const to = featureOf(i.target);
        if (!to) continue;
        if (s.path.startsWith('web/src/shared/'))
          found.push(importViolation(s, i, 'shared code importing a feature'));
        else if (from && from !== to && /(Select|Picker)\.tsx$/.test(i.target!))
          found.push(importViolation(s, i, 'a picker of another feature: move it to web/src/shared'));
      }
    check(
      'web',
      'pickers used by several features live in web/src/shared (features do not reach into each other)',
      found,
    );
  });

  it('no import cycles', () => {
    const found = importCycles(sources).map(({ members, cycle }) => ({
      key: members.join(' + '),
      where: `cycle: ${cycle.join(' -> ')}${members.length > cycle.length - 1 ? `  (component of ${members.length} files)` : ''}`,
    }));
    const within = (k: string) =>
      found.find((f) => k.split(' + ').every((m) => f.key.split(' + ').includes(m)));
    check('cycles', 'import cycles (type-only imports count)', found, (k) =>
      within(k)
        ? `grew into a larger cycle (NEW above), not fixed: break the new import`
        : 'fixed: remove it from KNOWN_VIOLATIONS.cycles',
    );
  });

  it(`source files stay within ${MAX_LINES} lines`, () => {
    const byPath = new Map(sources.map((s) => [s.path, s.lines]));
    const problems: string[] = [];
    for (const s of sources)
      if (s.lines > MAX_LINES && !(s.path in LINE_LIMIT_EXCEPTIONS))
        problems.push(`  NEW  ${s.path}: ${s.lines} lines (limit ${MAX_LINES}) — split it`);
    for (const [path, max] of Object.entries(LINE_LIMIT_EXCEPTIONS)) {
      const lines = byPath.get(path);
      if (lines === undefined)
        problems.push(`  GONE ${path}: no such file — remove it from LINE_LIMIT_EXCEPTIONS`);
      else if (lines > max) problems.push(`  GREW ${path}: ${lines} lines, held at ${max} — split it`);
      else if (lines <= MAX_LINES)
        problems.push(`  FIXED ${path}: ${lines} lines — remove it from LINE_LIMIT_EXCEPTIONS`);
    }
    if (problems.length) expect.fail(`files over ${MAX_LINES} lines\n${problems.join('\n')}`);
  });
});
