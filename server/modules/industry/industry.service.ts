// The property-service industry's face (物业服务行业; 《上海市住宅物业管理规定》第三十七条至第五十三条): the company
// registry — profiles with the unified social credit code (GB 32100), historical qualification grades (资质, dated
// facts), the head company and its branches from the organisation tree — project managers and their postings,
// and the credit report of a company or a manager. Contracts and filing are in industry.contracts.ts, credit
// records in industry.credit.ts, the public list in industry.public.ts. Every service starts with its access
// check (industry.policy.ts); every write is one audited transaction.
import type { z } from 'zod';
import { maskPhone } from '../../../domain/access.js';
import { isValidCreditCode } from '../../../domain/credit.js';
import type {
  CompanyQuery,
  ManagerBody,
  PostingBody,
  ProfileBody,
  QualificationBody,
} from '../../../contracts/industry.js';
import { lockRow } from '../../platform/db/locks.js';
import { updateVersioned, uniqueOr } from '../../platform/db/writes.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import type { Executor } from '../../platform/db/database.js';
import { auditActor, requirePermission, type Actor } from '../../platform/http/context.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { loadCompany, loadManager, notAfterToday, recordPlace, todayOf } from './industry.common.js';
import {
  mayViewRecord,
  requireCompanyManage,
  requireCompanyRespond,
  requireCompanyView,
} from './industry.policy.js';
import * as repo from './industry.repo.js';
import { QUALIFICATION_NOTE, STANDING_NOTE, standingFrom, summaries } from './industry.view.js';

/**
 * The head companies the actor may list: every one for an office, its own for a company's head office (a
 * branch or project office sees its own report, not its head company's: the list stays consistent with it).
 */
async function visibleHeads(deps: Deps, actor: Actor): Promise<string[] | undefined> {
  const grants = requirePermission(actor, 'industry.view');
  if (grants.some((g) => g.scopeType !== 'company')) return undefined;
  return grants.map((g) => g.scopeId);
}

export async function listCompanies(deps: Deps, actor: Actor, q: z.infer<typeof CompanyQuery>) {
  const ids = await visibleHeads(deps, actor);
  const db = deps.database.db;
  const rows = await repo.headCompanies(db, { ids, name: q.q, cursor: q.cursor ?? null, limit: q.limit });
  const items = rows.slice(0, q.limit);
  const heads = items.map((c) => c.id);
  const [facts, branches] = await Promise.all([
    repo.publishedFactsOf(db, heads),
    repo.branchCounts(db, heads),
  ]);
  const today = todayOf(deps);
  return {
    items: items.map((c) => ({
      id: c.id,
      name: c.name,
      creditCode: c.credit_code,
      branches: branches.get(c.id) ?? 0,
      standing: standingFrom(
        facts.filter((f) => f.head_id === c.id),
        today,
      ),
    })),
    nextCursor: rows.length > q.limit ? items[items.length - 1].id : null,
  };
}

/** The org ids of a company's tree and the records that count for it (a head: all of its branches'). */
async function treeOf(db: Executor, id: string, isHead: boolean) {
  const below = await repo.descendantsOf(db, id);
  const ids = [id, ...below.map((b) => b.id)];
  const records = isHead
    ? await repo.recordsOf(db, { headId: id })
    : await repo.recordsOf(db, { companyIds: ids });
  return { below, ids, records };
}

async function managerSummaries(db: Executor, companyIds: readonly string[]) {
  const managers = await repo.managersOf(db, companyIds);
  const postings = await repo.postingsOf(
    db,
    managers.map((m) => m.id),
  );
  const names = await repo.namesOf(
    db,
    managers.map((m) => ({ company_id: m.company_id, manager_id: null, compound_id: null })),
  );
  return managers.map((m) => ({
    id: m.id,
    name: m.name,
    certificateNo: m.certificate_no,
    phone: maskPhone(m.phone),
    companyName: names.orgs.get(m.company_id) ?? '',
    currentCompounds: postings.filter((p) => p.manager_id === m.id && !p.to_on).map((p) => p.compound_name),
  }));
}

