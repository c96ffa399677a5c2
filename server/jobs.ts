// Job handlers of every module, by queue name (the job table is in platform/jobs), and the recurring jobs
// seeded when a server with a job worker starts.
import type { Deps } from './platform/deps.js';
import type { JobHandler } from './platform/jobs/jobs.js';
import {
  enqueueSessionsCleanup,
  SESSIONS_CLEANUP_QUEUE,
  sessionsCleanupHandler,
} from './modules/auth/auth.jobs.js';
import { slaHandler } from './modules/cases/cases.jobs.js';
import {
  COORDINATION_SCAN_QUEUE,
  coordinationScanHandler,
  enqueueCoordinationScan,
} from './modules/coordination/coordination.jobs.js';
import { enqueuePlanScan, PLAN_SCAN_QUEUE, planScanHandler } from './modules/plan/plan.jobs.js';
import { residentMessageHandler } from './modules/notifications/notifications.jobs.js';
import { RESIDENT_MESSAGE_QUEUE } from './modules/notifications/notifications.service.js';
import { TASK_REMINDER_QUEUE } from './modules/governance/governance.common.js';
import {
  enqueueTriggerScan,
  taskReminderHandler,
  TRIGGER_SCAN_QUEUE,
  triggerScanHandler,
} from './modules/governance/governance.jobs.js';

export function jobHandlers(deps: Deps): Record<string, JobHandler> {
  return {
    [SESSIONS_CLEANUP_QUEUE]: sessionsCleanupHandler(deps),
    'cases.sla': slaHandler(deps),
    [RESIDENT_MESSAGE_QUEUE]: residentMessageHandler(deps),
    [TASK_REMINDER_QUEUE]: taskReminderHandler(deps),
    [TRIGGER_SCAN_QUEUE]: triggerScanHandler(deps),
    [COORDINATION_SCAN_QUEUE]: coordinationScanHandler(deps),
    [PLAN_SCAN_QUEUE]: planScanHandler(deps),
  };
}

/** Today's run of each daily job; dedupe keys make it once a day across restarts and instances. */
export async function scheduleDailyJobs(deps: Deps): Promise<void> {
  await enqueueTriggerScan(deps.database.db, deps.clock);
  await enqueueSessionsCleanup(deps.database.db, deps.clock);
  await enqueueCoordinationScan(deps.database.db, deps.clock);
  await enqueuePlanScan(deps.database.db, deps.clock);
}
