// Shared zod pieces of the HTTP contract (used by the server and the web client).
import { z } from 'zod';

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().nullable(),
    requestId: z.string(),
  }),
});

export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
} as const;

/** Keyset pagination: `cursor` is opaque; `nextCursor` null on the last page. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().optional(),
  });
}

export const IdParams = z.object({ id: z.string().min(1).max(64) });

export const Ok = z.object({ ok: z.literal(true) });

/** GB/T 2260 district code (6 digits) and GB/T 10114 street/town code (9 digits). */
export const DistrictCode = z.string().regex(/^\d{6}$/);
export const StreetCode = z.string().regex(/^\d{9}$/);

/**
 * `Idempotency-Key` of intake routes: unique per integration (the API key; for the staff console, per channel,
 * the three hotlines together). A retry with the same body answers the same case (`created: false`); the same
 * key with a different body is refused with 422 naming the existing case.
 */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().trim().min(1).max(80).optional(),
});
