import { z } from 'zod';
import { cleanText } from './report';
import { categorySchema, communeCodeSchema } from './routing';
import { text } from './storable';
import { urlKey } from '../url-key';

/** What the intake console has typed so far; the search runs on every pause in typing. */
export const duplicateSearchInputSchema = z.strictObject({
  communeCode: communeCodeSchema,
  category: categorySchema,
  description: text()
    .max(5000)
    .transform((v) => cleanText(v, { multiline: true }))
    .optional(),
  url: text()
    .max(2000)
    .refine((v) => urlKey(v) !== undefined || !URL.canParse(v), { params: { key: 'validation.unstorable_character' } })
    .optional(),
});
