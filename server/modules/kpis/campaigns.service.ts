// Campaigns (集中整治, e.g. 违法搭建, 群租): cases of one category in a street or district, with a target and a
// period; progress = the member cases by status and the closed share of the target.
import { campaignProgress } from '../../../domain/kpis.js';
import type { CampaignInputT } from '../../../contracts/kpis.js';
import type { Actor } from '../../platform/http/context.js';
import { auditActor } from '../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { message, type Locale } from '../../platform/http/messages.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import type { Executor } from '../../platform/db/database.js';
import type { CampaignTable } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import * as repo from './kpis.repo.js';
import { campaignReadGrants, canReadCampaign, requireCampaignWrite } from './kpis.policy.js';
import { periodOf } from './kpis.service.js';

/** Not work items of their own: never added automatically (a merged case is counted in its target). */
const NOT_AUTO_ADDED = ['declined', 'merged'];
const DIVISION_LEVELS = new Set(['district', 'street', 'town', 'township']);

async function present(db: Executor, rows: CampaignTable[]) {
  const [counts, categories, divisions] = await Promise.all([
    repo.campaignStatusCounts(
      db,
      rows.map((r) => r.id),
    ),
    repo.categoryNames(db, [...new Set(rows.map((r) => r.category_code))]),
    repo.divisionsByCodes(db, [...new Set(rows.map((r) => r.division_code))]),
  ]);
  return rows.map((r) => {
    const byStatus: Record<string, number> = {};
    for (const c of counts) if (c.campaignId === r.id) byStatus[c.status] = c.n;
    return {
      id: r.id,
      name: r.name,
      categoryCode: r.category_code,
      categoryName: categories.get(r.category_code) ?? r.category_code,
      divisionCode: r.division_code,
      divisionName: divisions.find((d) => d.code === r.division_code)?.name ?? null,
      target: r.target,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
      progress: campaignProgress(byStatus, r.target),
    };
  });
}

export async function listCampaigns(
  deps: Deps,
  actor: Actor,
  f: { division?: string; category?: string; cursor?: string; limit: number },
) {
  const grants = campaignReadGrants(actor);
  const db = deps.database.db;
  const within = grants.some((g) => g.scopeType === 'city') ? null : grants.map((g) => g.scopeId);
  const after = decodeCursor(f.cursor, 1) as [string] | null;
  const rows = await repo.listCampaigns(db, {
    within,
    division: f.division,
    category: f.category,
    after: after ? after[0] : null,
    limit: f.limit,
  });
  const page = pageFrom(rows, f.limit, (r) => [r.id]);
  return { items: await present(db, page.items), nextCursor: page.nextCursor };
}

async function readable(db: Executor, actor: Actor, id: string): Promise<CampaignTable> {
  campaignReadGrants(actor);
  const row = await repo.findCampaign(db, id);
  if (!row || !canReadCampaign(actor, row.division_code)) throw notFound('kpis.campaign_not_found');
  return row;
}

export async function getCampaign(deps: Deps, actor: Actor, id: string) {
  const db = deps.database.db;
  return (await present(db, [await readable(db, actor, id)]))[0];
}

export async function createCampaign(deps: Deps, actor: Actor, input: CampaignInputT, requestId: string) {
  requireCampaignWrite(actor, input.divisionCode);
  const db = deps.database.db;
  periodOf(input.startsOn, input.endsOn);
  if (!(await repo.categoryExists(db, input.categoryCode)))
    throw badRequest('kpis.category_unknown', { code: input.categoryCode });
  const division = (await repo.divisionsByCodes(db, [input.divisionCode]))[0];
  if (!division || !DIVISION_LEVELS.has(division.level))
    throw badRequest('kpis.division_invalid', { code: input.divisionCode });
  const now = deps.clock.now().toISOString();
  const row: CampaignTable = {
    id: newId(),
    name: input.name,
    category_code: input.categoryCode,
    division_code: input.divisionCode,
    target: input.target,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await repo.insertCampaign(trx, row);
    await audit({ action: 'campaigns.create', targetType: 'campaign', targetId: row.id, after: row });
  });
  return getCampaign(deps, actor, row.id);
}

/**
 * Adds cases to a campaign: the given ids (each must be of the campaign's category and in its division;
 * with any that is not, nothing is added), or with `auto` every matching case created in the period.
 * Cases already in the campaign are skipped.
 */
export async function addCampaignCases(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { caseIds?: string[]; auto?: boolean },
  locale: Locale,
  requestId: string,
) {
  const db = deps.database.db;
  const campaign = await readable(db, actor, id);
  requireCampaignWrite(actor, campaign.division_code);
  const now = deps.clock.now().toISOString();
  const added = await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    let candidates: string[];
    if (body.auto) {
      const { fromIso, toIso } = periodOf(campaign.starts_on, campaign.ends_on);
      candidates = await repo.matchingCaseIds(trx, campaign, fromIso, toIso, NOT_AUTO_ADDED);
    } else {
      const ids = [...new Set(body.caseIds ?? [])];
      const found = await repo.casesForCampaign(trx, ids);
      const categories = await repo.categoryNames(trx, [
        campaign.category_code,
        ...found.map((c) => c.category_code),
      ]);
      const errors: { caseId: string; message: string }[] = [];
      for (const caseId of ids) {
        const c = found.find((x) => x.id === caseId);
        if (!c || !c.street_code.startsWith(campaign.division_code)) {
          errors.push({ caseId, message: message('kpis.case_not_in_division', locale) });
        } else if (c.category_code !== campaign.category_code) {
          errors.push({
            caseId,
            message: message('kpis.case_wrong_category', locale, {
              actual: categories.get(c.category_code) ?? c.category_code,
              expected: categories.get(campaign.category_code) ?? campaign.category_code,
            }),
          });
        }
      }
      if (errors.length)
        throw new AppError('kpis.campaign_cases_invalid', 400, { count: errors.length }, { errors });
      const members = await repo.memberIds(trx, campaign.id, ids);
      candidates = ids.filter((x) => !members.has(x));
    }
    if (candidates.length === 0) return 0;
    await repo.addMembers(trx, campaign.id, candidates);
    await repo.touchCampaign(trx, campaign.id, now);
    await audit({
      action: 'campaigns.add_cases',
      targetType: 'campaign',
      targetId: campaign.id,
      after: { auto: !!body.auto, added: candidates.length, caseIds: candidates.slice(0, 500) },
    });
    return candidates.length;
  });
  return { added, campaign: await getCampaign(deps, actor, id) };
}
