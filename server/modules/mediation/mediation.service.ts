// Dispute mediation's face (矛盾调解; 《上海市住宅物业管理规定》第三十六条: the residents' committees' people's
// mediation committees mediate disputes between owners, owners' committees and property companies): the
// queue, a dispute, registering one (also from a case), revealing a party's phone (audited), the street's
// committees and mediators, street statistics. Sessions and outcomes are in mediation.actions.ts. Every
// service starts with its access check (mediation.policy.ts); every write is one audited transaction.
import type { z } from 'zod';
import { grantsWith } from '../../../domain/access.js';
import { shanghaiDate } from '../../../domain/calendar.js';
import { streetStats } from '../../../domain/mediation.js';
import type { CreateDisputeBody, DisputeQuery, StatsQuery } from '../../../contracts/mediation.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { auditActor, requirePermission, type Actor } from '../../platform/http/context.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import * as cases from '../cases/cases.service.js';
import { mayManageMediation, requireMediationManage, requireMediationView } from './mediation.policy.js';
import * as repo from './mediation.repo.js';
import { present, summary } from './mediation.view.js';

export const todayOf = (deps: Deps) => shanghaiDate(deps.clock.now());

export async function loadDispute(deps: Deps, id: string) {
  const d = await repo.dispute(deps.database.db, id);
  if (!d) throw notFound('mediation.dispute_not_found');
  return d;
}

export async function getDispute(deps: Deps, actor: Actor, id: string) {
  const d = await loadDispute(deps, id);
  requireMediationView(actor, d);
  const caseNo = d.case_id ? await cases.caseNumber(deps, d.case_id) : null;
  const returnedNo = d.returned_case_id ? await cases.caseNumber(deps, d.returned_case_id) : null;
  return present(deps.database.db, d, mayManageMediation(actor, d), caseNo, returnedNo);
}

export async function listDisputes(deps: Deps, actor: Actor, q: z.infer<typeof DisputeQuery>) {
  const grants = requirePermission(actor, 'mediation.view');
  const db = deps.database.db;
  const rows = await repo.disputesInScope(db, grants, {
    status: q.status,
    open: q.open === undefined ? undefined : q.open === 'true',
    cursor: q.cursor ?? null,
    limit: q.limit,
  });
  const items = rows.slice(0, q.limit);
  const [names, parties] = await Promise.all([
    repo.namesOf(db, items),
    repo.partiesOf(
      db,
      items.map((d) => d.id),
    ),
  ]);
  return {
    items: items.map((d) => summary(d, names, parties)),
    nextCursor: rows.length > q.limit ? items[items.length - 1].id : null,
  };
}

/** The compound as a dispute place; 404 when unknown. */
async function placeOf(deps: Deps, compoundId: string) {
  const c = await repo.compound(deps.database.db, compoundId);
  if (!c) throw notFound('mediation.compound_not_found');
  return { ...c, compound_id: c.id };
}

export async function checkMediator(deps: Deps, streetCode: string, userId: string) {
  const ok = (await repo.mediatorsOf(deps.database.db, streetCode)).some((m) => m.id === userId);
  if (!ok) throw badRequest('mediation.mediator_invalid');
}

export async function options(deps: Deps, actor: Actor, compoundId: string) {
  const place = await placeOf(deps, compoundId);
  requireMediationView(actor, place);
  const db = deps.database.db;
  const [committees, mediators] = await Promise.all([
    repo.committeesOf(db, place.street_code),
    repo.mediatorsOf(db, place.street_code),
  ]);
  return { committees, mediators };
}

export async function createDispute(
  deps: Deps,
  actor: Actor,
  body: z.infer<typeof CreateDisputeBody>,
  requestId: string,
) {
  const place = await placeOf(deps, body.compoundId);
  requireMediationManage(actor, place);
  const db = deps.database.db;
  const org = await repo.committee(db, body.committeeOrgId);
  if (!org || org.type !== 'mediation_committee' || !org.division_code.startsWith(place.street_code))
    throw badRequest('mediation.committee_invalid');
  if (body.mediatorUserId) await checkMediator(deps, place.street_code, body.mediatorUserId);
  const today = todayOf(deps);
  const receivedOn = body.receivedOn ?? today;
  if (receivedOn > today) throw badRequest('mediation.date_in_future', { date: receivedOn });
  const fromCase = body.caseId ? await cases.caseForMediation(deps, actor, body.caseId) : null;
  if (fromCase && fromCase.compoundId !== place.id) throw badRequest('mediation.case_compound_missing');
  const now = deps.clock.now().toISOString();
  const id = newId();
  return writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await repo.insertDispute(trx, {
      id,
      type: body.type,
      subject: body.subject,
      facts: body.facts,
      compound_id: place.id,
      district_code: place.district_code,
      street_code: place.street_code,
      committee_org_id: org.id,
      mediator_user_id: body.mediatorUserId ?? null,
      status: 'registered',
      received_on: receivedOn,
      case_id: fromCase?.id ?? null,
      returned_case_id: null,
      agreement_json: null,
      agreed_on: null,
      effective_on: null,
      referral_json: null,
      confirmation_json: null,
      closed_on: null,
      close_note: null,
      session_count: 0,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    const parties = body.parties.map((p, i) => ({
      id: newId(),
      dispute_id: id,
      seq: i + 1,
      side: p.side,
      name: p.name,
      // A party named like the case's reporter, without a phone, keeps the phone the case recorded.
      phone: p.phone ?? (fromCase && fromCase.reporterName === p.name ? fromCase.reporterPhone : null),
      owner_id: null,
    }));
    await repo.insertParties(trx, parties);
    if (fromCase)
      await cases.noteOnCase(
        trx,
        actor,
        fromCase.id,
        `已转为矛盾纠纷调解：${body.subject}（${org.name}）`,
        { disputeId: id },
        now,
      );
    await audit({
      action: 'mediation.dispute.create',
      targetType: 'mediation_dispute',
      targetId: id,
      after: { type: body.type, compoundId: place.id, caseId: fromCase?.id ?? null, parties: parties.length },
    });
    return { id };
  });
}

/** A party's unmasked phone: the dispute's managers only, and every reveal is audited. */
export async function revealParty(
  deps: Deps,
  actor: Actor,
  disputeId: string,
  partyId: string,
  requestId: string,
) {
  const d = await loadDispute(deps, disputeId);
  requireMediationManage(actor, d);
  return writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const p = await repo.party(trx, disputeId, partyId);
    if (!p) throw notFound('mediation.party_not_found');
    await audit({
      action: 'mediation.party.reveal',
      targetType: 'mediation_party',
      targetId: p.id,
      after: { disputeId, fields: ['phone'] },
    });
    return { id: p.id, phone: p.phone };
  });
}

export async function stats(deps: Deps, actor: Actor, q: z.infer<typeof StatsQuery>) {
  const grants = requirePermission(actor, 'mediation.view');
  const db = deps.database.db;
  const rows = await repo.statsFacts(db, grantsWith(grants, 'mediation.view'), q);
  const byStreet = new Map<string, typeof rows>();
  for (const r of rows) byStreet.set(r.street_code, [...(byStreet.get(r.street_code) ?? []), r]);
  const names = await repo.namesOf(
    db,
    [...byStreet.keys()].map((s) => ({
      compound_id: '',
      street_code: s,
      committee_org_id: '',
      mediator_user_id: null,
    })),
  );
  return {
    streets: [...byStreet].map(([code, facts]) => ({
      streetCode: code,
      streetName: names.streets.get(code) ?? null,
      ...streetStats(facts),
    })),
  };
}
