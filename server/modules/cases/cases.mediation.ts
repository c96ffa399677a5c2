// What the mediation module asks of a case: its facts when a dispute is turned from it (only when the actor may
// read it), and a note on its timeline recording that it went to mediation (written in the caller's transaction).
import type { Tx } from '../../platform/db/database.js';
import { updateVersioned } from '../../platform/db/writes.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import { appendEvent } from './cases.events.js';
import { canRead, relationsTo } from './cases.policy.js';
import * as repo from './cases.repo.js';

export interface CaseForMediation {
  id: string;
  caseNo: string;
  title: string;
  description: string;
  compoundId: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
}

/** The case's facts for a dispute; 404 when the actor may not read it. */
export async function caseForMediation(deps: Deps, actor: Actor, caseId: string): Promise<CaseForMediation> {
  const db = deps.database.db;
  const c = await repo.findCase(db, caseId);
  if (!c || !canRead(actor, c, await relationsTo(db, actor, c))) throw notFound('cases.not_found');
  return {
    id: c.id,
    caseNo: c.case_no,
    title: c.title,
    description: c.description,
    compoundId: c.compound_id,
    reporterName: c.reporter_name,
    reporterPhone: c.reporter_phone,
  };
}

/** The case number of a case (for a dispute's page), or null. */
export async function caseNumber(deps: Deps, caseId: string): Promise<string | null> {
  return (await repo.findCase(deps.database.db, caseId))?.case_no ?? null;
}

/** A note (备注) on the case's timeline, in the caller's transaction: the case's version moves on. */
export async function noteOnCase(
  trx: Tx,
  actor: Actor,
  caseId: string,
  note: string,
  data: Record<string, unknown>,
  at: string,
): Promise<void> {
  const c = await repo.findCase(trx, caseId);
  if (!c) throw notFound('cases.not_found');
  await appendEvent(
    trx,
    c,
    { id: actor.userId, name: actor.displayName, orgId: null },
    'comment',
    c.status,
    { note, ...data },
    at,
  );
  await updateVersioned(trx, 'cases', c.id, c.version, { event_count: c.event_count, updated_at: at });
}
