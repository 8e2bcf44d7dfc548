import { z } from 'zod';
import { ROLES } from '../domain/roles';

export const staffSessionSchema = z
  .object({
    user: z.object({
      username: z.string(),
      displayName: z.string(),
      role: z.enum(ROLES),
      unit: z.object({ id: z.string(), name: z.string() }).nullable(),
      scopeProvinceCode: z
        .string()
        .nullable()
        .meta({ description: 'Coordinators: their province, or null for national scope' }),
      scopeCommuneCode: z
        .string()
        .nullable()
        .meta({ description: 'Issue #18: a commune Steering Committee 389, its commune; null for every other role' }),
    }),
    csrfToken: z.string().meta({ description: 'Send it as `X-CSRF-Token` with every state-changing staff request' }),
  })
  .meta({ id: 'StaffSession' });
export type StaffSession = z.infer<typeof staffSessionSchema>;
