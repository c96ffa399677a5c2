import type { Catalogue } from '../../platform/http/messages.js';

export const registryMessages: Catalogue = {
  'registry.compound_not_found': {
    'zh-CN': '未找到该小区，或无权查看',
    en: 'Compound not found or not visible to you',
  },
  'registry.building_not_found': {
    'zh-CN': '未找到该楼栋，或无权查看',
    en: 'Building not found or not visible to you',
  },
  'registry.owner_not_found': {
    'zh-CN': '未找到该业主，或无权查看',
    en: 'Owner not found or not visible to you',
  },
  'registry.organisation_not_found': { 'zh-CN': '未找到该组织', en: 'Organisation not found' },
  'registry.division_unknown': { 'zh-CN': '行政区划代码 {code} 不存在', en: 'Unknown division code {code}' },
  'registry.street_required': {
    'zh-CN': '{code} 不是街道或镇的代码',
    en: '{code} is not the code of a street or town',
  },
  'registry.compound_code_taken': {
    'zh-CN': '小区编码 {code} 已存在',
    en: 'Compound code {code} already exists',
  },
  'registry.residents_committee_invalid': {
    'zh-CN': '居委会必须属于小区所在街镇',
    en: "The residents' committee must belong to the compound's street",
  },
  'registry.parent_invalid': { 'zh-CN': '上级组织不存在', en: 'The parent organisation does not exist' },
};
