// How records and standings are shown: the rule in words, names not ids, the standing of the records in force
// (domain/credit.ts standingOf) with the note saying how it is counted.
import { inForce, standingOf, WATCH_THRESHOLD_POINTS } from '../../../domain/credit.js';
import type { Executor } from '../../platform/db/database.js';
import type { CreditRecordTable } from '../../platform/db/schema-industry.js';
import * as repo from './industry.repo.js';

export const STANDING_NOTE =
  `按《上海市住宅物业管理规定》第三十八条及本市物业服务企业和项目经理信用信息管理办法：统计已公布且在公布期内的` +
  `企业良好记录和失信记录，失信记录按记分规则计分（分公司、项目部的失信记录计入总公司；项目经理另行计分）；累计 ${WATCH_THRESHOLD_POINTS} 分` +
  `及以上列入重点关注名单。记分规则未经官方核验 [未核验]。`;

export const QUALIFICATION_NOTE =
  '物业服务企业资质已于 2018 年取消，此处资质等级仅为历史记录，不代表现行许可。';

type Rules = Map<string, { zh: string; verified: number }>;

export async function ruleMap(db: Executor): Promise<Rules> {
  return new Map((await repo.rules(db)).map((r) => [r.code, r]));
}

export const standingFrom = (
  rows: readonly Pick<CreditRecordTable, 'kind' | 'status' | 'points' | 'expires_on'>[],
  today: string,
) =>
  standingOf(
    rows.map((r) => ({ kind: r.kind, status: r.status, points: r.points, expiresOn: r.expires_on })),
    today,
  );

export async function summaries(db: Executor, rows: readonly CreditRecordTable[], today: string) {
  const ids = rows.map((r) => r.id);
  const [names, rules, objections, corrections] = await Promise.all([
    repo.namesOf(db, rows),
    ruleMap(db),
    repo.objectionsOf(db, ids),
    repo.correctionsOf(db, ids),
  ]);
  const objectionOf = new Map(objections.map((o) => [o.record_id, o.status]));
  const correctionOf = new Map(corrections.map((c) => [c.record_id, c.status])); // the latest (ordered)
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    kind: r.kind,
    rule: rules.get(r.rule_code)?.zh ?? r.rule_code,
    ruleVerified: rules.get(r.rule_code)?.verified === 1,
    points: r.points,
    companyName: names.orgs.get(r.company_id) ?? '',
    managerName: r.manager_id ? (names.managers.get(r.manager_id) ?? null) : null,
    compoundName: r.compound_id ? (names.compounds.get(r.compound_id) ?? null) : null,
    occurredOn: r.occurred_on,
    status: r.status,
    publishedOn: r.published_on,
    expiresOn: r.expires_on,
    inForce: inForce({ kind: r.kind, status: r.status, points: r.points, expiresOn: r.expires_on }, today),
    objection: objectionOf.get(r.id) ?? null,
    correction: correctionOf.get(r.id) ?? null,
  }));
}
