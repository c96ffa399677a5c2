// Similar open cases (issue 9 §7): while an operator records a report, the open cases of the same compound
// and category it would repeat (domain/case-duplicates.ts); on a case page, the cases it may be merged into
// (also found by the first digits of their number). Only cases the caller can see: a grant covering the
// compound's place (dispatch, queue or read), else the cases led by the caller's organisations.
import { z } from 'zod';
import { duplicateWindowStart, isDuplicateOf, isMergeTarget } from '../../../../domain/case-duplicates.js';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../../../domain/case-lifecycle.js';
import { allows, organisationIdsOf } from '../../../../domain/access.js';
import { Attributes } from '../../../../contracts/cases.js';
import type { Actor } from '../../../platform/http/context.js';
import { AppError, badRequest } from '../../../platform/http/errors.js';
import type { Deps } from '../../../platform/deps.js';
import { organisationsUnder } from '../../registry/registry.service.js';
import { caseReference } from '../cases.reference.js';
import * as lookups from './intake.lookups.js';
import * as repo from './intake.repo.js';

export interface SimilarQuery {
  compoundId: string;
  categoryCode?: string;
  attributes?: string;
  caseNo?: string;
  excludeCaseId?: string;
}

const LIMIT = 20;
const SUMMARY_CHARS = 60;

function parseAttributes(text: string | undefined): Record<string, string | boolean> {
  if (!text) return {};
  try {
    return Attributes.parse(JSON.parse(text));
  } catch (err) {
    if (err instanceof SyntaxError || err instanceof z.ZodError) throw badRequest('cases.attributes_invalid');
    throw err;
  }
}

/** Whose cases in the compound the caller may see: all (a place grant), its organisations' (null = all). */
async function visibleLeads(deps: Deps, actor: Actor, compoundId: string): Promise<string[] | null> {
  const compound = await lookups.compoundLocation(deps.database.db, compoundId);
  if (compound) {
    const place = { districtCode: compound.district_code, streetCode: compound.street_code, compoundId };
    const seesPlace = (['cases.dispatch', 'cases.queue', 'cases.read'] as const).some((p) =>
      allows(actor.grants, p, place),
    );
    if (seesPlace) return null;
  }
  const orgs = organisationIdsOf(actor.grants, 'cases.handle');
  if (!orgs.length) throw new AppError('auth.forbidden', 403);
  return organisationsUnder(deps, orgs);
}

const summaryOf = (text: string) => (text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS)}…` : text);

export async function similarCases(deps: Deps, actor: Actor, q: SimilarQuery) {
  if (!q.categoryCode && !q.caseNo) throw badRequest('cases.similar_query_invalid');
  const attributes = parseAttributes(q.attributes);
  const leadOrgIds = await visibleLeads(deps, actor, q.compoundId);
  const db = deps.database.db;
  const now = deps.clock.now();
  const byNumber = !!q.caseNo;
  const rows = await repo.similarCases(db, {
    compoundId: q.compoundId,
    categoryCode: byNumber ? undefined : q.categoryCode,
    caseNoPrefix: q.caseNo,
    since: byNumber ? undefined : duplicateWindowStart(now).toISOString(),
    leadOrgIds,
    excludeId: q.excludeCaseId,
    limit: byNumber ? LIMIT : 200,
  });
  const report = {
    compoundId: q.compoundId,
    categoryCode: q.categoryCode ?? '',
    attributes,
    createdAt: now.toISOString(),
  };
  const found = byNumber
    ? rows
    : rows.filter((r) =>
        isDuplicateOf(report, {
          compoundId: r.compound_id,
          categoryCode: r.category_code,
          attributes: JSON.parse(r.attributes_json) as Record<string, unknown>,
          createdAt: r.created_at,
          status: r.status,
        }),
      );
  const ref = await caseReference(db);
  return {
    items: found.slice(0, LIMIT).map((r) => {
      const category = ref.categories.get(r.category_code);
      return {
        id: r.id,
        caseNo: r.case_no,
        createdAt: r.created_at,
        status: r.status,
        statusLabel: CASE_STATUS_LABELS[r.status as CaseStatus],
        categoryName: { zh: category?.nameZh ?? r.category_code, en: category?.nameEn ?? r.category_code },
        summary: summaryOf(r.description),
        mergeable: isMergeTarget(r.status),
      };
    }),
  };
}
