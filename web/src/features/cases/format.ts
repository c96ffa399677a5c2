import { formatCitation } from '../../../../domain/citations';
import type { Lang } from '../../app/i18n';
import type { TFunction } from 'i18next';
import { attributeLabel, attributeValueLabel, pick } from './taxonomy';
import type { CaseViewDto } from './types';

/** `2wd` → "2 个工作日", `4h` → "4 小时", `3d` → "3 天". */
export function durationLabel(duration: string, t: TFunction): string {
  const m = /^(\d+)(h|d|wd|mo)$/.exec(duration);
  if (!m) return duration;
  return t(`cases.duration.${m[2]}`, { count: Number(m[1]) });
}

type Routing = CaseViewDto['routing'];

/** The responsibility-list row in words: "水管爆裂/大量漏水（表后、共用部位）→ 物业服务企业". */
export function routingRowText(row: NonNullable<Routing['row']>, t: TFunction, lang: Lang): string {
  const conditions = Object.entries(row.conditions).map(([k, v]) =>
    typeof v === 'boolean'
      ? `${attributeLabel(k, lang)}${lang === 'en' ? ': ' : '：'}${attributeValueLabel(k, v, lang)}`
      : attributeValueLabel(k, v, lang),
  );
  const category = pick(row.categoryName, lang);
  const when = conditions.length
    ? lang === 'en'
      ? ` (${conditions.join(', ')})`
      : `（${conditions.join('、')}）`
    : '';
  const to = t(`organisations.types.${row.orgType}`, { defaultValue: row.orgType });
  return `${category}${when} → ${to}`;
}

/**
 * Why the case went where it did, in words: the responsibility list's edition, the row (its category, its
 * conditions and the kind of unit it names) and the row's legal basis as people cite it (never the row's code),
 * or the street office's coordination when the list has no unit here.
 */
export function routingText(routing: Routing, t: TFunction, lang: Lang): string {
  const { rule, note, row } = routing;
  if (!rule) return t('common.none');
  const basis = formatCitation(note, lang);
  if (rule === 'fallback')
    return basis ? t('cases.routingNoCoverage', { basis }) : t('cases.routingFallback');
  const version = String(row?.listVersion ?? /^v(\d+):/.exec(rule)?.[1] ?? '');
  const entry = row ? routingRowText(row, t, lang) : null;
  if (entry)
    return basis
      ? t('cases.routingRuleRow', { version, row: entry, basis })
      : t('cases.routingRuleRowBare', { version, row: entry });
  return basis ? t('cases.routingRule', { version, basis }) : t('cases.routingRuleBare', { version });
}
