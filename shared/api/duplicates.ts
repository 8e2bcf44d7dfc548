import { z } from 'zod';
import { STATUSES } from '../domain/statuses';

export const duplicateCandidatesSchema = z
  .object({
    candidates: z.array(
      z.object({
        trackingCode: z.string(),
        receivedAt: z.string(),
        category: z.string(),
        placeType: z.string(),
        communeCode: z
          .string()
          .nullable()
          .meta({ description: 'null for an online report that names only its province' }),
        communeName: z.string().nullable(),
        status: z.enum(STATUSES),
        excerpt: z.string().meta({ description: 'The first 200 characters of the description' }),
        reasons: z.array(z.enum(['same_place_and_category', 'similar_description', 'same_url', 'same_seller'])),
        similarity: z.number().meta({ description: 'Trigram similarity of the descriptions, 0 to 1' }),
      }),
    ),
  })
  .meta({ id: 'DuplicateCandidates' });
export type DuplicateCandidates = z.infer<typeof duplicateCandidatesSchema>;
export type DuplicateCandidateView = DuplicateCandidates['candidates'][number];
