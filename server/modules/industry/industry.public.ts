// The public industry list (no sign-in; 《上海市住宅物业管理规定》第三十八条: credit information is published):
// companies with their standing and the count of published records in force; a company's published records
// in words. No personal data: a manager's record says "项目经理", never the person's name.
import { inForce } from '../../../domain/credit.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import { todayOf } from './industry.common.js';
import * as repo from './industry.repo.js';
import { ruleMap, STANDING_NOTE, standingFrom } from './industry.view.js';

const PUBLIC_LIMIT = 500;

export async function publicCompanies(deps: Deps, q: { q?: string }) {
  const db = deps.database.db;
  const rows = (await repo.headCompanies(db, { name: q.q, limit: PUBLIC_LIMIT })).slice(0, PUBLIC_LIMIT);
  const facts = await repo.publishedFactsOf(
    db,
    rows.map((r) => r.id),
  );
  const today = todayOf(deps);
  return {
    items: rows
      .map((c) => {
        const mine = facts.filter((f) => f.head_id === c.id);
        const standing = standingFrom(mine, today);
        return { id: c.id, name: c.name, standing, publishedRecords: standing.bad + standing.good };
      })
      .sort((a, b) => b.standing.points - a.standing.points || a.name.localeCompare(b.name, 'zh')),
  };
}

export async function publicCompany(deps: Deps, id: string) {
  const db = deps.database.db;
  const o = await repo.org(db, id);
  if (!o || o.type !== 'property_company') throw notFound('industry.company_not_found');
  const today = todayOf(deps);
  const [profile, records, rules] = await Promise.all([
    repo.profile(db, id),
    repo.recordsOf(db, { headId: id, publishedOnly: true }),
    ruleMap(db),
  ]);
  const shown = records.filter((r) =>
    inForce({ kind: r.kind, status: r.status, points: r.points, expiresOn: r.expires_on }, today),
  );
  const names = await repo.namesOf(
    db,
    shown.map((r) => ({ company_id: r.company_id, manager_id: null, compound_id: null })),
  );
  return {
    id,
    name: o.name,
    creditCode: profile?.credit_code ?? null,
    standing: standingFrom(
      records.filter((r) => r.subject === 'company'),
      today,
    ),
    standingNote: STANDING_NOTE,
    records: shown.map((r) => {
      const rule = rules.get(r.rule_code);
      const what = rule?.zh ?? r.rule_code;
      const who = r.subject === 'manager' ? '项目经理' : '企业';
      const kind = r.kind === 'bad' ? `失信记录，记 ${r.points} 分` : '良好记录';
      return {
        kind: r.kind,
        subject: r.subject,
        description: `${who}${what}（${kind}${rule?.verified ? '' : '，记分规则 [未核验]'}）`,
        points: r.points,
        orgName: names.orgs.get(r.company_id) ?? o.name,
        publishedOn: r.published_on!,
        expiresOn: r.expires_on,
      };
    }),
  };
}
