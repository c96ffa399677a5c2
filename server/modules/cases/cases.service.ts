// The cases module's face to other modules (the only file they import): recording a case, the deadline rule,
// the work queue (for exports), and the taxonomy with its cache. The parts live in intake/, actions/, queues/ and tracking/.
import type { Executor } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { findCase } from './cases.repo.js';
import { caseReference, invalidateCaseReference, type Category } from './cases.reference.js';

export { intakeCase, type IntakeResult, type Reporter } from './intake/intake.service.js';
export { nextDeadline } from './cases.sla.js';
export { caseHotFact, hotCaseFacts, type CaseArea, type CaseHotFacts } from './cases.coordination.js';
export { caseForMediation, caseNumber, noteOnCase, type CaseForMediation } from './cases.mediation.js';
export { coHandlingPartners } from './cases.assessment.js';
export {
  listQueue,
  queueCounts,
  COUNTED_QUEUES,
  type CountedQueue,
  type QueueQuery,
} from './queues/queues.service.js';
export type { Category };

/** The taxonomy by code (inactive categories included), from the reference-data cache. */
export async function caseCategories(deps: Deps): Promise<ReadonlyMap<string, Category>> {
  return (await caseReference(deps.database.db)).categories;
}

/** Drops this instance's cached reference data (taxonomy, responsibility list, SLA policies, calendar) after an edit. */
export function caseReferenceChanged(deps: Deps): void {
  invalidateCaseReference(deps.database.db);
}

/** A case's number and compound, for another module that links to it (e.g. a fund emergency report). */
export async function caseLink(
  db: Executor,
  caseId: string,
): Promise<{ id: string; caseNo: string; compoundId: string | null } | null> {
  const c = await findCase(db, caseId);
  return c ? { id: c.id, caseNo: c.case_no, compoundId: c.compound_id } : null;
}
