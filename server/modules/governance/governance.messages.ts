import type { Catalogue } from '../../platform/http/messages.js';
import { dutiesMessages } from './duties/duties.messages.js';
import { governanceLawMessages } from './governance.law.messages.js';

export const governanceMessages: Catalogue = {
  'governance.compound_not_found': {
    'zh-CN': '未找到该小区，或无权查看',
    en: 'Compound not found or not visible to you',
  },
  'governance.decision_not_found': {
    'zh-CN': '未找到该表决事项，或无权查看',
    en: 'Decision not found or not visible to you',
  },
  'governance.decision_invalid_status': {
    'zh-CN': '表决事项当前状态为“{status}”，不能执行“{action}”',
    en: 'The decision is {status}; “{action}” is not possible now',
  },
  'governance.decision_window_empty': {
    'zh-CN': '表决截止时间必须晚于开始时间',
    en: 'The closing time must be after the opening time',
  },
  'governance.decision_notice_too_short': {
    'zh-CN': '业主大会会议应于召开 {days} 日前通知全体业主：按公告日期，最早可于 {earliest} 开始表决',
    en: 'Owners must be notified {days} days before the meeting: with this notice date voting can open on {earliest} at the earliest',
  },
  'governance.decision_notice_in_future': {
    'zh-CN': '公告日期不能晚于今天',
    en: 'The notice date cannot be in the future',
  },
  'governance.scope_buildings_required': {
    'zh-CN': '部分共用部分的表决须选择至少一幢楼',
    en: 'A decision on partly shared parts needs at least one building',
  },
  'governance.building_unknown': {
    'zh-CN': '楼栋 {id} 不属于该小区',
    en: 'Building {id} is not in this compound',
  },
  'governance.no_units': {
    'zh-CN': '表决范围内没有任何专有部分',
    en: 'There are no units in the scope of this decision',
  },
  'governance.units_without_area': {
    'zh-CN': '{count} 个专有部分没有登记、实测或合同面积（如 {labels}），请先在小区档案中补全',
    en: '{count} units have no registered, surveyed or contract area (e.g. {labels}); complete the registry first',
  },
  'governance.not_manager': {
    'zh-CN': '只有本小区业委会委员或街镇房管办可以办理表决事项',
    en: "Only a member of this compound's owners' committee or the street office can run its decisions",
  },
  'governance.street_only': {
    'zh-CN': '该事项由小区所在街镇（房管办）办理',
    en: "This is done by the street office of the compound's street",
  },
  'governance.code_invalid': {
    'zh-CN': '邀请码无效，请核对后重新输入',
    en: 'The invitation code is not valid; check it and try again',
  },
  'governance.not_accepting': {
    'zh-CN': '不在投票时间内（{opensAt} 至 {closesAt}）',
    en: 'Ballots are not accepted now (voting runs {opensAt} to {closesAt})',
  },
  'governance.already_voted': {
    'zh-CN': '该业主已经投过票，每位业主只能投票一次',
    en: 'This owner has already voted; each owner votes once',
  },
  'governance.voting_over': {
    'zh-CN': '本次表决的投票已经结束，不能再投票',
    en: 'Voting on this decision has ended; no more ballots are accepted',
  },
  'governance.not_unit_owner': {
    'zh-CN': '您不是该房屋的业主，不能为它投票',
    en: 'You are not the owner of this unit and cannot vote for it',
  },
  'governance.unit_not_in_decision': {
    'zh-CN': '该专有部分不在本次表决范围内',
    en: 'This unit is not in the scope of the decision',
  },
  'governance.close_too_early': {
    'zh-CN': '投票期至 {closesAt} 结束，且仍有业主未投票，暂不能结束表决',
    en: 'Voting runs until {closesAt} and some owners have not voted yet; it cannot be closed now',
  },
  'governance.invitations_not_open': {
    'zh-CN': '表决事项开启（公告）后才能生成邀请码',
    en: 'Invitation codes can be issued once the decision is open',
  },
  'governance.formation_exists': {
    'zh-CN': '该小区已有正在进行的业主大会筹备',
    en: 'A formation is already under way for this compound',
  },
  'governance.formation_not_found': {
    'zh-CN': '未找到该业主大会筹备记录，或无权查看',
    en: 'Formation not found or not visible to you',
  },
  'governance.formation_closed': {
    'zh-CN': '该筹备已结束或已取消',
    en: 'This formation is completed or cancelled',
  },
  'governance.step_order': {
    'zh-CN': '请先完成前一步骤：{step}',
    en: 'Complete the previous step first: {step}',
  },
  'governance.trigger_not_met': {
    'zh-CN':
      '尚未达到成立业主大会的条件（房屋出售并交付使用的建筑面积达到百分之五十以上，或者首套房屋出售并交付使用已满两年），可按业主书面要求启动',
    en: "The conditions for an owners' assembly are not met yet (50% or more of the building area sold and delivered, or two years since the first unit was sold and delivered); start on the owners' written request instead",
  },
  'governance.date_in_future': { 'zh-CN': '日期 {date} 晚于今天', en: 'The date {date} is in the future' },
  'governance.date_before': {
    'zh-CN': '日期不能早于 {date}',
    en: 'The date cannot be before {date}',
  },
  'governance.objection_not_found': { 'zh-CN': '未找到该异议记录', en: 'Objection not found' },
  'governance.objections_unanswered': {
    'zh-CN': '还有 {count} 条业主异议未答复',
    en: '{count} objections have not been answered yet',
  },
  'governance.meeting_notice_late': {
    'zh-CN': '首次业主大会会议事项应于会议召开 15 日前公告（最迟 {latest}）',
    en: 'The first-meeting materials must be posted 15 days before the meeting (by {latest})',
  },
  'governance.group_size_even': {
    'zh-CN': '小组人数应为单数（当前 {size} 人）',
    en: 'The group must have an odd number of members (now {size})',
  },
  'governance.group_owner_share': {
    'zh-CN': '业主代表应不少于小组总人数的二分之一（当前 {owners}/{size}）',
    en: 'Owner representatives must be at least half of the group (now {owners}/{size})',
  },
  'governance.group_street_missing': {
    'zh-CN': '小组应有街镇代表',
    en: 'The group needs a representative of the street office',
  },
  'governance.group_leader_count': {
    'zh-CN': '小组应有且只有一名组长（当前 {count} 名）',
    en: 'The group needs exactly one leader (now {count})',
  },
  'governance.group_leader_not_street': {
    'zh-CN': '组长应由街镇代表担任',
    en: "The leader must be the street office's representative",
  },
  'governance.group_developer_not_allowed': {
    'zh-CN': '换届改选小组由业主代表、街镇代表和居委会代表组成，不含建设单位代表',
    en: "A re-election group consists of owners, the street office and the residents' committee — no developer",
  },
  'governance.group_owner_ineligible': {
    'zh-CN': '业主代表 {name} 不符合委员条件：{reasons}',
    en: 'Owner representative {name} is not eligible: {reasons}',
  },
  'governance.group_owner_unknown': {
    'zh-CN': '业主代表 {name} 不是本小区业主',
    en: 'Owner representative {name} is not an owner in this compound',
  },
  'governance.committee_exists': {
    'zh-CN': '该小区已有在任业委会，请走换届程序',
    en: 'This compound already has a committee in office; use re-election',
  },
  'governance.committee_not_found': {
    'zh-CN': '未找到该业委会，或无权查看',
    en: "Owners' committee not found or not visible to you",
  },
  'governance.committee_size_invalid': {
    'zh-CN': '委员人数 {seats} 无效',
    en: 'Invalid number of seats: {seats}',
  },
  'governance.committee_size_even': {
    'zh-CN': '业委会应由单数委员组成（当前 {seats} 人）',
    en: 'The committee must have an odd number of seats (now {seats})',
  },
  'governance.committee_size_too_small': {
    'zh-CN': '业委会应由 5 人以上单数组成；建筑面积一万平方米以下的小区可以 3 人（当前 {seats} 人）',
    en: 'The committee needs 5 or more (odd) members; 3 only where the building area is 10,000 m² or less (now {seats})',
  },
  'governance.committee_size_area_unknown': {
    'zh-CN':
      '小区建筑面积尚未登记，不能按“一万平方米以下”设 3 名委员；请先登记建筑面积，或设 5 人以上单数（当前 {seats} 人）',
    en: 'The building area is not on record, so the 3-seat rule for 10,000 m² or less cannot apply; record the area or choose 5 or more (odd) seats (now {seats})',
  },
  'governance.committee_term_invalid': {
    'zh-CN': '业委会任期为三年到五年（当前 {years} 年）',
    en: 'The term is 3 to 5 years (now {years})',
  },
  'governance.committee_chair_count': {
    'zh-CN': '业委会应有且只有一名主任（当前 {count} 名）',
    en: 'The committee needs exactly one chair (now {count})',
  },
  'governance.committee_member_duplicate': {
    'zh-CN': '同一业主不能重复当选',
    en: 'The same owner is listed twice',
  },
  'governance.members_exceed_seats': {
    'zh-CN': '当选委员 {members} 人，多于席位 {seats} 个',
    en: '{members} members elected for {seats} seats',
  },
  'governance.members_below_half': {
    'zh-CN': '当选委员不足席位半数（{members}/{seats}）',
    en: 'Fewer than half of the seats are filled ({members}/{seats})',
  },
  'governance.member_ineligible': {
    'zh-CN': '{name} 不符合业委会委员条件：{reasons}',
    en: '{name} is not eligible for the committee: {reasons}',
  },
  'governance.undertaking_missing': {
    'zh-CN': '{name} 尚未签署书面承诺',
    en: '{name} has not signed the written undertaking',
  },
  'governance.owner_not_in_compound': {
    'zh-CN': '业主 {id} 不是本小区业主',
    en: 'Owner {id} does not own a unit in this compound',
  },
  'governance.by_election_not_allowed': {
    'zh-CN': '补选须在委员人数不足但超过半数时进行（在任 {members}/{seats}）；不足半数应提前换届',
    en: 'A by-election needs fewer members than seats but more than half ({members}/{seats}); below half, re-elect early',
  },
  'governance.member_not_found': { 'zh-CN': '未找到该委员', en: 'Member not found' },
  'governance.member_ended': { 'zh-CN': '该委员资格已终止', en: 'This membership has already ended' },
  'governance.attendance_mismatch': {
    'zh-CN': '出席记录应当逐一列明全体在任委员',
    en: 'Attendance must list every serving member exactly once',
  },
  'governance.signer_not_member': {
    'zh-CN': '决定的签字人必须是在任委员',
    en: 'Resolutions can only be signed by serving members',
  },
  'governance.filing_state': {
    'zh-CN': '当前备案状态为“{status}”，不能执行该操作',
    en: 'The filing is {status}; this is not possible now',
  },
  'governance.reelection_state': {
    'zh-CN': '请先由业委会书面报告换届（或记录业主书面要求）',
    en: 'The committee must report the coming re-election first',
  },
  // Eligibility reasons (shown with the check, Art 20 ¶2)
  'governance.eligibility.not_owner': { 'zh-CN': '不是本小区业主', en: 'Not an owner in this compound' },
  'governance.eligibility.employed_by_manager': {
    'zh-CN': '本人、配偶或直系亲属在本小区物业服务企业任职（申报）',
    en: 'The candidate, spouse or a lineal relative works for the serving property company (declared)',
  },
  'governance.reelection_freeze': {
    'zh-CN':
      '换届改选小组已组建：新一届业主委员会选出前，不得召开业主大会对“{matter}”作出决定（《上海市住宅物业管理规定》第二十八条第四款第（{item}）项）',
    en: 'A re-election group has been formed: until the new committee is elected the assembly may not decide on “{matter}” (Art 28(4), item ({item}))',
  },
  'governance.matter.rules_of_procedure': { 'zh-CN': '制定和修改业主大会议事规则', en: 'rules of procedure' },
  'governance.matter.management_statute': { 'zh-CN': '制定和修改管理规约', en: 'management statute' },
  'governance.matter.elect_committee': { 'zh-CN': '选举或更换业主委员会成员', en: 'electing the committee' },
  'governance.matter.hire_or_dismiss_manager': {
    'zh-CN': '选聘和解聘物业服务企业或其他管理人',
    en: 'hiring or dismissing the property manager',
  },
  'governance.matter.use_fund': { 'zh-CN': '使用维修资金', en: 'using the maintenance fund' },
  'governance.matter.raise_fund': { 'zh-CN': '筹集维修资金', en: 'raising the maintenance fund' },
  'governance.matter.rebuild': {
    'zh-CN': '改建、重建建筑物及其附属设施',
    en: 'rebuilding or altering buildings',
  },
  'governance.matter.change_common_use': {
    'zh-CN': '改变共有部分用途或利用共有部分经营',
    en: 'changing the use of common parts or running a business on them',
  },
  'governance.matter.adjust_management_area': {
    'zh-CN': '调整物业管理区域',
    en: 'adjusting the management area',
  },
  'governance.matter.other_major': { 'zh-CN': '其他重大事项', en: 'other major matters' },
  'governance.change_not_found': { 'zh-CN': '未找到该变更备案事项', en: 'Change filing not found' },
  'governance.meeting_not_found': { 'zh-CN': '未找到该次业委会会议', en: 'Committee meeting not found' },
  'governance.nothing_to_publish': {
    'zh-CN': '该次会议没有经全体委员过半数签字同意的决定，无需公告',
    en: 'No resolution of this meeting was signed by more than half of all members; there is nothing to post',
  },
  'governance.owner_group_single_building': {
    'zh-CN': '同一物业管理区域内有两幢以上房屋的，才可以成立业主小组（《规定》第三十五条）',
    en: 'Owner groups can be formed only where the region has two or more buildings (Art 35)',
  },
  'governance.owner_group_exists': {
    'zh-CN': '该楼栋（单元）已有业主小组',
    en: 'This building (entrance) already has an owner group',
  },
  'governance.owner_group_representative_outside': {
    'zh-CN': '{name} 不是该楼栋（单元）的业主，不能担任该业主小组的业主代表',
    en: '{name} owns no unit in this building (entrance) and cannot represent its owner group',
  },
  'governance.owner_group_not_found': { 'zh-CN': '未找到该业主小组', en: 'Owner group not found' },
  'governance.arrears_forbidden': {
    'zh-CN': '欠费记录由为本小区提供服务的物业服务企业或街镇房管办登记',
    en: 'Arrears are recorded by the property company serving this compound or by the street office',
  },
  'governance.amount_invalid': {
    'zh-CN': '金额“{amount}”无效：请填写大于 0、最多两位小数的金额（元）',
    en: 'Amount “{amount}” is not valid: enter yuan above 0 with at most two decimals',
  },
  'governance.period_invalid': {
    'zh-CN': '欠费期间的结束日期不能早于开始日期',
    en: 'The period ends before it starts',
  },
  'governance.unit_not_in_compound': {
    'zh-CN': '房屋 {id} 不属于该小区',
    en: 'Unit {id} is not in this compound',
  },
  'governance.arrear_not_found': { 'zh-CN': '未找到该欠费记录', en: 'Arrear not found' },
  'governance.arrear_settled': { 'zh-CN': '该欠费已结清', en: 'This arrear is already settled' },
  // Reminders of governance deadlines (governance.jobs).
  'governance.notify.task_warning': {
    'zh-CN': '{compound}：{responsible}应完成的“{task}”将于 {due} 到期',
    en: '{compound}: {task}, for {responsible}, is due on {due}',
  },
  'governance.notify.task_overdue': {
    'zh-CN': '{compound}：{responsible}应完成的“{task}”已超期（期限 {due}）',
    en: '{compound}: {task}, for {responsible}, is overdue (due on {due})',
  },
  'governance.notify.trigger': {
    'zh-CN': '{compound} 已于 {on} 具备成立业主大会的条件（{reason}），建设单位应于 {due} 前向街镇书面报告',
    en: "{compound} met the conditions for an owners' assembly on {on} ({reason}); the developer must report to the street by {due}",
  },
  ...dutiesMessages,
  ...governanceLawMessages,
};
