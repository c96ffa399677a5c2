// The audit log in words: what was done (never the internal action code) and to what kind of thing.
import type { TFunction } from 'i18next';
import { CASE_ACTION_LABELS, type CaseAction } from '../../../../domain/case-lifecycle';
import { DUE_STATE_LABELS } from '../../../../domain/case-labels';
import type { Lang } from '../../app/i18n';

type Words = { zh: string; en: string };

const ACTIONS: Record<string, Words> = {
  'auth.login': { zh: '登录', en: 'Signed in' },
  'auth.login_failed': { zh: '登录失败', en: 'Sign-in failed' },
  'auth.locked': { zh: '账号锁定', en: 'Account locked' },
  'auth.logout': { zh: '退出登录', en: 'Signed out' },
  'auth.apikey.create': { zh: '创建接口密钥', en: 'API key created' },
  'auth.apikey.revoke': { zh: '吊销接口密钥', en: 'API key revoked' },
  'users.create': { zh: '创建账号', en: 'Account created' },
  'users.update': { zh: '修改账号', en: 'Account changed' },
  'registry.compound.create': { zh: '新增小区', en: 'Compound added' },
  'registry.compound.update': { zh: '修改小区', en: 'Compound changed' },
  'registry.organisation.create': { zh: '新增机构', en: 'Organisation added' },
  'registry.organisation.update': { zh: '修改机构', en: 'Organisation changed' },
  'registry.owner.reveal': { zh: '查看完整号码', en: 'Full numbers revealed' },
  'cases.receive': { zh: '受理案件', en: 'Case received' },
  'campaigns.create': { zh: '发起专项整治', en: 'Campaign started' },
  'campaigns.add_cases': { zh: '案件纳入专项整治', en: 'Cases added to a campaign' },
  'casesadmin.calendar.replace': { zh: '更新工作日历', en: 'Working calendar replaced' },
  'casesadmin.category.create': { zh: '新增案件类别', en: 'Category added' },
  'casesadmin.category.update': { zh: '修改案件类别', en: 'Category changed' },
  'casesadmin.responsibility_list.create': { zh: '起草责任清单', en: 'Responsibility list drafted' },
  'casesadmin.responsibility_list.activate': { zh: '启用责任清单', en: 'Responsibility list activated' },
  'casesadmin.sla_policy.create': { zh: '新增时限规则', en: 'Time-limit rule added' },
  'casesadmin.sla_policy.update': { zh: '修改时限规则', en: 'Time-limit rule changed' },
  'governance.formation.start': { zh: '启动业主大会筹备', en: 'Assembly formation started' },
  'governance.trigger.detected': { zh: '达到成立业主大会条件', en: 'Assembly conditions met' },
  'governance.task.overdue': { zh: '法定期限已过', en: 'Statutory deadline passed' },
  'governance.committee.record': { zh: '登记业委会', en: 'Committee recorded' },
  'governance.committee.meeting': { zh: '登记业委会会议', en: 'Committee meeting recorded' },
  'governance.committee.member_end': { zh: '委员任职终止', en: 'Membership ended' },
  'governance.committee.publish_resolutions': { zh: '公告业委会决定', en: 'Resolutions posted' },
  'governance.committee.training': { zh: '登记委员培训', en: 'Training recorded' },
  'governance.committee.by_election': { zh: '补选委员', en: 'By-election' },
  'governance.change.record': { zh: '登记变更备案', en: 'Change filing recorded' },
  'governance.change.submit': { zh: '提交变更备案', en: 'Change filing submitted' },
  'governance.change.decide': { zh: '办理变更备案', en: 'Change filing decided' },
  'governance.decision.create': { zh: '创建表决', en: 'Decision created' },
  'governance.decision.open': { zh: '公告并开启表决', en: 'Voting opened' },
  'governance.decision.close': { zh: '结束表决', en: 'Voting closed' },
  'governance.decision.publish': { zh: '公布表决结果', en: 'Result published' },
  'governance.decision.cancel': { zh: '取消表决', en: 'Decision cancelled' },
  'governance.decision.export': { zh: '导出选票文件', en: 'Ballot file exported' },
  'governance.ballot.record': { zh: '登记选票', en: 'Ballot recorded' },
  'governance.invitations.issue': { zh: '发放表决邀请码', en: 'Invitation codes issued' },
  'governance.owner_group.create': { zh: '成立业主小组', en: 'Owner group formed' },
  'governance.owner_group.dissolve': { zh: '撤销业主小组', en: 'Owner group dissolved' },
  'governance.arrear.record': { zh: '登记欠费', en: 'Arrears recorded' },
  'governance.arrear.settle': { zh: '欠费结清', en: 'Arrears settled' },
};

const TARGETS: Record<string, Words> = {
  case: { zh: '案件', en: 'Case' },
  user: { zh: '账号', en: 'Account' },
  compound: { zh: '小区', en: 'Compound' },
  organisation: { zh: '机构', en: 'Organisation' },
  owner: { zh: '业主', en: 'Owner' },
  decision: { zh: '表决', en: 'Decision' },
  committee: { zh: '业委会', en: "Owners' committee" },
  formation: { zh: '业主大会筹备', en: 'Assembly formation' },
  owner_group: { zh: '业主小组', en: 'Owner group' },
  fee_arrear: { zh: '欠费记录', en: 'Arrears record' },
  gov_task: { zh: '法定期限', en: 'Statutory deadline' },
  api_key: { zh: '接口密钥', en: 'API key' },
  campaign: { zh: '专项整治', en: 'Campaign' },
  sla_policy: { zh: '时限规则', en: 'Time-limit rule' },
  responsibility_list: { zh: '责任清单', en: 'Responsibility list' },
  case_category: { zh: '案件类别', en: 'Case category' },
  calendar_year: { zh: '工作日历', en: 'Working calendar' },
  import: { zh: '导入', en: 'Import' },
};

const pick = (w: Words, lang: Lang) => (lang === 'en' ? w.en : w.zh);

/** What an audit record says was done, in the reader's language; an unknown code is shown as it is. */
export function auditActionLabel(action: string, t: TFunction, lang: Lang): string {
  const known = ACTIONS[action];
  if (known) return pick(known, lang);
  const [module, ...rest] = action.split('.');
  const tail = rest.join('.');
  if (module === 'cases' && tail in CASE_ACTION_LABELS) {
    return `${lang === 'en' ? 'Case: ' : '案件：'}${pick(CASE_ACTION_LABELS[tail as CaseAction], lang)}`;
  }
  if (action.startsWith('cases.sla.')) {
    const state = DUE_STATE_LABELS[tail.slice(4) as keyof typeof DUE_STATE_LABELS];
    if (state) return `${lang === 'en' ? 'Time limit: ' : '时限：'}${pick(state, lang)}`;
  }
  for (const [prefix, key] of [
    ['governance.formation.', 'gov.formation.actions'],
    ['governance.committee.', 'gov.committee.actions'],
  ] as const) {
    if (action.startsWith(prefix))
      return t(`${key}.${action.slice(prefix.length)}`, { defaultValue: action });
  }
  if (action.startsWith('registry.import.')) return lang === 'en' ? 'Import' : '批量导入';
  return action;
}

/** The kind of thing an audit record is about, in words. */
export function auditTargetLabel(type: string, lang: Lang): string {
  const known = TARGETS[type];
  return known ? pick(known, lang) : type;
}
