// Messages to residents (SMS) leave through an adapter: the default records them in the log (the outbox row
// is the record either way); with RESIDENT_MESSAGE_WEBHOOK set, each is POSTed to an SMS gateway's webhook.
// In-app notifications are not messages: notify() alone writes those. Phone numbers reach the log masked.
import { maskPhone } from '../../../domain/access.js';
import type { Config } from '../../config.js';

export interface ResidentMessage {
  id: string;
  caseNo: string;
  step: string;
  to: string;
  text: string;
}

export interface MessageAdapter {
  readonly name: 'log' | 'webhook';
  /** Delivers the message or throws (the durable job retries with back-off). */
  send(message: ResidentMessage): Promise<void>;
}

export type LogLine = (entry: Record<string, unknown>) => void;

/** One JSON line per message on stdout (pino's shape), the phone masked and the text without the link's token. */
export function stdoutLog(config: Config): LogLine {
  if (config.LOG_LEVEL === 'silent') return () => {};
  return (entry) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), ...entry })}\n`);
}

/** What the log may show of a message: masked phone, the link's token cut. */
export function loggable(m: ResidentMessage) {
  return {
    messageId: m.id,
    caseNo: m.caseNo,
    step: m.step,
    to: maskPhone(m.to),
    text: m.text.replace(/([?&]t=)[^\s&]+/g, '$1…'),
  };
}

export function logAdapter(log: LogLine): MessageAdapter {
  return {
    name: 'log',
    async send(m) {
      log({ msg: 'resident message (log adapter)', ...loggable(m) });
    },
  };
}

export function webhookAdapter(url: string, log: LogLine, fetchImpl: typeof fetch = fetch): MessageAdapter {
  return {
    name: 'webhook',
    async send(m) {
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': m.id },
        body: JSON.stringify({ id: m.id, to: m.to, text: m.text, caseNo: m.caseNo, step: m.step }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS webhook answered ${res.status}`);
      log({ msg: 'resident message sent (webhook)', ...loggable(m) });
    },
  };
}

/** The adapter the configuration names. */
export function messageAdapter(config: Config, log: LogLine = stdoutLog(config)): MessageAdapter {
  return config.RESIDENT_MESSAGE_WEBHOOK
    ? webhookAdapter(config.RESIDENT_MESSAGE_WEBHOOK, log)
    : logAdapter(log);
}
