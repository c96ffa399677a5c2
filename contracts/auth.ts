import { z } from 'zod';

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
      role: z.string(),
      roleName: z.object({ zh: z.string(), en: z.string() }),
      scopeType: z.string(),
      scopeId: z.string(),
    }),
  ),
  permissions: z.array(z.string()),
});
export type MeDto = z.infer<typeof Me>;
