import { z } from 'zod';
import { provinceCodeSchema } from './routing';
import { text } from './storable';

export const provinceParamsSchema = z.object({
  provinceCode: provinceCodeSchema,
});

export const communeQuerySchema = z.object({
  q: text()
    .trim()
    .max(100)
    .optional()
    .meta({ description: 'Part of the name, with or without diacritics: `trung khanh` finds Xã Trùng Khánh' }),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