/** The credit report of a company: facts, qualification history, managers, standing and the records it may see. */
export async function companyReport(deps: Deps, actor: Actor, id: string) {
  const db = deps.database.db;
  const c = await loadCompany(db, id);
  requireCompanyView(actor, c.place);
  const isHead = c.org.type === 'property_company';
  const tree = await treeOf(db, id, isHead);
  const visible = [];
  const chains = new Map();
  for (const r of tree.records) if (mayViewRecord(actor, await recordPlace(db, r, chains))) visible.push(r);
  const [profile, quals, managers] = await Promise.all([
    repo.profile(db, id),
    repo.qualifications(db, id),
    managerSummaries(db, tree.ids),
  ]);
  const today = todayOf(deps);
  return {
    id,
    name: c.org.name,
    type: c.org.type,
    headCompanyName: c.head.id === id ? null : c.head.name,
    branches: tree.below,
    profile: profile
      ? {
          creditCode: profile.credit_code,
          registeredAddress: profile.registered_address,
          legalRepresentative: profile.legal_representative,
          staffCount: profile.staff_count,
          version: profile.version,
        }
      : null,
    qualifications: quals.map((q) => ({
      grade: q.grade,
      certificateNo: q.certificate_no,
      grantedOn: q.granted_on,
      endedOn: q.ended_on,
      note: q.note,
    })),
    qualificationNote: QUALIFICATION_NOTE,
    managers,
    standing: standingFrom(
      tree.records.filter((r) => r.subject === 'company'),
      today,
    ),
    standingNote: STANDING_NOTE,
    records: await summaries(db, visible, today),
  };
}

export async function saveProfile(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.infer<typeof ProfileBody>,
  requestId: string,
) {
  const db = deps.database.db;
  const c = await loadCompany(db, id);
  requireCompanyManage(actor, c.place);
  if (!isValidCreditCode(body.creditCode))
    throw badRequest('industry.credit_code_invalid', { code: body.creditCode });
  const now = deps.clock.now().toISOString();
  const values = {
    credit_code: body.creditCode,
    registered_address: body.registeredAddress,
    legal_representative: body.legalRepresentative,
    staff_count: body.staffCount ?? null,
  };
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const before = await repo.profile(trx, id);
    await uniqueOr(
      async () => {
        if (!before)
          await repo.insertProfile(trx, { id, ...values, created_at: now, updated_at: now, version: 1 });
        else if (body.version === undefined) throw conflict('common.version_conflict');
        else
          await updateVersioned(trx, 'industry_company_profiles', id, body.version, {
            ...values,
            updated_at: now,
          });
      },
      'industry.credit_code_taken',
      { code: body.creditCode },
    );
    await audit({
      action: before ? 'industry.profile.update' : 'industry.profile.create',
      targetType: 'organisation',
      targetId: id,
      before: before ?? null,
      after: values,
    });
  });
  return companyReport(deps, actor, id);
}

export async function addQualification(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.infer<typeof QualificationBody>,
  requestId: string,
) {
  const db = deps.database.db;
  const c = await loadCompany(db, id);
  requireCompanyManage(actor, c.place);
  notAfterToday(deps, body.grantedOn);
  if (body.endedOn && body.endedOn < body.grantedOn)
    throw badRequest('industry.dates_reversed', { from: body.grantedOn, to: body.endedOn });
  const row = {
    id: newId(),
    company_id: id,
    grade: body.grade,
    certificate_no: body.certificateNo ?? null,
    granted_on: body.grantedOn,
    ended_on: body.endedOn ?? null,
    note: body.note ?? null,
    created_at: deps.clock.now().toISOString(),
  };
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await repo.insertQualification(trx, row);
    await audit({
      action: 'industry.qualification.add',
      targetType: 'organisation',
      targetId: id,
      after: row,
    });
  });
  return companyReport(deps, actor, id);
}

