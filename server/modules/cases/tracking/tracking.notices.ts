// The reporter is told of each public step of their case (an SMS with the signed link back to it), through
// the notifications module's outbox: one message per event that changes the public step.
import type { CaseAction, CaseStatus } from '../../../../domain/case-lifecycle.js';
import { publicStepChange, residentMessageText } from '../../../../domain/case-public-steps.js';
import type { Tx } from '../../../platform/db/database.js';
import type { CaseTable } from '../../../platform/db/schema.js';
import type { Deps } from '../../../platform/deps.js';
import { signTrackLink, trackLinkKey } from '../../../platform/signed-links.js';
import { tellResident } from '../../notifications/notifications.service.js';

/** A fresh signed link to the case (valid TRACK_LINK_DAYS), and the address a message can carry. */
export function trackLinkFor(deps: Deps, caseId: string) {
  const expiresAt = new Date(deps.clock.now().getTime() + deps.config.TRACK_LINK_DAYS * 86_400_000);
  const token = signTrackLink(trackLinkKey(deps.config, deps.database), caseId, expiresAt);
  const base = (deps.config.PUBLIC_URL ?? '').replace(/\/$/, '');
  return { token, expiresAt: expiresAt.toISOString(), url: `${base}/track?t=${token}` };
}

/**
 * After event `seq` (`action` from status `from`; null for intake) on `c`: the message of the new public step,
 * if the case has a reporter's phone and the reporter did not take the step themselves.
 */
export async function tellReporter(
  trx: Tx,
  deps: Deps,
  c: CaseTable,
  action: CaseAction | 'receive',
  from: CaseStatus | null,
  seq: number,
  byReporter = false,
): Promise<void> {
  if (!c.reporter_phone || byReporter) return;
  const step = publicStepChange(action, from, c.status as CaseStatus);
  if (!step) return;
  const link = trackLinkFor(deps, c.id);
  await tellResident(trx, deps.clock, {
    caseId: c.id,
    eventSeq: seq,
    step,
    phone: c.reporter_phone,
    text: residentMessageText(step, c.case_no, link.url),
  });
}
