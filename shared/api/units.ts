import { z } from 'zod';
import { FORCES } from '../domain/forces';

export const unitsResponseSchema = z
  .object({
    units: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        force: z.enum(FORCES),
        provinceCode: z.string().nullable(),
        level: z.string(),
        parentId: z.string().nullable(),
        /** Issue #17: the unit's public duty hotline and its duty mailbox for alerts. */
        dutyPhone: z.string().nullable(),
        dutyEmail: z.string().nullable(),
        /** Issue #18: an investigating body (police), offered by the crime track's hand-off. */
        investigates: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'Units' });
export type UnitsResponse = z.infer<typeof unitsResponseSchema>;
export type UnitSummary = UnitsResponse['units'][number];