export async function registerManager(
  deps: Deps,
  actor: Actor,
  body: z.infer<typeof ManagerBody>,
  requestId: string,
) {
  const c = await loadCompany(deps.database.db, body.companyId);
  requireCompanyRespond(actor, c.place);
  const now = deps.clock.now().toISOString();
  const id = newId();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await uniqueOr(
      () =>
        repo.insertManager(trx, {
          id,
          name: body.name,
          certificate_no: body.certificateNo,
          phone: body.phone ?? null,
          company_id: body.companyId,
          created_at: now,
          updated_at: now,
          version: 1,
        }),
      'industry.certificate_taken',
      { certificateNo: body.certificateNo },
    );
    await audit({
      action: 'industry.manager.register',
      targetType: 'industry_manager',
      targetId: id,
      after: { name: body.name, certificateNo: body.certificateNo, companyId: body.companyId },
    });
  });
  return { id };
}

export async function managerReport(deps: Deps, actor: Actor, id: string) {
  const db = deps.database.db;
  const { manager: m, company } = await loadManager(db, id);
  requireCompanyView(actor, company.place);
  const [postings, records] = await Promise.all([
    repo.postingsOf(db, [id]),
    repo.recordsOf(db, { managerId: id }),
  ]);
  const visible = [];
  const chains = new Map();
  for (const r of records) if (mayViewRecord(actor, await recordPlace(db, r, chains))) visible.push(r);
  const today = todayOf(deps);
  return {
    id,
    name: m.name,
    certificateNo: m.certificate_no,
    phone: maskPhone(m.phone),
    companyId: m.company_id,
    companyName: company.org.name,
    currentCompounds: postings.filter((p) => !p.to_on).map((p) => p.compound_name),
    postings: postings.map((p) => ({
      id: p.id,
      compoundId: p.compound_id,
      compoundName: p.compound_name,
      fromOn: p.from_on,
      toOn: p.to_on,
    })),
    standing: standingFrom(records, today),
    records: await summaries(db, visible, today),
  };
}

/** Posts a manager to a compound the company serves; the current posting ends the day the new one starts. */
export async function postManager(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.infer<typeof PostingBody>,
  requestId: string,
) {
  const db = deps.database.db;
  const { company } = await loadManager(db, id);
  requireCompanyRespond(actor, company.place);
  const compound = await repo.compound(db, body.compoundId);
  if (!compound) throw notFound('industry.compound_not_found');
  notAfterToday(deps, body.fromOn);
  const tree = [company.head.id, ...(await repo.descendantsOf(db, company.head.id)).map((d) => d.id)];
  if (!(await repo.serves(db, compound.id, tree))) throw badRequest('industry.posting_not_served');
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await lockRow(trx, 'industry_managers', id); // concurrent postings take turns: one open posting at a time
    const open = (await repo.postingsOf(trx, [id])).filter((p) => !p.to_on);
    const late = open.find((p) => p.from_on > body.fromOn);
    if (late) throw badRequest('industry.posting_before_current', { from: late.from_on });
    await repo.endOpenPostings(trx, id, body.fromOn);
    const row = {
      id: newId(),
      manager_id: id,
      compound_id: compound.id,
      from_on: body.fromOn,
      to_on: null,
      created_at: deps.clock.now().toISOString(),
    };
    await repo.insertPosting(trx, row);
    await audit({
      action: 'industry.manager.post',
      targetType: 'industry_manager',
      targetId: id,
      before: { open: open.map((p) => p.compound_id) },
      after: { compoundId: compound.id, fromOn: body.fromOn },
    });
  });
  return managerReport(deps, actor, id);
}

// The credit record's writes, for composition roots (the demo seed) that reach the module through its face.
export { confirmRecord, enterRecord, objectToRecord } from './industry.credit.js';
