// Messages of the action plan (三年行动计划).
import type { Catalogue } from '../../platform/http/messages.js';

export const planMessages: Catalogue = {
  'plan.plan_not_found': { 'zh-CN': '未找到该行动计划', en: 'Action plan not found' },
  'plan.task_not_found': { 'zh-CN': '未找到该计划任务', en: 'Plan task not found' },
  'plan.public_none': { 'zh-CN': '尚未公布行动计划', en: 'No action plan has been published yet' },
  'plan.manage_forbidden': {
    'zh-CN': '只有本级联席会议办公室可以办理本级行动计划',
    en: 'Only the office of the plan’s level can do this',
  },
  'plan.division_invalid': {
    'zh-CN': '行动计划只能属于本市或一个区',
    en: 'An action plan belongs to the city or a district',
  },
  'plan.period_invalid': {
    'zh-CN': '计划期限的结束日期不能早于开始日期',
    en: 'The plan period cannot end before it starts',
  },
  'plan.not_empty': {
    'zh-CN': '该计划已有任务，不能再次导入',
    en: 'This plan already has tasks; it cannot be imported again',
  },
  'plan.report_forbidden': {
    'zh-CN': '只有牵头部门或该任务的实施部门可以报送进展',
    en: 'Only the lead department or an implementing unit of the task reports progress',
  },
  'plan.milestone_lead_only': {
    'zh-CN': '只有牵头部门可以确认时间节点完成',
    en: 'Only the lead department marks a milestone done',
  },
  'plan.milestone_invalid': {
    'zh-CN': '所选时间节点不属于该任务，或已完成',
    en: 'A milestone chosen is not of this task, or is done already',
  },
  'plan.evidence_insufficient': {
    'zh-CN': '请说明完成情况和佐证材料（至少 {min} 个字）',
    en: 'Describe what was done and what shows it (at least {min} characters)',
  },
  'plan.supervise_forbidden': {
    'zh-CN': '只有本级联席会议办公室或实施该任务的区可以督办',
    en: 'Only the office of the plan’s level, or a district implementing the task, issues a supervision notice',
  },
  'plan.invalid_rows': {
    'zh-CN': '导入文件有 {count} 处问题，未导入任何内容',
    en: 'The file has {count} problems; nothing was imported',
  },
  'plan.file_required': { 'zh-CN': '请上传 .xlsx 或 .csv 文件', en: 'Upload an .xlsx or .csv file' },
  'plan.file_unsupported_format': {
    'zh-CN': '不支持文件“{name}”的格式，请上传 .xlsx 或 .csv',
    en: 'The format of “{name}” is not supported; upload .xlsx or .csv',
  },
  'plan.file_unreadable': { 'zh-CN': '无法读取该文件', en: 'The file could not be read' },
  'plan.file_encoding': {
    'zh-CN': 'CSV 文件须为 UTF-8 编码',
    en: 'A CSV file must be UTF-8 encoded',
  },
  'plan.file_empty_file': { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' },
  'plan.file_too_many_rows': {
    'zh-CN': '文件有 {count} 行，最多 {max} 行',
    en: 'The file has {count} rows; at most {max}',
  },
  'plan.file_header_duplicate': {
    'zh-CN': '表头中“{column}”出现了两次',
    en: 'The header names “{column}” twice',
  },
  'plan.header_unrecognised': {
    'zh-CN': '表头缺少：{missing}',
    en: 'The header row lacks: {missing}',
  },
  'plan.row.required': { 'zh-CN': '必填', en: 'Required' },
  'plan.row.seq_invalid': { 'zh-CN': '序号须为正整数', en: 'The number must be a positive whole number' },
  'plan.row.seq_duplicate': { 'zh-CN': '序号重复', en: 'The number appears twice' },
  'plan.row.milestones_invalid': {
    'zh-CN': '时间节点须为“日期 内容”，每行或以“；”分隔一项，如“2026年6月底 出台办法”',
    en: 'Milestones are “date what”, one per line or separated by “；”, e.g. “2026年6月底 出台办法”',
  },
  'plan.row.too_many_milestones': {
    'zh-CN': '时间节点过多（最多 12 项）',
    en: 'Too many milestones (at most 12)',
  },
  'plan.row.too_long': { 'zh-CN': '内容过长', en: 'Too long' },
  'plan.row.lead_also_cooperating': {
    'zh-CN': '牵头部门不能同时是配合部门',
    en: 'The lead department cannot also cooperate',
  },
  'plan.row.org_unknown': { 'zh-CN': '未找到单位“{name}”', en: 'No organisation named “{name}”' },
  'plan.row.org_ambiguous': {
    'zh-CN': '有多个单位名为“{name}”',
    en: 'More than one organisation is named “{name}”',
  },
  'plan.row.unit_unknown': {
    'zh-CN': '未找到区或街镇“{name}”',
    en: 'No district or street/town named “{name}”',
  },
  'plan.row.unit_ambiguous': {
    'zh-CN': '有多个区划名为“{name}”，请填写区划代码',
    en: 'More than one division is named “{name}”; give its code',
  },
  'plan.row.unit_outside': {
    'zh-CN': '“{name}”不在本计划的区域内',
    en: '“{name}” is outside this plan’s area',
  },
  'plan.row.milestone_outside': {
    'zh-CN': '时间节点 {date} 不在计划期限内',
    en: 'Milestone {date} lies outside the plan period',
  },
};
