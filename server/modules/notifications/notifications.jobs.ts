// Delivery of messages to residents: one durable job per outbox row, through the configured adapter.
import type { Deps } from '../../platform/deps.js';
import type { JobHandler } from '../../platform/jobs/jobs.js';
import { messageAdapter, type MessageAdapter } from './notifications.outbound.js';
import * as repo from './notifications.repo.js';

/** Sends the message once (a row already sent is skipped) and records the outcome on the outbox row. */
export function residentMessageHandler(
  deps: Deps,
  adapter: MessageAdapter = messageAdapter(deps.config),
): JobHandler {
  return async (payload, job) => {
    const { messageId } = payload as { messageId: string };
    const db = deps.database.db;
    const m = await repo.residentMessage(db, messageId);
    if (!m || m.status === 'sent') return;
    const attempts = m.attempts + 1;
    try {
      await adapter.send({ id: m.id, caseNo: m.case_no, step: m.step, to: m.recipient, text: m.text });
    } catch (err) {
      await repo.markResidentMessage(db, m.id, {
        status: job.attempts >= job.maxAttempts ? 'failed' : 'pending',
        attempts,
        last_error: err instanceof Error ? err.message : String(err),
        adapter: adapter.name,
        sent_at: null,
      });
      throw err;
    }
    await repo.markResidentMessage(db, m.id, {
      status: 'sent',
      attempts,
      last_error: null,
      adapter: adapter.name,
      sent_at: deps.clock.now().toISOString(),
    });
  };
}
