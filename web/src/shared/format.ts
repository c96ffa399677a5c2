// Display formatters. Instants are always shown in Asia/Shanghai, whatever the browser's zone.
import { deadlineDay, shanghaiDate, shanghaiWallClock } from '../../../domain/calendar';
import type { Lang } from '../app/i18n';

/**
 * `2026-11-27 07:56:42` (Shanghai wall-clock time) from an ISO instant. The same digits in every language,
 * so `_lang` is only kept for the callers.
 */
export function formatDateTime(iso: string | null | undefined, _lang: Lang = 'zh-CN'): string {
  if (!iso) return '—';
  try {
    return shanghaiWallClock(new Date(iso)).replace('T', ' ');
  } catch {
    return iso; // not an instant, or outside the years 0000–9999
  }
}

/** Calendar dates (`YYYY-MM-DD`) are Shanghai dates already; shown as they are. */
export function formatDate(date: string | null | undefined): string {
  return date ? date.slice(0, 10) : '—';
}

const areaFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `17,175.01` from the API's decimal string; '—' when absent. */
export function formatArea(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  return Number.isFinite(n) ? areaFormat.format(n) : value;
}

export function compareText(a: string | null | undefined, b: string | null | undefined): number {
  return (a ?? '').localeCompare(b ?? '', 'zh-CN', { numeric: true });
}

export function compareNumber(
  a: string | number | null | undefined,
  b: string | number | null | undefined,
): number {
  return Number(a ?? 0) - Number(b ?? 0);
}

const WEEKDAYS_ZH = '日一二三四五六';
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A deadline as its last day: "12月3日（周四）24:00前" / "by Thu 3 Dec, 24:00" (a working-day deadline is
 * 24:00 of its last day, not the next midnight); the year is named when it is not this year.
 */
export function formatDeadline(
  iso: string | null | undefined,
  lang: Lang = 'zh-CN',
  now = new Date(),
): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const { date, weekday, time } = deadlineDay(at);
  const [y, m, d] = date.split('-').map(Number);
  const otherYear = String(y) !== shanghaiDate(now).slice(0, 4);
  if (lang === 'en')
    return `by ${WEEKDAYS_EN[weekday]} ${d} ${MONTHS_EN[m - 1]}${otherYear ? ` ${y}` : ''}, ${time}`;
  return `${otherYear ? `${y}年` : ''}${m}月${d}日（周${WEEKDAYS_ZH[weekday]}）${time}前`;
}
