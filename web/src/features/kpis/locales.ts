// Strings of the KPI screen.
export const kpisZh = {
  title: '考核指标',
  period: '统计月份',
  groupBy: '统计维度',
  groupBys: { street: '街镇', department: '职能部门', company: '物业服务企业', compound: '小区' },
  total: '案件数',
  proactive: '主动发现',
  discoveryRate: '发现率',
  acceptedOnTimeRate: '受理及时率',
  onTimeRate: '按时办结率',
  resolutionRate: '解决率',
  satisfactionRate: '满意率',
  repeatRate: '重复投诉率',
  arrivalOnTimeRate: '到场及时率',
  parked: '挂账数',
  sum: '合计',
  empty: '该期间没有案件',
  definitions:
    '发现率 = 网格巡查、物业上报等主动发现的案件 / 全部案件；受理及时率、按时办结率按各环节时限计算；满意率按回访结果计算；“—”表示该期间无可计算的案件。',
};

export const kpisEn: typeof kpisZh = {
  title: 'KPIs',
  period: 'Month',
  groupBy: 'Group by',
  groupBys: {
    street: 'Street/town',
    department: 'Department',
    company: 'Property company',
    compound: 'Compound',
  },
  total: 'Cases',
  proactive: 'Proactive',
  discoveryRate: 'Discovery rate',
  acceptedOnTimeRate: 'Accepted on time',
  onTimeRate: 'Resolved on time',
  resolutionRate: 'Resolution rate',
  satisfactionRate: 'Satisfaction',
  repeatRate: 'Repeat complaints',
  arrivalOnTimeRate: 'On site on time',
  parked: 'Parked',
  sum: 'Total',
  empty: 'No cases in this period',
  definitions:
    'Discovery rate = cases found proactively (grid inspection, property company) / all cases; on-time rates use each stage’s deadline; satisfaction comes from revisits; "—" means nothing to measure in the period.',
};
