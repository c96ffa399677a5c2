// Messages of the maintenance fund (专项维修资金).
import type { Catalogue } from '../../platform/http/messages.js';

export const fundMessages: Catalogue = {
  'fund.compound_not_found': { 'zh-CN': '未找到该小区', en: 'Compound not found' },
  'fund.unit_not_found': {
    'zh-CN': '未找到该房屋的维修资金分户账',
    en: 'No maintenance fund ledger for this unit',
  },
  'fund.building_not_found': {
    'zh-CN': '该小区没有这幢楼的分幢账',
    en: 'This building has no ledger in this compound',
  },
  'fund.no_account': {
    'zh-CN': '该小区尚未建立专项维修资金账户',
    en: 'This compound has no maintenance fund account yet',
  },
  'fund.account_exists': {
    'zh-CN': '该小区已建立专项维修资金账户',
    en: 'This compound already has a maintenance fund account',
  },
  'fund.manage_forbidden': {
    'zh-CN': '只有区房屋行政管理部门可以开立账户、记录交存和利息',
    en: 'Only the district housing authority opens fund accounts and records deposits and interest',
  },
  'fund.pay_forbidden': {
    'zh-CN': '只有本小区业主委员会可以登记维修资金列支',
    en: "Only the compound's owners' committee records a disbursement",
  },
  'fund.amount_invalid': {
    'zh-CN': '金额“{amount}”无效：应为大于 0、最多两位小数的元',
    en: 'Amount "{amount}" is invalid: yuan greater than 0 with at most two decimals',
  },
  'fund.entry_kind_invalid': {
    'zh-CN': '交存、利息和补建之外的款项不能在此登记（列支请登记使用）',
    en: 'Only deposits, interest and top-ups are recorded here (a disbursement is recorded as a payment)',
  },
  'fund.unit_without_ledger': {
    'zh-CN': '房屋 {unit} 不在本小区的维修资金账户中',
    en: "Unit {unit} has no ledger in this compound's fund account",
  },
  'fund.duplicate_unit': {
    'zh-CN': '同一房屋在一次登记中出现了两次：{unit}',
    en: 'Unit {unit} appears twice',
  },
  'fund.date_in_future': { 'zh-CN': '日期 {date} 晚于今天', en: 'Date {date} is after today' },
  'fund.decision_not_found': { 'zh-CN': '未找到该表决', en: 'Decision not found' },
  'fund.decision_other_compound': {
    'zh-CN': '该表决不属于本小区',
    en: 'That decision belongs to another compound',
  },
  'fund.decision_not_use_fund': {
    'zh-CN':
      '只有“使用建筑物及其附属设施的维修资金”的表决才能作为列支依据（《中华人民共和国民法典》第二百七十八条第一款第五项）',
    en: 'Only a decision on using the maintenance fund can be paid on (Civil Code Art 278(1)(5))',
  },
  'fund.decision_not_published': {
    'zh-CN': '表决结果尚未公布，不能列支（《上海市住宅物业管理规定》第二十七条第二款）',
    en: 'The decision’s result has not been posted yet (Shanghai Residential Property Management Regulations Art 27(2))',
  },
  'fund.decision_not_passed': {
    'zh-CN': '该表决未通过，不能列支（《上海市住宅物业管理规定》第六十九条）',
    en: 'The decision did not pass; nothing can be paid on it (Shanghai Residential Property Management Regulations Art 69)',
  },
  'fund.unit_without_area': {
    'zh-CN': '{count} 户没有登记、实测或合同面积，无法按建筑面积分摊（如 {unit}）',
    en: '{count} units have no registered, surveyed or contract area and cannot share by area (e.g. {unit})',
  },
  'fund.no_sharing_units': {
    'zh-CN': '表决范围内没有设立分户账的房屋',
    en: 'No unit of the decision’s part has a fund ledger',
  },
  'fund.overdrawn': {
    'zh-CN':
      '{count} 户的分户账余额不足以支付其分摊金额（如 {unit} 还差 {short} 元），需先补建或续筹（《上海市住宅物业管理规定》第六十五条）',
    en: '{count} unit ledgers cannot cover their share (e.g. {unit} is short by {short} yuan); top up first (Shanghai Residential Property Management Regulations Art 65)',
  },
  'fund.payment_reference_used': {
    'zh-CN': '凭证号 {reference} 已登记过一笔列支（金额 {cost} 元），不会重复记账',
    en: 'Voucher {reference} is already recorded (¥{cost}); it is not booked twice',
  },
  // 第七十三条 emergency use
  'fund.report_forbidden': {
    'zh-CN': '只有为本小区提供服务的物业服务企业可以报告应急维修并申请列支',
    en: 'Only the property company serving this compound reports an emergency repair',
  },
  'fund.emergency_not_found': { 'zh-CN': '未找到该应急维修报告', en: 'Emergency report not found' },
  'fund.emergency_forbidden': {
    'zh-CN': '您不能对该应急维修报告办理此项操作',
    en: 'You may not take this step on this emergency report',
  },
  'fund.emergency_changed': {
    'zh-CN': '该应急维修报告刚被他人办理，请刷新后再试',
    en: 'Someone else has just acted on this report; reload and try again',
  },
  'fund.emergency_wrong_state': {
    'zh-CN': '该应急维修报告当前状态下不能办理此项操作',
    en: 'This step is not possible in the report’s present state',
  },
  'fund.emergency_not_yours': {
    'zh-CN':
      '业主大会成立后由业主委员会审核，成立前由房管机构审核（《上海市住宅物业管理规定》第七十三条第三款）',
    en: 'With an assembly the owners’ committee approves, before it the housing office (Shanghai Residential Property Management Regulations Art 73 ¶3)',
  },
  'fund.emergency_committee_time_left': {
    'zh-CN':
      '业主委员会的七日审核期至 {due} 届满，届满仍未审核同意的，区房屋行政管理部门方可组织代为维修（《上海市住宅物业管理规定》第七十三条第三款第二项）',
    en: 'The owners’ committee has until {due} to approve; only after that may the district order the repair (Art 73 ¶3(2))',
  },
  'fund.emergency_safety_not_affected': {
    'zh-CN':
      '未出现影响房屋正常使用或者居民人身财产安全的情形，不能组织代为维修（《上海市住宅物业管理规定》第七十三条第三款第二项）',
    en: 'Use of the building or residents’ safety is not affected; the district may not order the repair (Art 73 ¶3(2))',
  },
  'fund.emergency_cost_not_reviewed': {
    'zh-CN': '维修费用须经具有相应资质的中介机构审价后方可列支（《上海市住宅物业管理规定》第七十三条第三款）',
    en: 'The cost must be reviewed by a qualified intermediary before payment (Art 73 ¶3)',
  },
  'fund.before_developer_report': {
    'zh-CN':
      '建设单位尚未提出成立业主大会的书面报告，专项维修资金不得动用，维修责任由建设单位承担（《上海市住宅物业管理规定》第七十一条第一款）',
    en: 'The developer has not made its written report on forming the assembly: the fund may not be used and the developer carries the repair (Art 71 ¶1)',
  },
  'fund.document_inspection_notice': {
    'zh-CN':
      '电梯故障须附电梯专业检测机构出具的要求停运的整改通知书（出具单位和文号）（第七十三条第二款第二项）',
    en: 'A lift fault needs the inspection agency’s rectification notice ordering it stopped (issuer and number; Art 73 ¶2(2))',
  },
  'fund.document_fire_notice': {
    'zh-CN': '消防设施损坏须附消防部门出具的整改通知书（出具单位和文号）（第七十三条第二款第三项）',
    en: 'Fire systems need the fire department’s rectification notice (issuer and number; Art 73 ¶2(3))',
  },
  'fund.document_appraisal': {
    'zh-CN': '须附有资质的鉴定机构出具的证明（出具单位和编号）（第七十三条第二款第四项、第五项）',
    en: 'A qualified appraiser’s certificate is needed (issuer and number; Art 73 ¶2(4)–(5))',
  },
  'fund.case_not_in_compound': {
    'zh-CN': '所关联的案件不属于本小区',
    en: 'The linked case is not in this compound',
  },
  'fund.date_before_report': {
    'zh-CN': '日期不能早于报告日期 {date}',
    en: 'The date cannot be before the report date {date}',
  },
  // --- Use before the assembly (第七十一条第二款、第三款) ---
  'fund.application_assembly_exists': {
    'zh-CN':
      '业主大会已经成立：使用维修资金须经相关业主依法表决通过（《上海市住宅物业管理规定》第六十九条），不走居委会征询程序',
    en: 'The assembly exists: a use of the fund needs the owners’ vote (Art 69), not the residents’ committee’s consultation',
  },
  'fund.application_not_found': { 'zh-CN': '未找到该维修资金使用申请', en: 'Fund use application not found' },
  'fund.propose_forbidden': {
    'zh-CN': '只有本小区在约的物业服务企业可以提出维修实施方案（第七十一条第二款）',
    en: 'Only the company serving this compound may propose a repair plan (Art 71 ¶2)',
  },
  'fund.application_forbidden': {
    'zh-CN': '居民委员会组织征询业主意见；区房屋行政管理部门登记审价并列支（第七十一条第二款、第三款）',
    en: 'The residents’ committee consults the owners; the district records the cost review and pays (Art 71 ¶2–3)',
  },
  'fund.application_wrong_state': {
    'zh-CN': '该申请当前状态下不能进行此操作',
    en: 'This step is not open for the application in its current state',
  },
  'fund.application_not_yours': {
    'zh-CN': '居民委员会组织征询业主意见；区房屋行政管理部门登记审价并列支（第七十一条第二款、第三款）',
    en: 'The residents’ committee consults the owners; the district records the cost review and pays (Art 71 ¶2–3)',
  },
  'fund.application_cost_not_reviewed': {
    'zh-CN': '维修费用须经市房屋行政管理部门指定的中介机构审价后方可列支（第七十一条第三款）',
    en: 'The cost must be reviewed by the intermediary the city housing authority names before payment (Art 71 ¶3)',
  },
  'fund.application_changed': {
    'zh-CN': '该申请已被他人更新，请刷新后重试',
    en: 'The application was changed by someone else; reload and try again',
  },
  'fund.consultation_counts_invalid': {
    'zh-CN':
      '征询人数和面积不合理：参与的不能多于该部分业主（共 {persons} 人、{area} m²），同意的不能多于参与的',
    en: 'The counts cannot be: no more taking part than own the part ({persons} owners, {area} m²), no more agreeing than taking part',
  },
  'fund.date_before_developer_report': {
    'zh-CN': '建设单位于 {date} 提出成立业主大会的书面报告，方案提出日期不能早于此日（第七十一条）',
    en: 'The developer reported on {date}; the plan cannot be proposed before that day (Art 71)',
  },
  'fund.date_before_proposal': {
    'zh-CN': '日期不能早于方案提出日期 {date}',
    en: 'The date cannot be before the plan was proposed ({date})',
  },
};
