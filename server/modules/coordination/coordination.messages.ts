// Messages of joint meetings (联席会议).
import type { Catalogue } from '../../platform/http/messages.js';

export const coordinationMessages: Catalogue = {
  'coordination.body_not_found': { 'zh-CN': '未找到该联席会议', en: 'Joint meeting not found' },
  'coordination.meeting_not_found': { 'zh-CN': '未找到该次会议', en: 'Meeting not found' },
  'coordination.item_not_found': { 'zh-CN': '未找到该交办事项', en: 'Action item not found' },
  'coordination.request_not_found': { 'zh-CN': '未找到该协调申请', en: 'Request for coordination not found' },
  'coordination.case_not_found': {
    'zh-CN': '未找到该案件，或案件不在本级联席会议的区域内',
    en: "Case not found, or not within this joint meeting's area",
  },
  'coordination.manage_forbidden': {
    'zh-CN': '只有本级联席会议办公室可以办理',
    en: 'Only the joint-meeting office of this level can do this',
  },
  'coordination.lead_only': {
    'zh-CN': '只有牵头单位可以报告办结',
    en: 'Only the lead unit reports an action item done',
  },
  'coordination.division_invalid': {
    'zh-CN': '区划代码 {code} 不是本市、区或街镇',
    en: 'Division code {code} is not the city, a district or a street/town',
  },
  'coordination.body_exists': {
    'zh-CN': '该区划已有联席会议',
    en: 'This division already has a joint meeting',
  },
  'coordination.org_invalid': { 'zh-CN': '所选单位不存在', en: 'A unit chosen does not exist' },
  'coordination.unit_not_member': {
    'zh-CN': '牵头单位和配合单位须是本联席会议的成员单位（且不重复）',
    en: 'Lead and cooperating units must be member units of this joint meeting (each once)',
  },
  'coordination.attendee_invalid': {
    'zh-CN': '出席情况只能登记本联席会议的成员单位，每个单位一次',
    en: 'Attendance is recorded for member units of this joint meeting, each once',
  },
  'coordination.deputy_name_missing': {
    'zh-CN': '委派出席的，请填写被委派人姓名',
    en: "Give the deputy's name when a unit sent someone",
  },
  'coordination.agenda_item_invalid': {
    'zh-CN': '决定所对应的议题不属于本次会议',
    en: 'The decision refers to an agenda item of another meeting',
  },
  'coordination.deadline_invalid': {
    'zh-CN': '办理期限无效：工作日数须为 1 至 250，或为会议当日及以后的日期',
    en: 'Invalid deadline: 1 to 250 working days, or a date on or after the meeting',
  },
  'coordination.meeting_held': {
    'zh-CN': '该次会议已召开，不能再修改议题或会议记录',
    en: 'The meeting has been held; its agenda and record cannot change',
  },
  'coordination.meeting_not_yet': {
    'zh-CN': '会议日期 {date} 尚未到，不能登记会议记录',
    en: 'The meeting is on {date}; its record cannot be entered before then',
  },
  'coordination.case_not_hot': {
    'zh-CN': '案件 {caseNo} 不属于热点难点（未超期、未多次退单、无部门争议、未挂账）',
    en: 'Case {caseNo} is not hot or difficult (not overdue, not returned repeatedly, not disputed, not parked)',
  },
  'coordination.request_scheduled': {
    'zh-CN': '该协调申请已列入议题',
    en: 'This request is already on an agenda',
  },
  'coordination.case_on_agenda': {
    'zh-CN': '该案件已列入本次会议议题',
    en: 'This case is already on the agenda of this meeting',
  },
  'coordination.item_done': { 'zh-CN': '该交办事项已办结', en: 'This action item is done' },
  'coordination.evidence_insufficient': {
    'zh-CN': '请说明办理情况及佐证材料（至少 10 个字）',
    en: 'Describe what was done and what proves it (at least 10 characters)',
  },
};
