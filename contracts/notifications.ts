import { z } from 'zod';
import { PageQuery } from './common.js';

export const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  text: z.string(),
  caseId: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

export const NotificationQuery = PageQuery.extend({ unread: z.coerce.boolean().optional() });
