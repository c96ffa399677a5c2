import { z } from 'zod';
import { PageQuery } from './common.js';
import { ROLE_NAMES, SCOPE_TYPES } from '../domain/access.js';

export const GrantInput = z.object({
  role: z.enum(ROLE_NAMES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.string().trim().min(1).max(64),
});

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  locale: z.string(),
  phone: z.string().nullable().describe('masked'),
  disabled: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedLogins: z.number().int(),
  roles: z.array(GrantInput.extend({ scopeName: z.string().nullable().describe('the scope’s name') })),
  createdAt: z.string(),
  version: z.number().int(),
});

export const UserQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional(),
  role: z.enum(ROLE_NAMES).optional(),
});

/** The server's rule for a new password (server/modules/auth/passwords.ts). */
const NEW_PASSWORD = 'at least 10 characters; common and product-name passwords are refused';

export const UserInput = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(32)
    .regex(/^[a-zA-Z0-9_.-]+$/),
  displayName: z.string().trim().min(1).max(50),
  password: z.string().min(1).max(128).describe(NEW_PASSWORD),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  phone: z.string().trim().max(30).nullable().default(null),
  roles: z.array(GrantInput).min(1).max(20),
});

export const UserPatch = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
  disabled: z.boolean().optional(),
  roles: z.array(GrantInput).min(1).max(20).optional(),
  password: z.string().min(1).max(128).optional().describe(NEW_PASSWORD),
  unlock: z.boolean().optional(),
  version: z.number().int().positive(),
});

export const RoleInfo = z.object({
  role: z.string(),
  zh: z.string(),
  en: z.string(),
  scopes: z.array(z.string()),
  permissions: z.array(z.string()),
});
