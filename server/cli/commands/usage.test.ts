// Every command refuses what it does not know before it touches a database: an unknown option is a
// UsageError (main.ts: the message on stderr, exit code 2).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../args.js';

const BIN = fileURLToPath(new URL('../../../bin/gongzhi', import.meta.url));

const COMMANDS: [string, string[]][] = [
  ['apikey', ['create', '--channel', 'open311', '--bogus']],
  ['apikey', ['list', '--bogus']],
  ['apikey', ['revoke', 'id', '--bogus']],
  ['audit', ['verify', '--bogus']],
  ['backup', ['--bogus']],
  ['export', ['compounds', '--out', 'x.csv', '--bogus']],
  ['import', ['compounds', 'x.csv', '--bogus']],
  ['migrate', ['--bogus']],
  ['openapi', ['--bogus']],
  ['restore', ['x.db', '--bogus']],
  ['seed', ['--bogus']],
  ['serve', ['--bogus']],
  ['user', ['create', '--username', 'u', '--bogus']],
  ['user', ['unlock', '--username', 'u', '--bogus']],
];

describe('unknown options', () => {
  it.each(COMMANDS)('gongzhi %s %j → UsageError', async (name, args) => {
    const { run } = (await import(`./${name}.js`)) as { run: (a: string[]) => Promise<number> };
    const sub = ['apikey', 'audit', 'user'].includes(name) ? ` ${args[0]}` : '';
    await expect(run(args)).rejects.toThrow(UsageError);
    await expect(run(args)).rejects.toThrow(
      new RegExp(`^gongzhi ${name}${sub}: unknown option --bogus\nusage: `),
    );
  });

  it('missing values and stray arguments are usage errors too', async () => {
    const seed = await import('./seed.js');
    await expect(seed.run(['--scale'])).rejects.toThrow(/^gongzhi seed: --scale needs a value/);
    await expect(seed.run(['--accounts=yes'])).rejects.toThrow(/^gongzhi seed: --accounts takes no value/);
    await expect(seed.run(['demo'])).rejects.toThrow(/^gongzhi seed: unexpected argument "demo"/);
    const backup = await import('./backup.js');
    await expect(backup.run(['--out'])).rejects.toThrow(/^gongzhi backup: --out needs a value/);
  });
});

describe('exit code 2 from the binary', () => {
  const gongzhi = (...args: string[]) => spawnSync(BIN, args, { encoding: 'utf8', timeout: 20_000 });

  it.each([
    [
      ['seed', '--scale', 'demo', '--bogus'],
      /^gongzhi seed: unknown option --bogus\nusage: gongzhi seed --scale/,
    ],
    [['migrate', 'now'], /^gongzhi migrate: unexpected argument "now"\nusage: gongzhi migrate\n$/],
    [['serve', '--demo', '--port', '1'], /^gongzhi serve: unknown option --port\n/],
    [
      ['due', '--start', '2026-11-26T09:30:00Z', '--duration', '1h', '-x'],
      /^gongzhi due: unknown option -x\n$/,
    ],
    [['tally', '--verbose', 'a.json'], /^gongzhi tally: unknown option --verbose\nusage: gongzhi tally/],
  ])('%j', (args, stderr) => {
    const r = gongzhi(...args);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(stderr);
    expect(r.status).toBe(2);
  });
});
