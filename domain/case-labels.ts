// Words for a case's channel (来源渠道), urgency (紧急程度) and due state (时限状态), in zh-CN and English.
// One source for the web (its locale strings are derived from these) and for server-side exports.
import type { DueState } from './sla.js';

export interface Label {
  zh: string;
  en: string;
}

export const CHANNEL_LABELS = {
  hotline12345: { zh: '12345 市民服务热线', en: '12345 citizen hotline' },
  hotline962121: { zh: '962121 物业服务热线', en: '962121 property hotline' },
  hotline12319: { zh: '12319 城建服务热线', en: '12319 urban services hotline' },
  gridInspection: { zh: '网格巡查', en: 'Grid inspection' },
  residentWeb: { zh: '居民网上报事', en: 'Resident web form' },
  propertyCompany: { zh: '物业服务企业上报', en: 'Property company' },
  departmentReferral: { zh: '部门移送', en: 'Department referral' },
  onlineMedia: { zh: '网络舆情', en: 'Online media' },
  open311: { zh: 'Open311 接口', en: 'Open311 API' },
} as const satisfies Record<string, Label>;

export const URGENCY_LABELS = {
  normal: { zh: '一般', en: 'Normal' },
  urgent: { zh: '紧急', en: 'Urgent' },
  critical: { zh: '特急', en: 'Critical' },
} as const satisfies Record<string, Label>;

export const DUE_STATE_LABELS = {
  none: { zh: '无时限', en: 'No deadline' },
  ok: { zh: '未超期', en: 'On time' },
  warning: { zh: '即将超期', en: 'Due soon' },
  overdue: { zh: '已超期', en: 'Overdue' },
} as const satisfies Record<DueState, Label>;

/** One language's words of a label table, keyed as the table: `{ hotline12345: '12345 市民服务热线', … }`. */
export function labelsIn<K extends string>(table: Record<K, Label>, lang: 'zh' | 'en'): Record<K, string> {
  return Object.fromEntries(Object.entries<Label>(table).map(([k, v]) => [k, v[lang]])) as Record<K, string>;
}

/** The word for a code in a label table, or the code itself when the table does not know it. */
export function labelOf(table: Record<string, Label>, code: string, lang: 'zh' | 'en'): string {
  return table[code]?.[lang] ?? code;
}
