// Action items (督办事项) of joint-meeting decisions: the units' queue (GET ?mine=true: the items whose lead or
// cooperating unit is one of the caller's organisations, with their due state), completion by the lead unit
// with evidence (isSufficientEvidence), and 督办 by the office of the meeting's level (the lead is notified).
import type { z } from 'zod';
import { isSufficientEvidence } from '../../../domain/coordination.js';
import { shanghaiDate } from '../../../domain/calendar.js';
import type { ActionItemQuery, CompleteBody, SuperviseBody } from '../../../contracts/coordination.js';
import { updateVersioned } from '../../platform/db/writes.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { auditActor, requirePermission, type Actor } from '../../platform/http/context.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { notify } from '../notifications/notifications.service.js';
import {
  mayCompleteItem,
  memberOrgIds,
  officeGrants,
  requireBodyManage,
  requireItemView,
} from './coordination.policy.js';
import * as repo from './coordination.repo.js';
import { loadBody } from './coordination.service.js';
import { presentItems } from './coordination.view.js';

export async function listItems(deps: Deps, actor: Actor, q: z.infer<typeof ActionItemQuery>) {
  requirePermission(actor, 'coordination.view');
  const offices = officeGrants(actor);
  const orgIds = memberOrgIds(actor);
  const byOrg = q.mine === 'true' || offices.length === 0;
  if (byOrg && orgIds.length === 0) return { items: [] };
  const rows = await repo.actionItems(
    deps.database.db,
    byOrg ? { orgIds, status: q.status } : { grants: offices, status: q.status },
  );
  return { items: await presentItems(deps, actor, rows) };
}

async function loadItem(deps: Deps, actor: Actor, id: string) {
  const db = deps.database.db;
  const item = await repo.actionItem(db, id);
  if (!item) throw notFound('coordination.item_not_found');
  const coops = (await repo.cooperatingOf(db, [id])).map((c) => c.id);
  requireItemView(actor, item, coops);
  return item;
}

async function present(deps: Deps, actor: Actor, id: string) {
  const [row] = await repo.actionItems(deps.database.db, { ids: [id] });
  return (await presentItems(deps, actor, [row]))[0];
}

export async function getItem(deps: Deps, actor: Actor, id: string) {
  await loadItem(deps, actor, id);
  return present(deps, actor, id);
}

export async function completeItem(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.infer<typeof CompleteBody>,
  requestId: string,
) {
  const item = await loadItem(deps, actor, id);
  if (!mayCompleteItem(actor, item)) throw new AppError('coordination.lead_only', 403);
  if (item.status !== 'open') throw conflict('coordination.item_done');
  if (!isSufficientEvidence(input.evidence)) throw badRequest('coordination.evidence_insufficient');
  const b = await loadBody(deps, item.body_id);
  const now = deps.clock.now().toISOString();
  const today = shanghaiDate(deps.clock.now());
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'coord_action_items', item.id, input.version, {
      status: 'done',
      evidence: input.evidence.trim(),
      done_on: today,
      done_by_name: actor.displayName,
      updated_at: now,
    });
    if (b.office_org_id)
      await notify(
        trx,
        { orgIds: [b.office_org_id] },
        {
          kind: 'coordination.action_done',
          zh: `${b.name}交办事项已办结：${item.title}`,
          en: `Joint meeting action item done: ${item.title}`,
        },
        now,
      );
    await audit({
      action: 'coordination.item.complete',
      targetType: 'coord_action_item',
      targetId: item.id,
      before: { status: item.status, version: input.version },
      after: { status: 'done', doneOn: today },
    });
  });
  return present(deps, actor, item.id);
}

/** 督办: the office of the meeting's level presses the lead unit (notified), counted on the item. */
export async function superviseItem(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.infer<typeof SuperviseBody>,
  requestId: string,
) {
  const item = await loadItem(deps, actor, id);
  const b = await loadBody(deps, item.body_id);
  requireBodyManage(actor, b);
  if (item.status !== 'open') throw conflict('coordination.item_done');
  const now = deps.clock.now().toISOString();
  const today = shanghaiDate(deps.clock.now());
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'coord_action_items', item.id, input.version, {
      supervision_count: item.supervision_count + 1,
      last_supervised_on: today,
      updated_at: now,
    });
    await notify(
      trx,
      { orgIds: [item.lead_org_id] },
      {
        kind: 'coordination.supervise',
        zh: `${b.name}督办：${item.title}（期限 ${item.due_on}）。${input.note}`,
        en: `Supervision notice (督办) from the joint meeting: ${item.title} (due ${item.due_on}). ${input.note}`,
      },
      now,
    );
    await audit({
      action: 'coordination.item.supervise',
      targetType: 'coord_action_item',
      targetId: item.id,
      before: { version: input.version },
      after: { supervisionCount: item.supervision_count + 1, note: input.note },
    });
  });
  return present(deps, actor, item.id);
}
