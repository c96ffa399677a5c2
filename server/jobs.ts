// Job handlers of every module, by queue name (the job table is in platform/jobs).
import type { Deps } from './platform/deps.js';
import type { JobHandler } from './platform/jobs/jobs.js';
import { deleteExpiredSessions } from './modules/auth/auth.repo.js';
import { sendHandler, slaHandler } from './modules/cases/cases.jobs.js';

export function jobHandlers(deps: Deps): Record<string, JobHandler> {
  return {
    'auth.sessions.cleanup': async () =>
      deleteExpiredSessions(deps.database.db, deps.clock.now().toISOString()),
    'cases.sla': slaHandler(deps),
    'notify.send': sendHandler(deps),
  };
}
