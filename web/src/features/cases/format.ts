import type { TFunction } from 'i18next';

/** `2wd` → "2 个工作日", `4h` → "4 小时", `3d` → "3 天". */
export function durationLabel(duration: string, t: TFunction): string {
  const m = /^(\d+)(h|d|wd)$/.exec(duration);
  if (!m) return duration;
  return t(`cases.duration.${m[2]}`, { count: Number(m[1]) });
}

/** `v1:R002` → "v1:R002"; the fallback to the street office has its own wording. */
export function routingText(rule: string | null, note: string | null, t: TFunction): string {
  if (!rule) return t('common.none');
  if (rule === 'fallback') return t('cases.routingFallback', { note: note ?? '' });
  return t('cases.routingRule', { rule, note: note ?? '' });
}
