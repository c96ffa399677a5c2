import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { inexactNumberLiterals } from '../json-document.js';
import { run } from './tally.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = join(ROOT, 'bin', 'gongzhi');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongzhi-tally-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const VALID = {
  matter: 'raise_fund',
  units: [
    { id: 'u1', owner: 'alice', registeredArea: 100.5 },
    { id: 'u2', owner: 'developer', surveyedArea: 80 },
    { id: 'u3', owner: 'developer', registeredArea: null, contractArea: 70.25 },
    { id: 'u4', owner: 'bob', contractArea: 90 },
    { id: 'u5', owner: 'carol', registeredArea: 0.01 },
  ],
  ballots: [
    { owner: 'alice', choice: 'yes' },
    { owner: 'developer', choice: 'yes' },
    { owner: 'bob', choice: 'abstain' },
  ],
};

function gongzhi(args: string[], input?: string) {
  const r = spawnSync(BIN, ['tally', ...args], { encoding: 'utf8', input, timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/gongzhi tally (spawned)', () => {
  it('prints the exact count for a valid file and exits 0', () => {
    const r = gongzhi([file('valid.json', VALID)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toStrictEqual({
      matter: 'raise_fund',
      rule: 'three_quarters',
      totalArea: '340.76',
      totalPersons: 4,
      participatingArea: '340.75',
      participatingPersons: 3,
      yesArea: '250.75',
      yesPersons: 2,
      quorumMet: true,
      passed: false, // 2/3 persons < 3/4
    });
    expect(Object.keys(JSON.parse(r.stdout) as object)).toEqual([
      'matter',
      'rule',
      'totalArea',
      'totalPersons',
      'participatingArea',
      'participatingPersons',
      'yesArea',
      'yesPersons',
      'quorumMet',
      'passed',
    ]);
  });

  it('reads standard input with "-"', () => {
    const r = gongzhi(['-'], JSON.stringify({ ...VALID, matter: 'use_fund' }));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rule: 'majority', passed: true, yesArea: '250.75' });
  });

  it('rejects an area with three decimals: exit 2, stderr names the unit, stdout empty', () => {
    const bad = structuredClone(VALID);
    bad.units[3] = { id: 'u4', owner: 'bob', contractArea: 90.125 };
    const r = gongzhi([file('three-decimals.json', bad)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^gongzhi tally: unit "u4": contractArea 90\.125 has more than two decimals$/m);
  });

  it('rejects two ballots for one owner: exit 2', () => {
    const bad = structuredClone(VALID);
    bad.ballots.push({ owner: 'alice', choice: 'no' });
    const r = gongzhi([file('two-ballots.json', bad)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^gongzhi tally: owner "alice" has more than one ballot/m);
  });
});

describe('run() in-process', () => {
  let out: string;
  let err: string;
  afterEach(() => vi.restoreAllMocks());
  async function call(args: string[]): Promise<number> {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
    const code = await run(args);
    vi.restoreAllMocks();
    return code;
  }

  it.each<[string, () => string[], RegExp]>([
    ['missing file argument', () => [], /^gongzhi tally: missing input file\nusage: gongzhi tally/],
    ['two arguments', () => ['a.json', 'b.json'], /expected one input file/],
    ['unknown option', () => ['--verbose'], /unknown option --verbose/],
    [
      'unreadable file',
      () => [join(dir, 'does-not-exist.json')],
      /^gongzhi tally: cannot read .*does-not-exist\.json/,
    ],
    [
      'invalid JSON',
      () => [file('broken.json', '{"matter": ')],
      /^gongzhi tally: .*broken\.json is not valid JSON/,
    ],
    [
      'unit without area',
      () => [file('no-area.json', { ...VALID, units: [...VALID.units, { id: 'u7', owner: 'dan' }] })],
      /^gongzhi tally: unit "u7" has no area \(registeredArea, surveyedArea and contractArea are all missing\)$/m,
    ],
    [
      'ballot for an unknown owner',
      () => [file('unknown-owner.json', { ...VALID, ballots: [{ owner: 'mallory', choice: 'yes' }] })],
      /owner "mallory", who owns no unit/,
    ],
    [
      'unknown matter',
      () => [file('matter.json', { ...VALID, matter: 'impeach' })],
      /unknown matter "impeach"/,
    ],
    [
      'unknown choice',
      () => [file('choice.json', { ...VALID, ballots: [{ owner: 'bob', choice: 'maybe' }] })],
      /unknown choice "maybe"/,
    ],
    [
      'numeric ids',
      () => [file('ids.json', { ...VALID, units: [{ id: 1, owner: 'a', registeredArea: 1 }], ballots: [] })],
      /units\[0\]: "id" must be a non-empty string, not number 1/,
    ],
    [
      'exponent in the number text',
      () => [
        file(
          'exp.json',
          '{"matter":"use_fund","units":[{"id":"u1","owner":"a","registeredArea":1.5e2}],"ballots":[]}',
        ),
      ],
      /number 1\.5e2 at line 1, column 71/,
    ],
    [
      'decimals lost by JSON.parse',
      () => [
        file(
          'long.json',
          '{"matter":"use_fund",\n"units":[{"id":"u1","owner":"a","registeredArea":12.3400000000000000001}],"ballots":[]}',
        ),
      ],
      /number 12\.3400000000000000001 at line 2, column 50/,
    ],
  ])('%s → exit 2, message on stderr, nothing on stdout', async (_name, args, message) => {
    const code = await call(args());
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(
      err
        .split('\n')
        .filter(Boolean)
        .every((l) => l.startsWith('gongzhi tally: ') || l.startsWith('usage:')),
    ).toBe(true);
  });

  it('accepts a UTF-8 BOM and prints one JSON line', async () => {
    const code = await call([file('bom.json', `\uFEFF${JSON.stringify(VALID)}`)]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(JSON.parse(out)).toMatchObject({ totalArea: '340.76', passed: false });
  });

  it('caps a long problem list', async () => {
    const units = Array.from({ length: 120 }, (_, i) => ({ id: `u${i}`, owner: `o${i}` }));
    const code = await call([file('many.json', { matter: 'use_fund', units, ballots: [] })]);
    expect(code).toBe(2);
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[50]).toBe('gongzhi tally: … and 70 more problems');
  });
});

describe('inexactNumberLiterals', () => {
  it('finds exponent and over-precise number tokens outside strings only', () => {
    const text = '{"a": [1, 2.5, 3.50, 3.500, -1.25, 1e3, 0.125, "1.999", "x\\"9.999"],\n "b": 1E-2}';
    expect(inexactNumberLiterals(text)).toEqual([
      { literal: '1e3', line: 1, column: 36 },
      { literal: '0.125', line: 1, column: 41 },
      { literal: '1E-2', line: 2, column: 7 },
    ]);
  });
});
