// Messages of assessments (考核).
import type { Catalogue } from '../../platform/http/messages.js';

export const assessmentMessages: Catalogue = {
  'assessment.period_not_found': { 'zh-CN': '未找到该考核周期', en: 'Assessment period not found' },
  'assessment.manage_forbidden': {
    'zh-CN': '只有本级考核办公室（市、区）可以办理',
    en: 'Only the assessing office of this city or district can do this',
  },
  'assessment.division_invalid': {
    'zh-CN': '考核单位须为本市或一个区',
    en: 'The assessing division must be the city or a district',
  },
  'assessment.period_invalid': {
    'zh-CN': '考核周期 {code} 无效（例如 2026-Q4 或 2026）',
    en: 'Invalid assessment period {code} (e.g. 2026-Q4 or 2026)',
  },
  'assessment.period_exists': {
    'zh-CN': '该区划已有同一考核周期',
    en: 'This division already has this assessment period',
  },
  'assessment.period_published': {
    'zh-CN': '考核结果已公布，不能再修改',
    en: 'The results are published; the period can no longer change',
  },
  'assessment.period_not_computed': {
    'zh-CN': '请先计算考核结果再公布',
    en: 'Compute the results before publishing them',
  },
  // One code per domain/assessment.ts SystemProblem: assessment.system_<problem>.
  'assessment.system_empty': {
    'zh-CN': '指标体系无效：没有指标',
    en: 'Invalid indicator system: no indicators',
  },
  'assessment.system_duplicateCode': {
    'zh-CN': '指标体系无效：指标代码重复',
    en: 'Invalid indicator system: an indicator code repeats',
  },
  'assessment.system_weightInvalid': {
    'zh-CN': '指标体系无效：权重须为 1 至 100 的整数',
    en: 'Invalid indicator system: weights must be whole numbers from 1 to 100',
  },
  'assessment.system_weightsNot100': {
    'zh-CN': '指标体系无效：权重合计须为 100',
    en: 'Invalid indicator system: the weights must add up to 100',
  },
  'assessment.system_targetInvalid': {
    'zh-CN': '指标体系无效：目标值须在 0 至 100% 之间',
    en: 'Invalid indicator system: targets must be between 0 and 100 %',
  },
  'assessment.system_formulaInvalid': {
    'zh-CN': '指标体系无效：计算方式不适用于该层级（业委会指标只适用于街镇）',
    en: 'Invalid indicator system: a formula does not fit the level (committee indicators are for streets only)',
  },
  'assessment.indicator_not_found': {
    'zh-CN': '该指标体系中没有指标 {code}，或该指标不能这样录入',
    en: 'Indicator {code} is not in the system, or cannot be entered this way',
  },
  'assessment.unit_not_found': {
    'zh-CN': '被考核单位不在本考核周期内',
    en: 'The assessed unit is not part of this assessment period',
  },
  'assessment.points_invalid': {
    'zh-CN': '分数须在 0 至 100 之间，最多两位小数',
    en: 'Points must be between 0 and 100, with at most two decimals',
  },
  'assessment.evidence_insufficient': {
    'zh-CN': '请说明评分依据（至少 10 个字）',
    en: 'Give the grounds for the score (at least 10 characters)',
  },
  'assessment.reason_insufficient': {
    'zh-CN': '请说明评价理由（至少 10 个字）',
    en: 'Give the reason for the rating (at least 10 characters)',
  },
  'assessment.rate_forbidden': {
    'zh-CN': '只能以本单位身份评价：街镇评价职能部门，职能部门评价街镇和共同办理案件的部门',
    en: 'Rate as your own unit: streets rate departments; departments rate streets and the departments they co-handle with',
  },
  'assessment.not_cohandled': {
    'zh-CN': '本考核周期内两部门没有共同办理的案件，不能相互评价（条与条）',
    en: 'The two departments co-handled no case in this period, so they cannot rate each other',
  },
  'assessment.rating_exists': {
    'zh-CN': '本单位已就该指标评价过该单位',
    en: 'Your unit has already rated this unit on this indicator',
  },
};
