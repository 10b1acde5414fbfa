import { z } from 'zod';

export const Notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const NotificationList = z.object({ unread: z.number().int(), items: z.array(Notification) });
export const Done = z.object({ updated: z.number().int() });
