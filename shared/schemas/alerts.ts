import { z } from 'zod';
import { ALERT_KINDS } from '../domain/alerts';

/** `POST /api/staff/alerts/read`: some alerts by id, or all of the viewer's. */
export const markAlertsReadSchema = z.union([
  z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) }),
  z.strictObject({ all: z.literal(true) }),
]);

export const alertListQuerySchema = z.strictObject({
  unreadOnly: z
    .enum(['1', 'true', '0', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .optional(),
  after: z.string().max(200).optional(),
});

export const alertPreferencesInputSchema = z.strictObject({
  email: z.partialRecord(z.enum(ALERT_KINDS), z.boolean()),
  /** The staff member's own address for alert e-mails; null removes it. */
  address: z.email().max(254).nullable().optional(),
});
