// Who may serve (《规定》 Art 20 ¶2): a candidate's eligibility from the registry, open cases and arrears, and
// the owner representatives of a working group (筹备组 Art 15 ¶2, 换届改选小组 Art 28) checked the same way.
import { eligibility, type Eligibility, type GroupMemberFacts } from '../../../domain/governance.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { message, type Locale } from '../../platform/http/messages.js';
import { newId } from '../../platform/ids.js';
import * as repo from './governance.repo.js';
import type { CompoundPlace } from './governance.policy.js';

export async function eligibilityOf(
  db: Executor,
  compoundId: string,
  ownerId: string,
  employedByManager: boolean,
) {
  const owner = await repo.ownerInCompound(db, compoundId, ownerId);
  const [cases, arrears] = owner
    ? await Promise.all([
        repo.openDisqualifyingCases(db, compoundId, ownerId),
        repo.arrearsFacts(db, compoundId, ownerId),
      ])
    : [[], { recorded: false, open: false }];
  const e = eligibility({
    isOwner: !!owner && owner.kind !== 'developer',
    openCases: cases.map((c) => ({
      caseNo: c.case_no,
      category: c.category_code as 'illegal_construction' | 'group_renting',
    })),
    employedByManager,
    // Checked only where the compound keeps arrears records (the property company or street enters them).
    unpaidFees: arrears.recorded ? arrears.open : null,
  });
  return { owner, e };
}

/** The reasons of an ineligible candidate as one localised sentence. */
export function reasonText(e: Eligibility, locale: Locale): string {
  return e.reasons
    .map((r) =>
      message(`governance.eligibility.${r.code}`, locale, { caseNos: (r.caseNos ?? []).join('、') }),
    )
    .join(locale === 'en' ? '; ' : '；');
}

export type GroupMemberSpec = {
  name: string;
  role: GroupMemberFacts['role'];
  ownerId?: string;
  leader: boolean;
};

/** Owner representatives of a group: owners of the compound, checked against Art 20 ¶2 (Art 15 ¶2). */
export async function groupFacts(
  db: Executor,
  compoundId: string,
  members: readonly GroupMemberSpec[],
): Promise<GroupMemberFacts[]> {
  const out: GroupMemberFacts[] = [];
  for (const m of members) {
    if (m.role !== 'owner') {
      out.push({ name: m.name, role: m.role, leader: m.leader });
      continue;
    }
    if (!m.ownerId) throw new AppError('governance.group_owner_unknown', 400, { name: m.name });
    const { owner, e } = await eligibilityOf(db, compoundId, m.ownerId, false);
    if (!owner) throw new AppError('governance.group_owner_unknown', 400, { name: m.name });
    out.push({
      name: m.name,
      role: 'owner',
      leader: m.leader,
      disqualifications: e.reasons.map((r) => r.code),
    });
  }
  return out;
}

/** Records a working group of the compound for a formation or a committee; returns its id. */
export async function insertGroup(
  db: Executor,
  c: CompoundPlace,
  kind: 'preparatory' | 'reelection',
  subjectId: string,
  on: string,
  members: readonly GroupMemberSpec[],
  now: string,
): Promise<string> {
  const id = newId();
  await repo.insertGroup(
    db,
    { id, compound_id: c.id, kind, subject_id: subjectId, formed_on: on, created_at: now },
    members.map((m) => ({
      name: m.name,
      role: m.role,
      owner_id: m.ownerId ?? null,
      leader: m.leader ? 1 : 0,
    })),
  );
  return id;
}

type GroupRow = NonNullable<Awaited<ReturnType<typeof repo.groupOf>>>;

export const presentGroup = (g: GroupRow | null) =>
  g && {
    id: g.id,
    kind: g.kind,
    formedOn: g.formed_on,
    members: g.members.map((m) => ({
      name: m.name,
      role: m.role,
      ownerId: m.owner_id,
      leader: m.leader === 1,
    })),
  };
