// How a dispute is shown: parties masked (domain/access.ts maskPhone), names instead of ids, the actions the
// lifecycle table allows now, the law each rule stands on (unverified articles marked).
import { maskPhone } from '../../../domain/access.js';
import { allowedDisputeActions, confirmationWindowEnd, MEDIATION_LAW } from '../../../domain/mediation.js';
import type { Executor } from '../../platform/db/database.js';
import type { MediationDisputeTable } from '../../platform/db/schema-mediation.js';
import * as repo from './mediation.repo.js';

type Names = Awaited<ReturnType<typeof repo.namesOf>>;
type PartyRow = Awaited<ReturnType<typeof repo.partiesOf>>[number];

export function summary(d: MediationDisputeTable, names: Names, parties: PartyRow[]) {
  const mine = parties.filter((p) => p.dispute_id === d.id);
  const sorted = [
    ...mine.filter((p) => p.side === 'applicant'),
    ...mine.filter((p) => p.side === 'respondent'),
  ];
  return {
    id: d.id,
    type: d.type,
    subject: d.subject,
    status: d.status,
    compoundName: names.compounds.get(d.compound_id) ?? '',
    streetName: names.streets.get(d.street_code) ?? null,
    committeeName: names.orgs.get(d.committee_org_id) ?? '',
    mediatorName: d.mediator_user_id ? (names.users.get(d.mediator_user_id) ?? null) : null,
    receivedOn: d.received_on,
    parties: sorted.map((p) => p.name).join('、'),
  };
}

export async function present(
  db: Executor,
  d: MediationDisputeTable,
  mayManage: boolean,
  caseNo: string | null,
  returnedCaseNo: string | null = null,
) {
  const [names, parties, sessions] = await Promise.all([
    repo.namesOf(db, [d]),
    repo.partiesOf(db, [d.id]),
    repo.sessionsOf(db, d.id),
  ]);
  const agreement = d.agreement_json ? JSON.parse(d.agreement_json) : null;
  return {
    ...summary(d, names, parties),
    facts: d.facts,
    compoundId: d.compound_id,
    version: d.version,
    parties: parties.map((p) => ({ id: p.id, side: p.side, name: p.name, phone: maskPhone(p.phone) })),
    sessions: sessions.map((s) => ({
      id: s.id,
      heldOn: s.held_on,
      place: s.place,
      notes: s.notes,
      by: s.created_by_name,
    })),
    caseId: d.case_id,
    caseNo,
    returnedCaseId: d.returned_case_id,
    returnedCaseNo,
    agreement: agreement
      ? {
          ...agreement,
          agreedOn: d.agreed_on,
          effectiveOn: d.effective_on,
          confirmationWindowEnd: d.effective_on ? confirmationWindowEnd(d.effective_on) : null,
        }
      : null,
    referral: d.referral_json ? JSON.parse(d.referral_json) : null,
    confirmation: d.confirmation_json ? JSON.parse(d.confirmation_json) : null,
    closedOn: d.closed_on,
    closeNote: d.close_note,
    actions: mayManage ? allowedDisputeActions({ status: d.status, sessions: d.session_count }) : [],
    mayManage,
    law: Object.values(MEDIATION_LAW).map((l) => ({ cite: l.cite, verified: l.verified })),
  };
}
