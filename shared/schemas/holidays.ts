import { z } from 'zod';
import { isoDay, text } from './storable';

/** A day of the holiday calendar (SPEC.md §5): a day off, or a Saturday worked in exchange. */
export const holidayInputSchema = z.strictObject({
  kind: z.enum(['holiday', 'workday']),
  name: text().trim().min(1).max(200),
});
export const holidayParamsSchema = z.object({
  day: isoDay().meta({ description: 'yyyy-MM-dd, a day in Vietnam' }),
});
export const holidaysQuerySchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
