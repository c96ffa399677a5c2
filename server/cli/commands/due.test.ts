import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseStart } from './due.js';

const BIN = fileURLToPath(new URL('../../../bin/gongzhi', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'gongzhi-due-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function gongzhi(...args: string[]) {
  const r = spawnSync(BIN, ['due', ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gongzhi due (spawned)', () => {
  it('prints the due instant as one +08:00 line', () => {
    const r = gongzhi('--start', '2026-09-30T10:00:00+08:00', '--duration', '1wd');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('2026-10-09T00:00:00+08:00\n');
    expect(r.status).toBe(0);
  });

  it('--calendar replaces the shipped calendar', () => {
    const file = join(tmp, 'cal.json');
    writeFileSync(file, JSON.stringify({ holidays: ['2026-11-27'] }));
    // Thu 2026-11-26 + 1wd: Fri 11-27 normally; with 11-27 off → Mon 11-30
    const r = gongzhi('--start=2026-11-26T01:30:00Z', '--duration=1wd', '--calendar', file);
    expect(r.stdout).toBe('2026-12-01T00:00:00+08:00\n');
    expect(r.status).toBe(0);
  });

  it('exits 2 with a message and no output on bad input', () => {
    const r = gongzhi('--start', '2026-11-26', '--duration', '1wd');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^gongzhi due: invalid --start "2026-11-26"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('due run() in-process', () => {
  async function runCaptured(args: string[]) {
    const { run } = await import('./due.js');
    let stdout = '';
    let stderr = '';
    const out = process.stdout.write;
    const err = process.stderr.write;
    process.stdout.write = ((s: string) => ((stdout += s), true)) as typeof process.stdout.write;
    process.stderr.write = ((s: string) => ((stderr += s), true)) as typeof process.stderr.write;
    try {
      const code = await run(args);
      return { code, stdout, stderr };
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
  }

  it('computes with the shipped calendar', async () => {
    const r = await runCaptured(['--start', '2026-10-09T10:00:00+08:00', '--duration', '3wd']);
    expect(r).toEqual({ code: 0, stdout: '2026-10-14T00:00:00+08:00\n', stderr: '' });
    const h = await runCaptured(['--start', '2026-09-30T23:30:00.5-01:00', '--duration', '2h']);
    expect(h.stdout).toBe('2026-10-01T10:30:00+08:00\n');
  });

  it('mo: a month as the law counts it (民法典 Arts 201–203), d keeps its 24-hour days', async () => {
    const mo = await runCaptured(['--start', '2025-02-03T10:00:00+08:00', '--duration', '1mo']);
    expect(mo).toEqual({ code: 0, stdout: '2025-03-04T00:00:00+08:00\n', stderr: '' });
    const d = await runCaptured(['--start', '2025-02-03T10:00:00+08:00', '--duration', '30d']);
    expect(d.stdout).toBe('2025-03-05T10:00:00+08:00\n');
  });

  it.each([
    [[], /missing --start/],
    [['--start', '2026-11-26T09:30:00+08:00'], /missing --duration/],
    [['--start', '2026-11-26T09:30:00+08:00', '--duration', '0wd'], /invalid --duration "0wd"/],
    [['--start', '2026-11-26T09:30:00+08:00', '--duration', '2w'], /invalid --duration/],
    [['--start', '2026-11-26T09:30:00+08:00', '--duration', '1h', '--tz', 'x'], /unknown option --tz/],
    [['--start', '2026-11-26T09:30:00+08:00', '--duration'], /--duration needs a value/],
    [
      ['--start', '2026-11-26T09:30:00+08:00', '--start', '2026-11-26T09:30:00Z', '--duration', '1h'],
      /more than once/,
    ],
    [['2026-11-26T09:30:00+08:00', '--duration', '1h'], /unexpected argument/],
    [['--start', '2026-11-26T09:30:00', '--duration', '1h'], /invalid --start/],
    [['--start', '2026-02-30T09:30:00Z', '--duration', '1h'], /no such calendar date/],
    [['--start', 'yesterday', '--duration', '1h'], /invalid --start/],
    [
      ['--start', '2026-11-26T09:30:00Z', '--duration', '1h', '--calendar', '/nonexistent/x.json'],
      /cannot read/,
    ],
    [['--start', '2026-11-26T09:30:00Z', '--duration', '9999999999999h'], /out of the supported range/],
  ])('rejects %j', async (args, message) => {
    const r = await runCaptured(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^gongzhi due: /);
    expect(r.stderr).toMatch(message);
  });

  it('rejects invalid calendar files', async () => {
    const notJson = join(tmp, 'bad.json');
    writeFileSync(notJson, '{holidays:');
    const badDate = join(tmp, 'bad-date.json');
    writeFileSync(badDate, JSON.stringify({ holidays: ['2026-11-31'] }));
    const multiYear = join(tmp, 'years.json');
    writeFileSync(multiYear, JSON.stringify({ '2026': { holidays: [] } }));
    for (const [file, message] of [
      [notJson, /not valid JSON/],
      [badDate, /holidays\[0\] is not a valid YYYY-MM-DD date/],
      [multiYear, /unknown key "2026"/],
    ] as const) {
      const r = await runCaptured([
        '--start',
        '2026-11-26T09:30:00Z',
        '--duration',
        '1wd',
        '--calendar',
        file,
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('parseStart', () => {
  it('accepts ISO 8601 date-times with an offset', () => {
    expect(parseStart('2026-11-26T09:30:00+08:00').toISOString()).toBe('2026-11-26T01:30:00.000Z');
    expect(parseStart('2026-11-26T01:30:00Z').toISOString()).toBe('2026-11-26T01:30:00.000Z');
    expect(parseStart('2026-11-26T01:30:00.123456Z').toISOString()).toBe('2026-11-26T01:30:00.123Z');
    expect(parseStart('2026-11-26T01:30Z').toISOString()).toBe('2026-11-26T01:30:00.000Z');
    expect(parseStart('2024-02-29T20:00:00-05:30').toISOString()).toBe('2024-03-01T01:30:00.000Z');
    expect(parseStart('0050-01-01T00:00:00Z').getUTCFullYear()).toBe(50);
  });

  it.each([
    '2026-11-26',
    '2026-11-26T09:30:00',
    '2026-11-26 09:30:00+08:00',
    '2026-11-26T24:00:00Z',
    '2026-11-26T09:60:00Z',
    '2026-11-26T09:30:60Z',
    '2026-11-26T09:30:00+0800',
    '2026-11-26T09:30:00+08',
    '2026-13-01T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-11-26T09:30:00.Z',
    '',
    'garbage',
  ])('rejects %j', (text) => {
    expect(() => parseStart(text)).toThrow(/invalid --start/);
  });
});
