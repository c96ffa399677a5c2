import { z } from 'zod';
import { PERMISSIONS, ROLE_NAMES, SCOPE_TYPES } from '../domain/access.js';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  locale: z.string(),
  csrfToken: z.string(),
  roles: z.array(
    z.object({
      role: z.enum(ROLE_NAMES),
      roleName: z.object({ zh: z.string(), en: z.string() }),
      scopeType: z.enum(SCOPE_TYPES),
      scopeId: z.string(),
    }),
  ),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type MeDto = z.infer<typeof Me>;
