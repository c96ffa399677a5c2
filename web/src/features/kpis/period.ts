// Months in Asia/Shanghai: the KPI period is a calendar month, `from`/`to` its first and last day.
import { addMonths, monthDays, shanghaiDate } from '../../../../domain/calendar';

/** `YYYY-MM` of the month before the current Shanghai month. */
export function lastMonth(now = new Date()): string {
  return addMonths(`${shanghaiDate(now).slice(0, 7)}-01`, -1).slice(0, 7);
}

export function monthRange(month: string): { from: string; to: string } {
  const { first, last } = monthDays(month);
  return { from: first, to: last };
}

export const isMonth = (v: string | undefined): v is string => !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
