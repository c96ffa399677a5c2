// The SLA countdown badge of the work queues (issue 9 §8): how long until a case's next deadline, or how long
// it is overdue, in words ("剩 3 小时", "超时 2 天") with its due state for the colour. The deadline itself
// comes from domain/sla.ts on the one calendar (domain/calendar.ts: working days, 24:00 ends), so the time
// left is elapsed time to that instant, rounded down. The state is domain/sla.ts dueState, a deadline
// passed meanwhile counting as overdue whatever was stored. No I/O.
import { dueState, type DueState } from './sla.js';
import type { Label } from './case-labels.js';

export interface SlaCountdown {
  state: DueState;
  /** null when the case has no running deadline. */
  label: Label | null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function amount(ms: number): { n: number; unit: 'minute' | 'hour' | 'day' } | null {
  if (ms < HOUR) return { n: Math.max(1, Math.floor(ms / MINUTE)), unit: 'minute' };
  if (ms < DAY) return { n: Math.floor(ms / HOUR), unit: 'hour' };
  return null; // in days
}

const UNIT = {
  minute: { zh: '分钟', en: ['minute', 'minutes'] },
  hour: { zh: '小时', en: ['hour', 'hours'] },
  day: { zh: '天', en: ['day', 'days'] },
} as const;

function words(overdue: boolean, n: number, unit: keyof typeof UNIT): Label {
  const en = `${n} ${UNIT[unit].en[n === 1 ? 0 : 1]}`;
  return overdue
    ? { zh: `超时 ${n} ${UNIT[unit].zh}`, en: `${en} overdue` }
    : { zh: `剩 ${n} ${UNIT[unit].zh}`, en: `${en} left` };
}

/**
 * The countdown to `dueIso` at `now`. Less than a day away (or overdue by less than a day): minutes or
 * hours; otherwise whole days — each rounded down.
 * `storedState` is the case's due state (its 即将超期 warning comes from the SLA policy).
 */
export function slaCountdown(now: Date, dueIso: string | null, storedState: string): SlaCountdown {
  if (!dueIso) return { state: 'none', label: null };
  const due = new Date(dueIso);
  const computed = dueState(now, due, 0);
  const state: DueState =
    computed === 'overdue' ? 'overdue' : storedState === 'warning' ? 'warning' : computed;
  const overdue = state === 'overdue';
  const ms = Math.abs(due.getTime() - now.getTime());
  const short = amount(ms);
  if (short) return { state, label: words(overdue, short.n, short.unit) };
  return { state, label: words(overdue, Math.floor(ms / DAY), 'day') };
}
