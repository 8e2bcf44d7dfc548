import { z } from 'zod';
import { cleanText, SELLER_HANDLE_MAX } from './report';
import { categorySchema, communeCodeSchema, provinceCodeSchema } from './routing';
import { text } from './storable';
import { urlKey } from '../url-key';

/**
 * What the intake console has typed so far; the search runs on every pause in typing. The commune,
 * or for an online seller known only by its province, the province (issue #14).
 */
export const duplicateSearchInputSchema = z
  .strictObject({
    communeCode: communeCodeSchema.optional(),
    provinceCode: provinceCodeSchema.optional(),
    sellerHandle: text().max(SELLER_HANDLE_MAX).optional(),
    category: categorySchema,
    description: text()
      .max(5000)
      .transform((v) => cleanText(v, { multiline: true }))
      .optional(),
    url: text()
      .max(2000)
      .refine((v) => urlKey(v) !== undefined || !URL.canParse(v), {
        params: { key: 'validation.unstorable_character' },
      })
      .optional(),
  })
  .check(
    z.superRefine(
      (input: { communeCode?: string | undefined; provinceCode?: string | undefined }, ctx) => {
        if (!input.communeCode && !input.provinceCode)
          ctx.addIssue({
            code: 'custom',
            path: ['communeCode'],
            params: { key: 'validation.required' },
            input: undefined,
          });
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
  );
