import { z } from 'zod';
import { ROLES } from '../domain/roles';

export const accountSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    unit: z.object({ id: z.string(), name: z.string() }).nullable(),
    scopeProvinceCode: z.string().nullable(),
    scopeCommune: z
      .object({ code: z.string(), name: z.string(), provinceCode: z.string() })
      .nullable()
      .meta({ description: 'Issue #18: a commune Steering Committee 389, its commune' }),
    isDisabled: z.boolean(),
    lockedUntil: z.string().nullable().meta({ description: 'Set while the account is locked after failed sign-ins' }),
  })
  .meta({ id: 'StaffAccount' });
export type AccountView = z.infer<typeof accountSchema>;

export const accountsResponseSchema = z.object({ accounts: z.array(accountSchema) });
export const accountWithPasswordSchema = z
  .object({
    account: accountSchema,
    password: z.string().meta({ description: 'Generated; shown only in this answer' }),
  })
  .meta({ id: 'StaffAccountWithPassword' });
