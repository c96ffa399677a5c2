import { describe, expect, it } from 'vitest';
import { parseCommandArgs, UsageError } from './args.js';

const OPTIONS = { out: { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;

function problem(args: string[], spec: Partial<Parameters<typeof parseCommandArgs>[1]> = {}): string {
  try {
    parseCommandArgs(args, { options: OPTIONS, ...spec });
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(args)}`);
}

describe('parseCommandArgs (node:util parseArgs, strict)', () => {
  it('reads --name value, --name=value, booleans and positionals', () => {
    const r = parseCommandArgs(['a', '--out', 'x.csv', '--dry-run', 'b'], {
      options: OPTIONS,
      positionals: true,
    });
    expect({ ...r.values }).toEqual({ out: 'x.csv', 'dry-run': true });
    expect(r.positionals).toEqual(['a', 'b']);
    expect({ ...parseCommandArgs(['--out=-x.csv'], { options: OPTIONS }).values }).toEqual({ out: '-x.csv' });
    expect({ ...parseCommandArgs(['--out='], { options: OPTIONS }).values }).toEqual({ out: '' });
    expect({ ...parseCommandArgs([], { options: OPTIONS }).values }).toEqual({});
    expect(parseCommandArgs(['--out', '-'], { options: OPTIONS }).values.out).toBe('-'); // stdin/stdout
    // the last of a repeated option counts unless `once`
    expect(parseCommandArgs(['--out', 'a', '--out', 'b'], { options: OPTIONS }).values.out).toBe('b');
    expect(parseCommandArgs(['--', '--out'], { options: OPTIONS, positionals: true }).positionals).toEqual([
      '--out',
    ]);
  });

  it('names the first offending argument', () => {
    expect(problem(['--bogus'])).toBe('unknown option --bogus');
    expect(problem(['--out', 'a', '-x'])).toBe('unknown option -x');
    expect(problem(['--bogus=1', '--out'])).toBe('unknown option --bogus');
    expect(problem(['--out'])).toBe('--out needs a value');
    expect(problem(['--out', '--dry-run'])).toBe('--out needs a value');
    expect(problem(['--dry-run=yes'])).toBe('--dry-run takes no value');
    expect(problem(['file.csv'])).toBe('unexpected argument "file.csv"');
    expect(problem(['--out', 'a', '--out=b'], { once: true })).toBe('--out given more than once');
    expect(problem(['--constructor'])).toBe('unknown option --constructor');
  });

  it('prefixes the command and appends its usage when named', () => {
    expect(problem(['--bogus'], { name: 'seed', usage: 'usage: gongzhi seed' })).toBe(
      'gongzhi seed: unknown option --bogus\nusage: gongzhi seed',
    );
    expect(problem(['x'], { name: 'backup' })).toBe('gongzhi backup: unexpected argument "x"');
  });
});
