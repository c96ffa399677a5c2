// Background work of the cases module, run by the durable job table (exactly once per job).
import { policyFor, SLA_STAGE_LABELS, type SlaStage } from '../../../domain/sla.js';
import type { Deps } from '../../platform/deps.js';
import { writeTx } from '../../platform/deps.js';
import { completeJobIn, type JobHandler } from '../../platform/jobs/jobs.js';
import { newId } from '../../platform/ids.js';
import { notify } from '../notifications/notifications.service.js';
import * as repo from './cases.repo.js';
import { caseReference } from './cases.reference.js';
import { nextDeadline, slaFacts } from './cases.sla.js';

interface SlaJob {
  caseId: string;
  dueAt: string;
  stage: SlaStage;
  kind: 'warn' | 'due';
}

/**
 * Marks a case due soon or overdue, notifies, and escalates (自动督办) when its policy says so. The job is
 * completed in the same transaction (completeJobIn): re-run after a crash or a lost lease, it escalates once.
 */
export function slaHandler(deps: Deps): JobHandler {
  return async (payload, claimed) => {
    const job = payload as SlaJob;
    const db = deps.database.db;
    const ref = await caseReference(db);
    await writeTx(deps, { id: null, name: 'system' }, null, async (trx, audit) => {
      await completeJobIn(trx, deps.clock, claimed);
      const c = await repo.findCaseForUpdate(trx, job.caseId);
      // Stale when the case moved on (its pending deadline is no longer this one), and a warning never
      // downgrades a case already overdue.
      if (!c || nextDeadline(c, ref.policies)?.at !== job.dueAt) return;
      if (job.kind === 'warn' && c.due_state === 'overdue') return;
      const now = deps.clock.now().toISOString();
      const policy = policyFor(ref.policies, job.stage, slaFacts(c));
      const state = job.kind === 'due' ? 'overdue' : 'warning';
      const escalate = job.kind === 'due' && !!policy?.escalateOnOverdue;
      const level = escalate ? c.supervision_level + 1 : c.supervision_level;
      await repo.updateSlaState(trx, c.id, {
        due_state: state,
        supervision_level: level,
        // An escalation appends an event: bump the version so a concurrent action retries on fresh state.
        event_count: escalate ? c.event_count + 1 : c.event_count,
        version: escalate ? c.version + 1 : c.version,
        // The on-site deadline passed with nobody there: late for 到场及时率, whenever they arrive.
        ...(job.kind === 'due' && job.stage === 'arrive' && !c.arrived_at ? { arrived_ontime: 0 } : {}),
      });
      const stage = SLA_STAGE_LABELS[job.stage];
      const stageZh = stage.zh;
      await notify(
        trx,
        { orgIds: [c.lead_org_id] },
        {
          kind: `case.${state}`,
          caseId: c.id,
          zh:
            job.kind === 'due'
              ? `案件 ${c.case_no} ${stageZh}已超期`
              : `案件 ${c.case_no} 即将到达${stageZh}时限`,
          en:
            job.kind === 'due'
              ? `Case ${c.case_no} is overdue (${stage.en})`
              : `Case ${c.case_no} is due soon (${stage.en})`,
        },
        now,
      );
      if (escalate) {
        await repo.insertEvent(trx, {
          id: newId(),
          case_id: c.id,
          seq: c.event_count + 1,
          at: now,
          actor_id: null,
          actor_name: 'system',
          actor_org_id: null,
          action: 'autoSupervise',
          from_status: c.status,
          to_status: c.status,
          data_json: JSON.stringify({ stage: job.stage, dueAt: job.dueAt, level, policy: policy?.id }),
        });
      }
      await audit({
        action: `cases.sla.${state}`,
        targetType: 'case',
        targetId: c.id,
        after: { stage: job.stage, dueAt: job.dueAt, escalated: escalate },
      });
    });
  };
}
