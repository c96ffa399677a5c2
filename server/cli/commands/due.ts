// `gongzhi due --start <ISO 8601> --duration <N>h|<N>d|<N>wd|<N>mo [--calendar <file.json>]`
//
// Prints the deadline as one ISO 8601 line with +08:00 (see domain/calendar.ts for the semantics: h and d are
// elapsed time, wd working days, mo calendar months as a statutory period, 民法典 Arts 201–203).
// Without --calendar the shipped State Council schedule reference/china-holidays.json is used; --calendar
// takes the flat format {"holidays": [...], "workdays": [...]} instead (it replaces, not extends, the shipped one).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  addDuration,
  calendarFromFile,
  calendarFromYears,
  dayNumber,
  formatShanghai,
  isValidDate,
  parseDuration,
  type BusinessCalendar,
} from '../../../domain/calendar.js';
import { parseCommandArgs, UsageError } from '../args.js';

const USAGE =
  'usage: gongzhi due --start <ISO 8601 date-time with offset> --duration <N>h|<N>d|<N>wd|<N>mo [--calendar <file.json>]';
const SHIPPED_CALENDAR = new URL('../../../reference/china-holidays.json', import.meta.url);
const OPTIONS = {
  start: { type: 'string' },
  duration: { type: 'string' },
  calendar: { type: 'string' },
} as const;

// YYYY-MM-DDTHH:MM[:SS[.fff…]] followed by Z or ±HH:MM.
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

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
  const date = `${ys}-${mos}-${ds}`;
  if (!isValidDate(date)) throw bad('no such calendar date');
  const [h, mi, s] = [hs, mis, ss ?? '0'].map(Number);
  if (h > 23 || mi > 59 || s > 59) throw bad('no such time of day');
  let offsetMin = 0;
  if (!z) {
    const oh = Number(ohs);
    const om = Number(oms);
    if (oh > 23 || om > 59) throw bad('invalid UTC offset');
    offsetMin = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  const wallMs = dayNumber(date) * 86_400_000 + ((h * 60 + mi) * 60 + s) * 1000 + ms;
  return new Date(wallMs - offsetMin * 60_000);
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
    const opts = parseCommandArgs(args, { options: OPTIONS, once: true }).values;
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
