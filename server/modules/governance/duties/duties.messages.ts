// Messages of the statutory duties (issue 14 items 6–11, 13, 16), merged into governanceMessages.
import type { Catalogue } from '../../../platform/http/messages.js';

export const dutiesMessages: Catalogue = {
  // Art 25 ¶2 — written notice of an assembly meeting
  'governance.meeting_notice_missing': {
    'zh-CN':
      '尚未登记对{recipients}的书面通知：召开业主大会会议，业主委员会应当事先将会议时间、地点、议题和议程书面通知所在地房管机构、居民委员会（《上海市住宅物业管理规定》第二十五条第二款；《物业管理条例》第十四条第二款）。请先登记通知，再开始表决',
    en: 'No written notice to {recipients} is recorded: before an owners’ assembly meeting the committee notifies the housing office and the residents’ committee in writing of its time, place, topics and agenda (Shanghai Regulations on Residential Property Management, Art 25(2); Property Management Regulations, Art 14(2)). Record the notices before opening the decision',
  },
  'governance.meeting_notice.recipient.housing_office': { 'zh-CN': '房管机构', en: 'the housing office' },
  'governance.meeting_notice.recipient.residents_committee': {
    'zh-CN': '居民委员会',
    en: 'the residents’ committee',
  },
  'governance.meeting_notice_exists': {
    'zh-CN': '该单位的书面通知已登记',
    en: 'The notice to this recipient is already recorded',
  },
  'governance.meeting_notice_state': {
    'zh-CN': '表决已开始，书面通知应在开始前登记',
    en: 'The decision has opened; notices are recorded before it opens',
  },
  'governance.meeting_notice_late': {
    'zh-CN': '书面通知应在会议开始（{date}）之前送达（“事先”，《上海市住宅物业管理规定》第二十五条第二款）',
    en: 'The written notice must precede the meeting, which opens on {date} (Shanghai Regulations on Residential Property Management, Art 25(2))',
  },
  // Arts 25 ¶1, 26 ¶1 — petitions
  'governance.petition_proposers_invalid': {
    'zh-CN': '提议业主人数“{proposers}”无效',
    en: 'The number of proposing owners “{proposers}” is not valid',
  },
  'governance.petition_exceeds_owners': {
    'zh-CN': '提议业主 {proposers} 人多于小区业主总人数 {owners} 人，请核对',
    en: '{proposers} proposing owners are more than the compound’s {owners} owners; please check',
  },
  'governance.petition_not_found': { 'zh-CN': '未找到该提议', en: 'Proposal not found' },
  'governance.petition_state': {
    'zh-CN': '该提议未达到法定比例或已召开会议',
    en: 'This proposal did not reach the share or has been answered already',
  },
  'governance.petition_answer_invalid': {
    'zh-CN': '请选择本小区已开始的业主大会表决（业主提议），或本业委会的临时会议（委员提议）',
    en: 'Choose an opened assembly decision of this compound (owners’ proposal) or an extraordinary meeting of this committee (members’ proposal)',
  },
  // Art 30 — handover
  'governance.handover_member_serving': {
    'zh-CN': '该委员仍在任，移交在其不再担任委员后办理（《上海市住宅物业管理规定》第三十条）',
    en: 'The member still serves; the handover follows the end of the membership (Art 30)',
  },
  'governance.handover_done': { 'zh-CN': '移交已登记', en: 'The handover is recorded already' },
  // Art 13 ¶2 — exemption
  'governance.exemption_not_single_owner': {
    'zh-CN': '该小区现有业主 {owners} 人，不是“只有一个业主”（《上海市住宅物业管理规定》第十三条第二款）',
    en: 'The compound has {owners} owners, not a single one (Shanghai Regulations on Residential Property Management, Art 13(2))',
  },
  'governance.exemption_not_unanimous': {
    'zh-CN':
      '书面同意的业主 {agreed} 人，小区业主共 {owners} 人：不成立业主大会须经全体业主一致同意（《上海市住宅物业管理规定》第十三条第二款）',
    en: '{agreed} of {owners} owners agreed in writing: not forming an assembly needs every owner’s agreement (Art 13(2))',
  },
  'governance.exemption_exists': {
    'zh-CN': '该小区已登记不成立业主大会',
    en: 'An exemption is recorded already',
  },
  'governance.exemption_not_found': { 'zh-CN': '该小区没有有效的豁免登记', en: 'No exemption is recorded' },
  'governance.exemption_has_assembly': {
    'zh-CN': '该小区已有业主委员会或正在筹备业主大会，不能登记不成立业主大会',
    en: 'The compound has a committee or a formation under way; no exemption can be recorded',
  },
  // Art 23 ¶1 — filing materials
  'governance.filing_materials_missing': {
    'zh-CN':
      '备案材料尚缺 {count} 项：业主委员会备案应持业主大会会议记录和会议决定、议事规则、管理规约、专项维修资金管理规约、委员名单和书面承诺、培训记录（《上海市住宅物业管理规定》第二十三条第一款）',
    en: '{count} filing materials are missing: the filing needs the meeting minutes and decisions, the rules of procedure, the management statute, the maintenance-fund statute, the member list with undertakings and the training records (Art 23(1))',
  },
  'governance.filing_material_exists': { 'zh-CN': '该材料已登记', en: 'This material is recorded already' },
  'governance.filing_material.assembly_minutes': {
    'zh-CN': '业主大会会议记录和会议决定',
    en: 'Assembly minutes and decisions',
  },
  'governance.filing_material.rules_of_procedure': { 'zh-CN': '业主大会议事规则', en: 'Rules of procedure' },
  'governance.filing_material.management_statute': { 'zh-CN': '管理规约', en: 'Management statute' },
  'governance.filing_material.fund_statute': {
    'zh-CN': '专项维修资金管理规约',
    en: 'Maintenance-fund statute',
  },
  'governance.filing_material.member_list': {
    'zh-CN': '委员名单、基本情况和书面承诺',
    en: 'Member list, particulars and undertakings',
  },
  'governance.filing_material.training_records': { 'zh-CN': '委员培训记录', en: 'Training records' },
  // Arts 15 ¶2, 28 ¶3 — working groups
  'governance.group_rc_missing': {
    'zh-CN':
      '小组应有物业所在地居民委员会（或村民委员会）代表（《上海市住宅物业管理规定》第十五条第二款、第二十八条第三款）',
    en: 'The group needs a representative of the residents’ (or villagers’) committee (Arts 15(2), 28(3))',
  },
  'governance.group_developer_missing': {
    'zh-CN': '筹备组应有建设单位代表（《上海市住宅物业管理规定》第十五条第二款）',
    en: 'The preparatory group needs a representative of the developer (Art 15(2))',
  },
};
