import type { Catalogue } from '../../platform/http/messages.js';

export const kpisMessages: Catalogue = {
  'kpis.period_invalid': {
    'zh-CN': '统计期间无效：{from} 至 {to}（开始日期不能晚于结束日期）',
    en: 'Invalid period {from} – {to} (the start must not be after the end)',
  },
  'kpis.filter_mismatch': {
    'zh-CN': '街镇 {street} 不属于区 {district}',
    en: 'The street {street} is not in the district {district}',
  },
  'kpis.campaign_not_found': {
    'zh-CN': '未找到该专项整治，或无权查看',
    en: 'Campaign not found or not visible to you',
  },
  'kpis.category_unknown': { 'zh-CN': '未知的问题类别：{code}', en: 'Unknown category: {code}' },
  'kpis.division_invalid': {
    'zh-CN': '{code} 不是区或街镇的代码',
    en: '{code} is not the code of a district or a street/town',
  },
  'kpis.campaign_cases_invalid': {
    'zh-CN': '有 {count} 个案件不能加入本次整治，未加入任何案件',
    en: '{count} case(s) cannot join this campaign; nothing was added',
  },
  'kpis.case_not_in_division': {
    'zh-CN': '案件不存在，或不在本次整治的区域内',
    en: "The case does not exist or is outside the campaign's division",
  },
  'kpis.case_wrong_category': {
    'zh-CN': '案件类别为“{actual}”，本次整治只收“{expected}”',
    en: 'The case is of category "{actual}"; this campaign takes "{expected}" only',
  },
};
