// Messages of the property-service industry (物业服务行业): registry, contracts and filing, credit records.
import type { Catalogue } from '../../platform/http/messages.js';

export const industryMessages: Catalogue = {
  'industry.company_not_found': { 'zh-CN': '未找到该物业服务企业', en: 'Property company not found' },
  'industry.manager_not_found': { 'zh-CN': '未找到该项目经理', en: 'Project manager not found' },
  'industry.contract_not_found': { 'zh-CN': '未找到该物业服务合同', en: 'Service contract not found' },
  'industry.record_not_found': { 'zh-CN': '未找到该信用记录', en: 'Credit record not found' },
  'industry.compound_not_found': { 'zh-CN': '未找到该小区', en: 'Compound not found' },
  'industry.manage_forbidden': {
    'zh-CN': '只有该企业或记录所在区的房屋管理部门可以办理',
    en: 'Only the housing authority of the district concerned may do this',
  },
  'industry.respond_forbidden': {
    'zh-CN': '只有该物业服务企业本身可以办理',
    en: 'Only the property company itself may do this',
  },
  'industry.record_forbidden': {
    'zh-CN': '只有发生地的街镇房管办或区房屋管理部门可以录入信用记录',
    en: 'Only the street or district office where it happened may enter a credit record',
  },
  'industry.credit_code_invalid': {
    'zh-CN': '统一社会信用代码 {code} 校验不通过（GB 32100-2015）',
    en: 'Unified social credit code {code} fails its check (GB 32100-2015)',
  },
  'industry.credit_code_taken': {
    'zh-CN': '统一社会信用代码 {code} 已登记在另一家企业名下',
    en: 'Unified social credit code {code} is already registered to another company',
  },
  'industry.certificate_taken': {
    'zh-CN': '证书编号 {certificateNo} 已登记',
    en: 'Certificate number {certificateNo} is already registered',
  },
  'industry.date_in_future': { 'zh-CN': '日期 {date} 晚于今天', en: 'Date {date} is after today' },
  'industry.dates_reversed': {
    'zh-CN': '结束日期 {to} 早于开始日期 {from}',
    en: 'End date {to} is before start date {from}',
  },
  'industry.posting_not_served': {
    'zh-CN': '该项目经理所在企业不在该小区提供物业服务',
    en: "The manager's company does not serve that compound",
  },
  'industry.posting_before_current': {
    'zh-CN': '新任职日期不能早于当前任职开始日 {from}',
    en: 'The new posting cannot start before the current one ({from})',
  },
  'industry.fee_invalid': {
    'zh-CN': '物业服务费“{fee}”不是有效金额（元/平方米·月，最多两位小数）',
    en: 'Fee "{fee}" is not a valid amount (yuan per m² per month, at most two decimals)',
  },
  'industry.filing_unsigned': {
    'zh-CN': '合同尚未登记签订日期，不能备案（《上海市住宅物业管理规定》第四十四条）',
    en: 'The contract has no signing date; it cannot be filed (Shanghai Regulations Art 44)',
  },
  'industry.filing_before_signing': {
    'zh-CN': '备案日期 {date} 早于签订日期 {signed}',
    en: 'Filing date {date} is before signing ({signed})',
  },
  'industry.already_filed': { 'zh-CN': '该合同已于 {date} 备案', en: 'The contract was filed on {date}' },
  'industry.rule_invalid': {
    'zh-CN': '所选记分规则不适用于该对象',
    en: 'That rule does not apply to this subject',
  },
  'industry.subject_missing': {
    'zh-CN': '请选择企业或项目经理（二者选一）',
    en: 'Choose either a company or a project manager',
  },
  'industry.not_recorded': {
    'zh-CN': '该记录当前状态不能确认公布',
    en: 'The record is not awaiting confirmation',
  },
  'industry.objection_twice': {
    'zh-CN': '每条信用记录只能提出一次异议',
    en: 'An objection may be raised only once per record',
  },
  'industry.objection_closed': {
    'zh-CN': '该记录已撤销或修正，不能提出异议',
    en: 'The record was withdrawn or corrected; no objection is possible',
  },
  'industry.no_pending_objection': { 'zh-CN': '没有待决定的异议', en: 'No objection is pending' },
  'industry.no_pending_correction': { 'zh-CN': '没有待决定的修正申请', en: 'No correction is pending' },
  'industry.correction_pending': {
    'zh-CN': '已有待决定的修正申请',
    en: 'A correction application is already pending',
  },
  'industry.correction_refused': {
    'zh-CN': '不能申请信用修正：{reason}',
    en: 'A correction cannot be applied for: {reason}',
  },
};
