import { formatCitation } from '../../../../domain/citations';
import type { Lang } from '../../app/i18n';
import type { TFunction } from 'i18next';

/** `2wd` → "2 个工作日", `4h` → "4 小时", `3d` → "3 天". */
export function durationLabel(duration: string, t: TFunction): string {
  const m = /^(\d+)(h|d|wd|mo)$/.exec(duration);
  if (!m) return duration;
  return t(`cases.duration.${m[2]}`, { count: Number(m[1]) });
}

/**
 * Why the case went where it did, in words: the responsibility list's edition and the row's legal basis as
 * people cite it (never the row's code), or the street office's coordination when the list has no unit here.
 */
export function routingText(rule: string | null, note: string | null, t: TFunction, lang: Lang): string {
  if (!rule) return t('common.none');
  const basis = formatCitation(note, lang);
  if (rule === 'fallback')
    return basis ? t('cases.routingNoCoverage', { basis }) : t('cases.routingFallback');
  const version = /^v(\d+):/.exec(rule)?.[1] ?? '';
  return basis ? t('cases.routingRule', { version, basis }) : t('cases.routingRuleBare', { version });
}
