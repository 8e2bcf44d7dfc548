import { z } from 'zod';
import { cleanText } from './report';
import { categorySchema, communeCodeSchema } from './routing';

/**
 * What the intake console has typed so far; the search runs on every pause in typing. The commune,
 * or for an online seller known only by its province, the province (issue #14).
 */
export const duplicateSearchInputSchema = z.strictObject({
  communeCode: communeCodeSchema.optional(),
  provinceCode: z.string().trim().regex(/^\d{2}$/).optional(),
  sellerHandle: z.string().max(200).optional(),
  category: categorySchema,
  description: z
    .string()
    .max(5000)
    .transform((v) => cleanText(v, { multiline: true }))
    .optional(),
  url: z.string().max(2000).optional(),
}).check(
  z.superRefine(
    (input: { communeCode?: string | undefined; provinceCode?: string | undefined }, ctx) => {
      if (!input.communeCode && !input.provinceCode) ctx.addIssue({ code: 'custom', path: ['communeCode'], params: { key: 'validation.required' }, input: undefined });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  ),
);
