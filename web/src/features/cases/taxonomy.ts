// Labels of case attributes and their values. The API lists each category's attribute names only; the
// labels and allowed values come from the shipped taxonomy (reference/case-taxonomy.json).
import taxonomy from '../../../../reference/case-taxonomy.json';
import type { Lang } from '../../app/i18n';
import type { Bilingual } from './types';

interface AttributeDef extends Bilingual {
  values: Record<string, Bilingual>;
}

const ATTRIBUTES = taxonomy.attributes as Record<string, AttributeDef>;

export const pick = (label: Bilingual | null | undefined, lang: Lang): string =>
  label ? (lang === 'en' ? label.en : label.zh) : '';

export function attributeLabel(name: string, lang: Lang): string {
  const def = ATTRIBUTES[name];
  return def ? pick(def, lang) : name;
}

export function attributeValueLabel(name: string, value: string | boolean, lang: Lang): string {
  const def = ATTRIBUTES[name]?.values[String(value)];
  return def ? pick(def, lang) : String(value);
}

/** The choices of one attribute, values as the API expects them ("true"/"false" become booleans). */
export function attributeOptions(name: string, lang: Lang): { value: string; label: string }[] {
  const def = ATTRIBUTES[name];
  if (!def) return [];
  return Object.entries(def.values).map(([value, label]) => ({ value, label: pick(label, lang) }));
}

export function attributeValue(value: string): string | boolean {
  return value === 'true' ? true : value === 'false' ? false : value;
}

/** Attribute values as sent to the API: booleans for yes/no attributes, blanks left out. */
export function attributesPayload(values: Record<string, string | undefined> | undefined) {
  const out: Record<string, string | boolean> = {};
  for (const [k, v] of Object.entries(values ?? {})) if (v) out[k] = attributeValue(v);
  return out;
}
