// The compound's notice board (公告栏): what the statute says is posted in the compound, in one place for its
// owners and the offices that supervise it — the committee's names (《规定》 Art 21 ¶2), its posted resolutions
// (Art 26 ¶3), the assembly's published decisions with the window to challenge them (区分所有权解释 Art 12) and
// the owner groups with their representatives (Art 35). Names only: no phone or ID numbers.
import { shanghaiDate } from '../../../../domain/calendar.js';
import { challengeWindows } from '../../../../domain/governance-challenge.js';
import { resolutionAdopted } from '../../../../domain/governance.js';
import type { Matter } from '../../../../domain/vote-tally.js';
import type { Actor } from '../../../platform/http/context.js';
import { notFound } from '../../../platform/http/errors.js';
import type { Deps } from '../../../platform/deps.js';
import { workingCalendar } from '../../../platform/working-calendar.js';
import * as committeesRepo from '../committees/committees.repo.js';
import { canView, ownerIdsOf } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import * as repo from './records.repo.js';
import { presentOwnerGroups } from './records.present.js';

const LATEST = 50;

export async function noticeBoard(deps: Deps, actor: Actor, compoundId: string) {
  const db = deps.database.db;
  const c = await shared.compound(db, compoundId);
  if (!c || !(canView(actor, c) || (await shared.ownsInCompound(db, c.id, ownerIdsOf(actor))))) {
    throw notFound('governance.compound_not_found');
  }
  const [k, decisions, groups, cal] = await Promise.all([
    shared.currentCommittee(db, c.id),
    repo.publishedDecisions(db, c.id, LATEST),
    presentOwnerGroups(db, c.id),
    workingCalendar(db).then((w) => w.calendar),
  ]);
  const [members, meetings] = k
    ? await Promise.all([committeesRepo.members(db, k.id), repo.publishedMeetings(db, k.id, LATEST)])
    : [[], []];
  return {
    compoundId: c.id,
    compoundName: c.name,
    committee: k
      ? {
          termNo: k.term_no,
          electedOn: k.elected_on,
          termEndsOn: k.term_ends_on,
          filed: k.filing_status === 'accepted',
          members: members
            .filter((m) => !m.ended_on)
            .map((m) => ({ name: m.name, position: m.position, byElection: m.by_election === 1 })),
        }
      : null,
    resolutions: meetings.map((m) => ({
      meetingId: m.id,
      heldOn: m.held_on,
      publishedOn: m.published_on!,
      titles: (JSON.parse(m.resolutions_json) as { title: string; signedBy: string[] }[])
        .filter((r) => resolutionAdopted(r.signedBy.length, m.expected_count))
        .map((r) => r.title),
    })),
    decisions: decisions.map((d) => {
      const publishedOn = shanghaiDate(new Date(d.published_at!));
      const w = challengeWindows(cal, { closedOn: shanghaiDate(new Date(d.closed_at!)), publishedOn });
      return {
        id: d.id,
        title: d.title,
        matter: d.matter as Matter,
        scope: d.scope,
        publishedOn,
        noticeEndsOn: d.notice_ends_on,
        passed: (JSON.parse(d.result_json!) as { tally: { passed: boolean } }).tally.passed,
        challengeUntil: w.othersAtLeast!.lastDay,
        challengeVotersUntil: w.voters!.lastDay,
      };
    }),
    ownerGroups: groups
      .filter((g) => g.status === 'active')
      .map((g) => ({
        buildingName: g.buildingName,
        entrance: g.entrance,
        formedOn: g.formedOn,
        representatives: g.representatives.map((r) => r.name),
      })),
  };
}
