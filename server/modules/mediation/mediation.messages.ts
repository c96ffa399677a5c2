// Messages of dispute mediation (矛盾调解).
import type { Catalogue } from '../../platform/http/messages.js';

export const mediationMessages: Catalogue = {
  'mediation.dispute_not_found': { 'zh-CN': '未找到该矛盾纠纷', en: 'Dispute not found' },
  'mediation.party_not_found': { 'zh-CN': '未找到该当事人', en: 'Party not found' },
  'mediation.compound_not_found': { 'zh-CN': '未找到该小区', en: 'Compound not found' },
  'mediation.manage_forbidden': {
    'zh-CN': '只有本街道的人民调解员和街道办可以办理矛盾纠纷',
    en: "Only the street's mediators and street office handle disputes",
  },
  'mediation.committee_invalid': {
    'zh-CN': '请选择本街道的人民调解委员会',
    en: "Choose a people's mediation committee of this street",
  },
  'mediation.mediator_invalid': {
    'zh-CN': '所选账号不是本街道的人民调解员',
    en: 'That account is not a mediator of this street',
  },
  'mediation.action_not_allowed': {
    'zh-CN': '该纠纷当前状态（{status}）不能“{action}”',
    en: 'The dispute is {status}; "{action}" is not possible now',
  },
  'mediation.date_in_future': { 'zh-CN': '日期 {date} 晚于今天', en: 'Date {date} is after today' },
  'mediation.date_before_received': {
    'zh-CN': '日期 {date} 早于纠纷登记日 {received}',
    en: 'Date {date} is before the dispute was registered ({received})',
  },
  'mediation.agreement_incomplete': {
    'zh-CN': '调解协议书内容不全：{missing}（《中华人民共和国人民调解法》第二十九条 [未核验]）',
    en: 'The agreement is incomplete: {missing} (People’s Mediation Law Art 29 [unverified])',
  },
  'mediation.confirmation_invalid': {
    'zh-CN':
      '司法确认登记有误：{problem}。应自调解协议生效之日起三十日内（至 {windowEnd}）共同申请（《中华人民共和国人民调解法》第三十三条 [未核验]）',
    en: 'Judicial confirmation: {problem}. The application is due within 30 days of the agreement taking effect (by {windowEnd}; People’s Mediation Law Art 33 [unverified])',
  },
  'mediation.case_compound_missing': {
    'zh-CN': '该案件没有所在小区，不能转为小区矛盾纠纷',
    en: 'That case has no compound; it cannot become a compound dispute',
  },
};
