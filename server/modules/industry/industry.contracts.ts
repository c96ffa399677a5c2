// Service contracts (物业服务合同, 民法典 Arts 937–950) and their filing (备案) with the district within 30 days of
// signing (《上海市住宅物业管理规定》第四十四条, domain/industry.ts filingState); expiry within 90 days flagged.
// The serving company states the terms (kind 前期/regular, signing, term, fee per m² per month in fen); the
// compound's district records the filing. Writes are version-checked and audited.
import type { z } from 'zod';
import { grantsWith } from '../../../domain/access.js';
import { expiresSoon, filingState, FILING_CITATION } from '../../../domain/industry.js';
import { formatYuan, parseYuan } from '../../../domain/money.js';
import type { ContractBody, ContractQuery, FilingBody } from '../../../contracts/industry.js';
import { updateVersioned } from '../../platform/db/writes.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { auditActor, requirePermission, type Actor } from '../../platform/http/context.js';
import { badRequest } from '../../platform/http/errors.js';
import { workingCalendar } from '../../platform/working-calendar.js';
import type { BusinessCalendar } from '../../../domain/calendar.js';
import { loadContract, notAfterToday, todayOf } from './industry.common.js';
import { requireContractEdit, requireContractFiling } from './industry.policy.js';
import * as repo from './industry.repo.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.contract>>>;

function present(cal: BusinessCalendar, c: Row, today: string) {
  const filing = filingState(cal, { signedOn: c.signed_on, filedOn: c.filed_on }, today);
  return {
    id: c.id,
    compoundId: c.compound_id,
    compoundName: c.compound_name,
    companyName: c.company_name,
    kind: c.kind,
    serviceLevel: c.service_level,
    signedOn: c.signed_on,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    fee: c.fee_fen_per_m2_month === null ? null : formatYuan(c.fee_fen_per_m2_month),
    filing: { ...filing, filedOn: c.filed_on, citation: FILING_CITATION },
    expiresSoon: expiresSoon(c.ends_on, today),
    version: c.version,
  };
}

/** Contracts of the caller's compounds; `filing` and `expiring` filter what a page scanned (pages may be short). */
export async function listContracts(deps: Deps, actor: Actor, q: z.infer<typeof ContractQuery>) {
  requirePermission(actor, 'industry.view');
  const grants = grantsWith(actor.grants, 'industry.view');
  const db = deps.database.db;
  const rows = await repo.contractsInScope(db, grants, {
    compoundId: q.compoundId,
    unfiled: q.filing === 'due' || q.filing === 'overdue',
    cursor: q.cursor ?? null,
    limit: q.limit,
  });
  const scanned = rows.slice(0, q.limit);
  const cal = (await workingCalendar(db)).calendar;
  const today = todayOf(deps);
  const items = scanned
    .map((c) => present(cal, c, today))
    .filter((c) => !q.filing || c.filing.state === q.filing)
    .filter((c) => q.expiring === undefined || c.expiresSoon === (q.expiring === 'true'));
  return { items, nextCursor: rows.length > q.limit ? scanned[scanned.length - 1].id : null };
}

async function view(deps: Deps, id: string) {
  const { contract } = await loadContract(deps.database.db, id);
  return present((await workingCalendar(deps.database.db)).calendar, contract, todayOf(deps));
}

export async function editContract(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.infer<typeof ContractBody>,
  requestId: string,
) {
  const { contract: c, place } = await loadContract(deps.database.db, id);
  requireContractEdit(actor, place);
  let fee: number | undefined;
  if (body.fee !== undefined) {
    const fen = parseYuan(body.fee);
    if (fen === null || fen <= 0) throw badRequest('industry.fee_invalid', { fee: body.fee });
    fee = fen;
  }
  if (body.signedOn) notAfterToday(deps, body.signedOn);
  const startsOn = body.startsOn ?? c.starts_on;
  const endsOn = body.endsOn ?? c.ends_on;
  if (endsOn && endsOn < startsOn)
    throw badRequest('industry.dates_reversed', { from: startsOn, to: endsOn });
  const changes = {
    ...(body.kind ? { kind: body.kind } : {}),
    ...(body.signedOn ? { signed_on: body.signedOn } : {}),
    ...(body.startsOn ? { starts_on: body.startsOn } : {}),
    ...(body.endsOn ? { ends_on: body.endsOn } : {}),
    ...(fee !== undefined ? { fee_fen_per_m2_month: fee } : {}),
    ...(body.serviceLevel ? { service_level: body.serviceLevel } : {}),
  };
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'service_contracts', id, body.version, { ...changes, updated_at: now });
    await audit({
      action: 'industry.contract.edit',
      targetType: 'service_contract',
      targetId: id,
      before: { version: body.version },
      after: changes,
    });
  });
  return view(deps, id);
}

/** The district records the filing (备案); filed after the 30th day it shows as filed late. */
export async function fileContract(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.infer<typeof FilingBody>,
  requestId: string,
) {
  const { contract: c, place } = await loadContract(deps.database.db, id);
  requireContractFiling(actor, place);
  if (!c.signed_on) throw badRequest('industry.filing_unsigned');
  if (c.filed_on) throw badRequest('industry.already_filed', { date: c.filed_on });
  notAfterToday(deps, body.filedOn);
  if (body.filedOn < c.signed_on)
    throw badRequest('industry.filing_before_signing', { date: body.filedOn, signed: c.signed_on });
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'service_contracts', id, body.version, {
      filed_on: body.filedOn,
      filed_by: actor.userId,
      updated_at: now,
    });
    await audit({
      action: 'industry.contract.file',
      targetType: 'service_contract',
      targetId: id,
      after: { filedOn: body.filedOn },
    });
  });
  return view(deps, id);
}
