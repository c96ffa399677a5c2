// What the other sub-domains write into the committee's records: a change filing opened by a by-election, an
// ended membership or a published decision (变更备案, Art 33), the deadline for posting a meeting's adopted
// resolutions (Art 26 ¶3), and the 换届 freeze on convening decisions (Art 28 ¶4).
import type { BusinessCalendar } from '../../../../domain/calendar.js';
import {
  changeOfDecision,
  PERIODS,
  reelectionFreezeProblem,
  resolutionAdopted,
  type ChangeKind,
} from '../../../../domain/governance.js';
import { DUTY_PERIODS } from '../../../../domain/governance-duties.js';
import type { Matter } from '../../../../domain/vote-tally.js';
import type { Executor } from '../../../platform/db/database.js';
import type {
  CommitteeChangeTable,
  CommitteeMemberTable,
  CommitteeTable,
} from '../../../platform/db/schema.js';
import { AppError } from '../../../platform/http/errors.js';
import { message, type Locale } from '../../../platform/http/messages.js';
import { newId } from '../../../platform/ids.js';
import { workingCalendar } from '../../../platform/working-calendar.js';
import { addTask } from '../governance.common.js';
import type { CompoundPlace } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import * as repo from './records.repo.js';

// ---------------------------------------------------------------------------------------------------------
// The 换届 freeze (Art 28 ¶4)

async function reelectionGroupWorks(db: Executor, compoundId: string): Promise<boolean> {
  const k = await shared.currentCommittee(db, compoundId);
  return !!k && !!(await shared.groupOf(db, k.id, 'reelection'));
}

/**
 * 409 when a decision on `matter` would be convened during the freeze; 400 when a 管理规约 clause is named for a
 * matter that is not a repair (only item (三) repairs can be exempt).
 */
export async function requireNotFrozen(
  db: Executor,
  compoundId: string,
  matter: Matter,
  locale: Locale,
  statuteClause: string | null = null,
) {
  const p = reelectionFreezeProblem(matter, await reelectionGroupWorks(db, compoundId), statuteClause);
  if (!p) return;
  const named = { matter: message(`governance.matter.${matter}`, locale) };
  if (p.code === 'statute_clause_not_repair')
    throw new AppError('governance.statute_clause_not_repair', 400, named);
  const item = String(p.params!.item);
  const code = item === '三' ? 'governance.reelection_freeze_repair' : 'governance.reelection_freeze';
  throw new AppError(code, 409, { ...named, item });
}

// ---------------------------------------------------------------------------------------------------------
// Change filings (变更备案, Art 33)

export interface ChangeSpec {
  committee: Pick<CommitteeTable, 'id' | 'compound_id'>;
  compound: CompoundPlace;
  kind: ChangeKind;
  summary: string;
  changedOn: string;
  source: { type: 'member' | 'decision'; id: string } | null;
  createdBy: string | null;
}

/** Records a change to be filed within 30 days, with its deadline in the street's queue. */
export async function recordChange(db: Executor, cal: BusinessCalendar, now: string, spec: ChangeSpec) {
  const id = newId();
  const row: CommitteeChangeTable = {
    id,
    committee_id: spec.committee.id,
    compound_id: spec.committee.compound_id,
    kind: spec.kind,
    summary: spec.summary,
    changed_on: spec.changedOn,
    source_type: spec.source?.type ?? null,
    source_id: spec.source?.id ?? null,
    status: 'pending',
    submitted_on: null,
    decided_on: null,
    note: null,
    received_on: null,
    created_by: spec.createdBy,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await repo.insertChange(db, row);
  await addTask(db, cal, now, {
    compound: spec.compound,
    subjectType: 'change',
    subjectId: id,
    kind: 'change_filing',
    responsible: 'committee',
    from: spec.changedOn,
    amount: PERIODS.changeFiling.amount,
    // 注销备案 is Art 33 ¶2 (also 30 days), the other changes ¶1.
    legalRef:
      spec.kind === 'deregistration' ? DUTY_PERIODS.deregistrationFiling.ref : PERIODS.changeFiling.ref,
  });
  return row;
}

/** A published decision that changes the committee's filed documents or area opens a change filing. */
export async function changeFromDecision(
  db: Executor,
  cal: BusinessCalendar,
  now: string,
  d: { id: string; compound_id: string; matter: Matter; title: string; passed: boolean },
  compound: CompoundPlace,
  decidedOn: string, // the day voting closed: Art 33 ¶1 counts from the decision
) {
  const kind = changeOfDecision(d.matter, d.passed);
  if (!kind) return;
  const k = await shared.currentCommittee(db, d.compound_id);
  if (!k) return;
  await recordChange(db, cal, now, {
    committee: k,
    compound,
    kind,
    summary: d.title,
    changedOn: decidedOn,
    source: { type: 'decision', id: d.id },
    createdBy: null,
  });
}

/** A membership change (by-election, end of membership) opens a 'members' change filing. */
export async function changeFromMember(
  db: Executor,
  now: string,
  k: Pick<CommitteeTable, 'id' | 'compound_id'>,
  compound: CompoundPlace,
  m: Pick<CommitteeMemberTable, 'id' | 'name'>,
  on: string,
  summary: string,
  createdBy: string | null,
) {
  await recordChange(db, (await workingCalendar(db)).calendar, now, {
    committee: k,
    compound,
    kind: 'members',
    summary: `${m.name}：${summary}`,
    changedOn: on,
    source: { type: 'member', id: m.id },
    createdBy,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Publication of committee resolutions (Art 26 ¶3)

/** The deadline row for posting a meeting's resolutions — only when one of them was adopted. */
export async function addResolutionNotice(
  db: Executor,
  cal: BusinessCalendar,
  now: string,
  compound: CompoundPlace,
  meeting: { id: string; heldOn: string; expected: number; resolutions: { signedBy: string[] }[] },
) {
  if (!meeting.resolutions.some((r) => resolutionAdopted(r.signedBy.length, meeting.expected))) return;
  await addTask(db, cal, now, {
    compound,
    subjectType: 'meeting',
    subjectId: meeting.id,
    kind: 'resolution_notice',
    responsible: 'committee',
    from: meeting.heldOn,
    amount: PERIODS.resolutionNotice.amount,
    legalRef: PERIODS.resolutionNotice.ref,
  });
}
