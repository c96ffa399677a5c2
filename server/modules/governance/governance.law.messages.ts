// Messages of the law-fidelity rules (issue 14 items 15, 17, 19, 20, 22, 23, 24, 25), zh-CN + en; spread into
// governance.messages.ts. The articles are cited as people cite them.
import type { Catalogue } from '../../platform/http/messages.js';

export const governanceLawMessages: Catalogue = {
  // 《规定》 Art 20 ¶2: the six grounds, each "且未改正"
  'governance.eligibility.load_bearing': {
    'zh-CN': '有未改正的损坏房屋承重结构',
    en: 'Damage to load-bearing structure not corrected',
  },
  'governance.eligibility.illegal_construction': {
    'zh-CN': '有未改正的违法搭建',
    en: 'Illegal construction not corrected',
  },
  'governance.eligibility.facade': {
    'zh-CN': '有未改正的破坏房屋外貌',
    en: 'Damage to the building’s appearance not corrected',
  },
  'governance.eligibility.change_of_use': {
    'zh-CN': '有未改正的擅自改变物业使用性质',
    en: 'Unauthorised change of the property’s use not corrected',
  },
  'governance.eligibility.unpaid_fees': {
    'zh-CN': '欠交物业服务费或者专项维修资金',
    en: 'Unpaid service fees or maintenance fund contributions',
  },
  'governance.eligibility.illegal_renting': {
    'zh-CN': '有未改正的违法出租房屋',
    en: 'Illegal renting not corrected',
  },
  'governance.eligibility.evidence.cases': { 'zh-CN': '案件 {caseNos}', en: 'cases {caseNos}' },
  'governance.eligibility.evidence.register': {
    'zh-CN': '违规情形登记 {dates}',
    en: 'register entries of {dates}',
  },
  'governance.eligibility.ground.load_bearing': { 'zh-CN': '损坏房屋承重结构', en: 'Load-bearing structure' },
  'governance.eligibility.ground.illegal_construction': { 'zh-CN': '违法搭建', en: 'Illegal construction' },
  'governance.eligibility.ground.facade': { 'zh-CN': '破坏房屋外貌', en: 'Building appearance' },
  'governance.eligibility.ground.change_of_use': {
    'zh-CN': '擅自改变物业使用性质',
    en: 'Change of use',
  },
  'governance.eligibility.ground.unpaid_fees': {
    'zh-CN': '欠交物业服务费或者专项维修资金',
    en: 'Unpaid fees or fund contributions',
  },
  'governance.eligibility.ground.illegal_renting': { 'zh-CN': '违法出租房屋', en: 'Illegal renting' },
  'governance.eligibility.checked_by': { 'zh-CN': '已核查（{sources}）', en: 'checked ({sources})' },
  'governance.eligibility.checked_partial': {
    'zh-CN': '仅核查群租案件（本小区未建违规情形登记）',
    en: 'group-renting cases only (no register of grounds kept here)',
  },
  'governance.eligibility.not_checked': {
    'zh-CN': '无记录，未能核查，需人工核实',
    en: 'nothing recorded: not checked, check by hand',
  },
  'governance.eligibility.source.cases': { 'zh-CN': '案件', en: 'cases' },
  'governance.eligibility.source.register': { 'zh-CN': '违规情形登记', en: 'register of grounds' },
  'governance.eligibility.source.arrears': { 'zh-CN': '欠费记录', en: 'arrears records' },
  'governance.eligibility.unchecked.load_bearing': {
    'zh-CN': '损坏房屋承重结构：本小区无违规情形登记，需人工核实',
    en: 'Load-bearing structure: no register of grounds kept here; check by hand',
  },
  'governance.eligibility.unchecked.illegal_construction': {
    'zh-CN': '违法搭建：无记录，需人工核实',
    en: 'Illegal construction: nothing recorded; check by hand',
  },
  'governance.eligibility.unchecked.facade': {
    'zh-CN': '破坏房屋外貌：本小区无违规情形登记，需人工核实',
    en: 'Building appearance: no register of grounds kept here; check by hand',
  },
  'governance.eligibility.unchecked.change_of_use': {
    'zh-CN': '擅自改变物业使用性质：本小区无违规情形登记，需人工核实',
    en: 'Change of use: no register of grounds kept here; check by hand',
  },
  'governance.eligibility.unchecked.unpaid_fees': {
    'zh-CN': '系统未记录物业费、维修资金欠交情况，需人工核实',
    en: 'Fee and fund arrears are not recorded here; check them by hand',
  },
  'governance.eligibility.unchecked.illegal_renting': {
    'zh-CN': '违法出租房屋：无记录，需人工核实',
    en: 'Illegal renting: nothing recorded; check by hand',
  },
  'governance.eligibility.unchecked.other_statutory': {
    'zh-CN':
      '国务院《物业管理条例》规定的条件及业主大会决定增加的情形，需筹备组审查（《规定》第二十条第二款）',
    en: 'The conditions of the State Council regulation and any grounds the assembly added are for the group to review (Art 20 ¶2)',
  },
  // 《规定》 Art 34: 受理, then 20 days
  'governance.filing_not_received': {
    'zh-CN': '街镇须先受理备案；二十日的办理期限自受理之日起计算（《上海市住宅物业管理规定》第三十四条）',
    en: 'The street must first accept the filing; the 20 days run from the acceptance (Art 34)',
  },
  'governance.filing_not_submitted': { 'zh-CN': '尚未提交备案', en: 'The filing has not been submitted' },
  'governance.filing_already_received': {
    'zh-CN': '已于 {date} 受理',
    en: 'Already accepted on {date}',
  },
  // 《规定》 Art 28 ¶4: the 换届 freeze
  'governance.reelection_freeze_repair': {
    'zh-CN':
      '换届改选小组已组建：除管理规约规定情形之外的维修、更新、改造等重大事项（“{matter}”）不得表决；如属管理规约规定的情形，请注明管理规约条款（《上海市住宅物业管理规定》第二十八条第四款第（三）项）',
    en: 'A re-election group has been formed: repairs, renewals and alterations (“{matter}”) may be decided only where the management statute provides for them — name its clause (Art 28(4)(3))',
  },
  'governance.statute_clause_not_repair': {
    'zh-CN':
      '管理规约条款只适用于维修、更新、改造事项，“{matter}”不适用（《上海市住宅物业管理规定》第二十八条第四款第（三）项）',
    en: 'A management-statute clause applies only to repairs, renewals and alterations, not to “{matter}” (Art 28(4)(3))',
  },
  'governance.matter.adjust_fees': {
    'zh-CN': '调整物业收费标准',
    en: 'adjusting the property fee standards',
  },
  'governance.matter.early_reelection': {
    'zh-CN': '提前换届改选业主委员会',
    en: "an early re-election of the owners' committee",
  },
  // 《规定》 Art 32 ¶2–3: early re-election
  'governance.early_reelection_needs_decision': {
    'zh-CN':
      '提前换届须先由业主大会作出决定：街镇应先组织召开业主大会会议，业主大会决定提前换届改选后再组建换届改选小组（《上海市住宅物业管理规定》第三十二条第二款、第三款）',
    en: 'An early re-election needs the assembly’s decision first: the street convenes the assembly, and forms the re-election group once it has decided so (Art 32(2)–(3))',
  },
  'governance.early_reelection.ground.members_below_half': {
    'zh-CN': '业主委员会委员人数不足半数',
    en: 'fewer than half the members remain',
  },
  'governance.early_reelection.ground.inactive_six_months': {
    'zh-CN': '业主委员会连续六个月未开展工作',
    en: 'no work for six consecutive months',
  },
  'governance.notify.early_reelection': {
    'zh-CN':
      '{compound} 业主委员会出现{grounds}的情形：街镇应于 {due} 前组织召开业主大会会议，由业主大会决定是否提前换届改选（《上海市住宅物业管理规定》第三十二条第二款）',
    en: "{compound}'s owners' committee: {grounds}. The street convenes the owners' assembly by {due} to decide on an early re-election (Art 32(2))",
  },
  // 《规定》 Art 35: owner groups per building or entrance
  'governance.owner_group_entrance_unknown': {
    'zh-CN': '该楼栋未登记“{entrance}”单元',
    en: 'The building has no entrance “{entrance}” on record',
  },
  'governance.owner_group_overlaps': {
    'zh-CN': '同一楼栋已有以整幢或单元为单位的业主小组，不能重叠成立',
    en: 'The building already has an owner group for the whole building or one of its entrances; groups may not overlap',
  },
  // The register of grounds
  'governance.violation_not_found': { 'zh-CN': '未找到该违规情形登记', en: 'Register entry not found' },
  'governance.violation_corrected': {
    'zh-CN': '该情形已登记为改正',
    en: 'This entry is already recorded as corrected',
  },
};
