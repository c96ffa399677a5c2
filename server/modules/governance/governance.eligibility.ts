// Who may serve (《规定》 Art 20 ¶2): a candidate's eligibility from the registry, open cases and arrears, and
// the owner representatives of a working group (筹备组 Art 15 ¶2, 换届改选小组 Art 28) checked the same way.
import { eligibility, type Eligibility } from '../../../domain/governance-eligibility.js';
import type { GroupMemberFacts } from '../../../domain/governance.js';
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
  const [cases, arrears, register] = owner
    ? await Promise.all([
        repo.openDisqualifyingCases(db, compoundId, ownerId),
        repo.arrearsFacts(db, compoundId, ownerId),
        repo.violationFacts(db, compoundId, ownerId),
      ])
    : [[], { recorded: false, open: false }, { kept: false, open: [] }];
  const e = eligibility({
    isOwner: !!owner && owner.kind !== 'developer',
    openCases: cases.map((c) => ({ caseNo: c.case_no, category: c.category_code })),
    // The register of grounds (unit_violations): read where the compound keeps one.
    violations: register.kept ? register.open.map((v) => ({ ground: v.ground, foundOn: v.found_on })) : null,
    employedByManager,
    // Checked only where the compound keeps arrears records (the property company or street enters them).
    unpaidFees: arrears.recorded ? arrears.open : null,
  });
  return { owner, e };
}

/** The reasons of an ineligible candidate as one localised sentence. */
export function reasonText(e: Eligibility, locale: Locale): string {
  return e.reasons.map((r) => reasonMessage(r, locale)).join(locale === 'en' ? '; ' : '；');
}

/** One disqualification in words: the ground, then the cases and register entries that show it. */
export function reasonMessage(r: Eligibility['reasons'][number], locale: Locale): string {
  const sep = locale === 'en' ? ', ' : '、';
  const evidence = [
    ...(r.caseNos?.length
      ? [message('governance.eligibility.evidence.cases', locale, { caseNos: r.caseNos.join(sep) })]
      : []),
    ...(r.foundOn?.length
      ? [message('governance.eligibility.evidence.register', locale, { dates: r.foundOn.join(sep) })]
      : []),
  ];
  const text = message(`governance.eligibility.${r.code}`, locale);
  return evidence.length ? `${text}（${evidence.join('；')}）` : text;
}

/** Every Art 20 ¶2 ground in words: checked by what, or not checked. */
export function groundsInWords(e: Eligibility, locale: Locale) {
  return e.grounds.map((g) => {
    const name = message(`governance.eligibility.ground.${g.ground}`, locale);
    const how = g.sources.length
      ? g.partial
        ? message('governance.eligibility.checked_partial', locale)
        : message('governance.eligibility.checked_by', locale, {
            sources: g.sources
              .map((s) => message(`governance.eligibility.source.${s}`, locale))
              .join(locale === 'en' ? ', ' : '、'),
          })
      : message('governance.eligibility.not_checked', locale);
    return {
      ground: g.ground,
      checked: g.sources.length > 0,
      partial: g.partial,
      message: `${name}：${how}`,
    };
  });
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
