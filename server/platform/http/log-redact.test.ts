import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redact.js';

describe('request log redaction', () => {
  it('masks phone numbers and cuts tracking tokens in the query', () => {
    expect(redactUrl('/api/v1/public/cases/track?caseNo=3101152026&phone=13812345678')).toBe(
      '/api/v1/public/cases/track?caseNo=3101152026&phone=138****5678',
    );
    expect(redactUrl('/api/v1/public/cases/track?token=abc.123.sig&x=1')).toBe(
      '/api/v1/public/cases/track?token=…&x=1',
    );
    expect(redactUrl('/track?t=abc.123.sig')).toBe('/track?t=…');
    expect(redactUrl('/api/v1/cases?queue=all')).toBe('/api/v1/cases?queue=all');
  });
});
