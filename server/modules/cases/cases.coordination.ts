// What the joint-meeting module (联席会议) asks of cases: the facts that make a case hot or difficult (overdue,
// returned, disputed between departments, 挂账) for the cases of an area, and one case's facts when it is put
// on an agenda. The rules themselves are domain/coordination.ts; this file only reads.
import type { HotCaseFacts } from '../../../domain/coordination.js';
import type { Executor } from '../../platform/db/database.js';
import * as repo from './cases.repo.js';

export interface CaseHotFacts extends HotCaseFacts {
  id: string;
  caseNo: string;
  title: string;
  districtCode: string;
  streetCode: string;
  streetName: string | null;
  leadName: string | null;
  createdAt: string;
}

/** An area of a joint meeting: a district, a street, or (both null) the whole city. */
export interface CaseArea {
  districtCode?: string | null;
  streetCode?: string | null;
}

async function withFacts(
  db: Executor,
  rows: Awaited<ReturnType<typeof repo.hotCandidates>>,
): Promise<CaseHotFacts[]> {
  const ids = rows.map((r) => r.id);
  const [returns, cohandlers] = await Promise.all([repo.returnsOf(db, ids), repo.cohandlerCounts(db, ids)]);
  const counts = new Map(cohandlers.map((c) => [c.case_id, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    caseNo: r.case_no,
    title: r.title,
    status: r.status,
    dueAt: r.next_due_at || null,
    districtCode: r.district_code,
    streetCode: r.street_code,
    streetName: r.street_name ?? null,
    leadName: r.lead_name ?? null,
    createdAt: r.created_at,
    cohandlers: counts.get(r.id) ?? 0,
    returns: returns
      .filter((e) => e.case_id === r.id)
      .map((e) => {
        const data = JSON.parse(e.data_json) as { previousLeadOrgId?: string; returnReason?: string };
        return { orgId: data.previousLeadOrgId ?? e.actor_org_id, reason: data.returnReason ?? null };
      }),
  }));
}

/** Unfinished cases of the area that may be hot, with the facts hotReasons() weighs (at most `limit`). */
export async function hotCaseFacts(
  db: Executor,
  area: CaseArea,
  nowIso: string,
  limit = 200,
): Promise<CaseHotFacts[]> {
  return withFacts(db, await repo.hotCandidates(db, area, nowIso, limit));
}

/** One case's facts (any status), or null when unknown. */
export async function caseHotFact(db: Executor, caseId: string): Promise<CaseHotFacts | null> {
  const c = await repo.findCase(db, caseId);
  if (!c) return null;
  const [facts] = await withFacts(db, [
    {
      id: c.id,
      case_no: c.case_no,
      title: c.title,
      status: c.status,
      next_due_at: c.next_due_at,
      district_code: c.district_code,
      street_code: c.street_code,
      created_at: c.created_at,
      lead_name: null,
      street_name: null,
    },
  ]);
  return facts;
}
