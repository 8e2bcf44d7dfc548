import { z } from 'zod';
import { ALERT_KINDS } from '../domain/alerts';
import { CATEGORIES } from '../domain/categories';

const isoTime = z.string().meta({ format: 'date-time' });

/**
 * Issue #17: one alert as a staff member sees it in the bell's list. Never the reporter's contact, never the
 * description: the code, category, commune and deadline are enough to open the case.
 */
export const alertSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ALERT_KINDS),
    trackingCode: z.string(),
    category: z.enum(CATEGORIES),
    communeName: z.string().nullable(),
    urgent: z.boolean(),
    dueAt: isoTime.nullable().meta({ description: 'The deadline the alert is about (or the running one)' }),
    createdAt: isoTime,
    readAt: isoTime.nullable(),
  })
  .meta({ id: 'Alert' });
export type AlertView = z.infer<typeof alertSchema>;

/** `GET /api/staff/alerts`: the newest first, a page at a time; `unread` counts all of the viewer's unread ones. */
export const alertListSchema = z
  .object({ unread: z.number().int(), alerts: z.array(alertSchema), next: z.string().nullable() })
  .meta({ id: 'AlertList' });
export type AlertList = z.infer<typeof alertListSchema>;

/** `POST /api/staff/alerts/read`'s answer. */
export const alertUnreadSchema = z.object({ unread: z.number().int() }).meta({ id: 'AlertUnread' });

/** `GET|PUT /api/staff/account/alert-preferences`: e-mail per kind for this staff member (in-app always on). */
export const alertPreferencesSchema = z
  .object({
    email: z.record(z.enum(ALERT_KINDS), z.boolean()),
    address: z
      .string()
      .nullable()
      .meta({
        description: 'Where this staff member’s alert e-mails go; null: none (the duty mailbox still gets them)',
      }),
  })
  .meta({ id: 'AlertPreferences' });
export type AlertPreferences = z.infer<typeof alertPreferencesSchema>;

/**
 * `GET /api/staff/alerts/stream` (Server-Sent Events). Event `alert`: an `Alert` for this viewer. Event `case`:
 * `{ trackingCode }` of a report this viewer can see that changed (new, action, answer): queue and case page
 * ask again. A comment line every 25 s keeps proxies from closing the stream.
 */
export const caseChangedEventSchema = z.object({ trackingCode: z.string() }).meta({ id: 'CaseChangedEvent' });
