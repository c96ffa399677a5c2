// Display formatters. Instants are always shown in Asia/Shanghai, whatever the browser's zone.
import type { Lang } from '../app/i18n';

export const TIME_ZONE = 'Asia/Shanghai';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(lang: Lang): Intl.DateTimeFormat {
  let f = dateTimeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(lang, f);
  }
  return f;
}

/** `2026-11-27 07:56:42` (Shanghai wall-clock time) from an ISO instant. */
export function formatDateTime(iso: string | null | undefined, lang: Lang = 'zh-CN'): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(
    dateTimeFormat(lang)
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
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
