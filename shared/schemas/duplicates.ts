import { z } from 'zod';
import { cleanText } from './report';
import { categorySchema, communeCodeSchema } from './routing';

/** What the intake console has typed so far; the search runs on every pause in typing. */
export const duplicateSearchInputSchema = z.strictObject({
  communeCode: communeCodeSchema,
  category: categorySchema,
  description: z
    .string()
    .max(5000)
    .transform((v) => cleanText(v, { multiline: true }))
    .optional(),
  url: z.string().max(2000).optional(),
});
