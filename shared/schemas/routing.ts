import { z } from 'zod';
import { CATEGORIES } from '../domain/categories';
import { PLACE_TYPES } from '../domain/place-types';
import { text } from './storable';

export const categorySchema = z
  .enum(CATEGORIES)
  .meta({ description: 'SPEC.md §3 category code', example: 'smuggling' });
export const placeTypeSchema = z
  .enum(PLACE_TYPES)
  .meta({ description: 'SPEC.md §3 place type code', example: 'border_gate' });
export const communeCodeSchema = text()
  .trim()
  .regex(/^\d{5}$/)
  .meta({ description: 'Five-digit commune code (2025)', example: '01447' });

/** A province by its two-digit code (2025), as every form and query names it. */
export const provinceCodeSchema = text()
  .trim()
  .regex(/^\d{2}$/)
  .meta({ description: 'Two-digit province code (2025)', example: '04' });

const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v);

/**
 * What decides the route of a report: the reporting form and the intake console send the same. An
 * online report may name only its province (SPEC.md §3); every other place needs its commune.
 */
export const routingPreviewInputSchema = z
  .strictObject({
    category: categorySchema,
    placeType: placeTypeSchema,
    provinceCode: z.preprocess(blankIsAbsent, provinceCodeSchema.optional()),
    communeCode: z.preprocess(blankIsAbsent, communeCodeSchema.optional()),
  })
  .check(
    z.superRefine(
      (input: { placeType: string; provinceCode?: string | undefined; communeCode?: string | undefined }, ctx) => {
        if (input.communeCode) return;
        const field = input.placeType === 'online' ? 'provinceCode' : 'communeCode';
        if (field === 'communeCode' || !input.provinceCode)
          ctx.addIssue({ code: 'custom', path: [field], params: { key: 'validation.required' }, input: undefined });
      },
      // Runs even when other fields failed, so every missing field is named at once.
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
  );
