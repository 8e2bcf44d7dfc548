import { z } from 'zod';
import { CATEGORIES } from '../domain/categories';
import { PLACE_TYPES } from '../domain/place-types';
import { text } from './storable';

export const categorySchema = z.enum(CATEGORIES).meta({ description: 'SPEC.md §3 category code', example: 'smuggling' });
export const placeTypeSchema = z.enum(PLACE_TYPES).meta({ description: 'SPEC.md §3 place type code', example: 'border_gate' });
export const communeCodeSchema = text()
  .trim()
  .regex(/^\d{5}$/)
  .meta({ description: 'Five-digit commune code (2025)', example: '01447' });

/** What decides the route of a report: the reporting form and the intake console send the same. */
export const routingPreviewInputSchema = z.strictObject({
  category: categorySchema,
  placeType: placeTypeSchema,
  communeCode: communeCodeSchema,
});
