import { describe, expect, it } from 'vitest';
import { logAdapter, loggable, webhookAdapter, type ResidentMessage } from './notifications.outbound.js';

const message: ResidentMessage = {
  id: 'm1',
  caseNo: '310115202612020000001',
  step: 'resultReported',
  to: '13812345678',
  text: '【共治】您反映的问题（编号 310115202612020000001）已处理完毕：https://gz.example/track?t=abc.123.sig',
};

describe('messages to residents', () => {
  it('logs with the phone masked and the link token cut', async () => {
    const lines: Record<string, unknown>[] = [];
    await logAdapter((l) => lines.push(l)).send(message);
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain('13812345678');
    expect(JSON.stringify(lines)).not.toContain('abc.123.sig');
    expect(lines[0]).toMatchObject({ to: '138****5678', caseNo: message.caseNo, step: 'resultReported' });
    expect(loggable(message).text).toContain('/track?t=…');
  });

  it('posts to the webhook and fails on a non-2xx answer (the job retries)', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const lines: Record<string, unknown>[] = [];
    let status = 202;
    const fake = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response('', { status });
    }) as unknown as typeof fetch;
    const adapter = webhookAdapter('https://sms.example/hook', (l) => lines.push(l), fake);
    await adapter.send(message);
    expect(calls[0].url).toBe('https://sms.example/hook');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({
      id: 'm1',
      to: '13812345678',
      text: message.text,
      caseNo: message.caseNo,
      step: 'resultReported',
    });
    expect((calls[0].init.headers as Record<string, string>)['idempotency-key']).toBe('m1');
    expect(JSON.stringify(lines)).not.toContain('13812345678');
    status = 503;
    await expect(adapter.send(message)).rejects.toThrow('SMS webhook answered 503');
  });
});
