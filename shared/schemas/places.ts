import { z } from 'zod';
import { text } from './storable';

export const provinceParamsSchema = z.object({
  provinceCode: text().regex(/^\d{2}$/).meta({ description: 'Two-digit province code (2025)', example: '04' }),
});

export const communeQuerySchema = z.object({
  q: text()
    .trim()
    .max(100)
    .optional()
    .meta({ description: 'Part of the name, with or without diacritics: `trung khanh` finds Xã Trùng Khánh' }),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
