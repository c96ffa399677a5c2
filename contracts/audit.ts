import { z } from 'zod';
import { PageQuery } from './common.js';

export const AuditRecord = z.object({
  id: z.string(),
  seq: z.number().int().nullable().describe('chain position; null until sealed (about a second)'),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  targetName: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  hash: z.string().nullable(),
});

export const AuditQuery = PageQuery.extend({
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(64).optional(),
  actorId: z.string().max(80).optional(),
  action: z.string().max(80).optional(),
});

export const AuditVerification = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  pending: z.number().int().describe('records not yet sealed into the chain'),
  firstBadSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
  anchoredSeq: z
    .number()
    .int()
    .nullable()
    .describe('sequence number of the signed chain head kept outside the database (null: none yet)'),
});
