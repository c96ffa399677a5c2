// `gongzhi due --start <ISO 8601> --duration <N>h|<N>d|<N>wd [--calendar <file.json>]`
//
// Prints the deadline as one ISO 8601 line with +08:00 (see domain/calendar.ts for the semantics).
// Without --calendar the shipped State Council schedule reference/china-holidays.json is used; --calendar
// takes the flat format {"holidays": [...], "workdays": [...]} instead (it replaces, not extends, the shipped one).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  addDuration,
  calendarFromFile,
  calendarFromYears,
  formatShanghai,
  parseDuration,
  type BusinessCalendar,
} from '../../../domain/calendar.js';

const USAGE =
  'usage: gongzhi due --start <ISO 8601 date-time with offset> --duration <N>h|<N>d|<N>wd [--calendar <file.json>]';
const SHIPPED_CALENDAR = new URL('../../../reference/china-holidays.json', import.meta.url);
const FLAGS = ['start', 'duration', 'calendar'] as const;
type Flag = (typeof FLAGS)[number];

class UsageError extends Error {}

// YYYY-MM-DDTHH:MM[:SS[.fff…]] followed by Z or ±HH:MM.
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Parses a full ISO 8601 date-time with an explicit offset or Z; fractional seconds are truncated to ms. */
export function parseStart(text: string): Date {
  const match = ISO_RE.exec(text);
  const bad = (why: string) =>
    new UsageError(
      `invalid --start ${JSON.stringify(text)}: ${why} (expected an ISO 8601 date-time with an offset, ` +
        'e.g. 2026-11-26T09:30:00+08:00 or 2026-11-26T01:30:00Z)',
    );
  if (!match) throw bad('not a date-time with an explicit offset');
  const [, ys, mos, ds, hs, mis, ss, frac, z, sign, ohs, oms] = match;
  const [y, mo, d, h, mi, s] = [ys, mos, ds, hs, mis, ss ?? '0'].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw bad('no such calendar date');
  if (h > 23 || mi > 59 || s > 59) throw bad('no such time of day');
  let offsetMin = 0;
  if (!z) {
    const oh = Number(ohs);
    const om = Number(oms);
    if (oh > 23 || om > 59) throw bad('invalid UTC offset');
    offsetMin = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear avoids that.
  const base = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  base.setUTCFullYear(y);
  return new Date(base.getTime() - offsetMin * 60_000);
}

function parseArgs(args: string[]): Partial<Record<Flag, string>> {
  const values: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const m = /^--([^=]+)(?:=([\s\S]*))?$/.exec(arg);
    if (!m) throw new UsageError(`unexpected argument ${JSON.stringify(arg)}`);
    const name = m[1] as Flag;
    if (!FLAGS.includes(name)) throw new UsageError(`unknown option --${m[1]}`);
    if (values[name] !== undefined) throw new UsageError(`--${name} given more than once`);
    let value = m[2];
    if (value === undefined) {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      value = next;
      i++;
    }
    values[name] = value;
  }
  return values;
}

async function loadJson(file: string | URL, what: string): Promise<unknown> {
  const shown = file instanceof URL ? fileURLToPath(file) : file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err);
    throw new UsageError(`cannot read ${what} ${shown}: ${reason}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${what} ${shown} is not valid JSON: ${err instanceof Error ? err.message : err}`);
  }
}

export async function run(args: string[]): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const opts = parseArgs(args);
    if (opts.start === undefined) throw new UsageError('missing --start');
    if (opts.duration === undefined) throw new UsageError('missing --duration');
    const start = parseStart(opts.start);
    let duration;
    try {
      duration = parseDuration(opts.duration);
    } catch (err) {
      throw new UsageError((err as Error).message.replace(/^invalid duration/, 'invalid --duration'));
    }
    let cal: BusinessCalendar;
    if (opts.calendar !== undefined) {
      if (opts.calendar === '') throw new UsageError('--calendar needs a file name');
      const json = await loadJson(opts.calendar, 'calendar file');
      try {
        cal = calendarFromFile(json);
      } catch (err) {
        throw new UsageError(`${opts.calendar}: ${(err as Error).message}`);
      }
    } else {
      cal = calendarFromYears(await loadJson(SHIPPED_CALENDAR, 'shipped calendar'));
    }
    let due: string;
    try {
      due = formatShanghai(addDuration(cal, start, duration));
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    process.stdout.write(`${due}\n`);
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`gongzhi due: ${message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
