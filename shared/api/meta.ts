import { z } from 'zod';
import { CATEGORIES } from '../domain/categories';
import { CHANNELS } from '../domain/channels';
import { FORCES } from '../domain/forces';
import { OUTCOMES } from '../domain/outcomes';
import { PLACE_TYPES } from '../domain/place-types';
import { ROLES } from '../domain/roles';
import { STATUSES } from '../domain/statuses';

export const labelsSchema = z.object({ vi: z.string(), en: z.string() }).meta({ id: 'Labels' });
export type Labels = z.infer<typeof labelsSchema>;

const codeList = <const T extends readonly [string, ...string[]]>(codes: T) =>
  z.array(z.object({ code: z.enum(codes), labels: labelsSchema }));

/** GET /api/public/meta: every code of SPEC.md with its Vietnamese and English labels. */
export const metaResponseSchema = z
  .object({
    categories: codeList(CATEGORIES),
    placeTypes: codeList(PLACE_TYPES),
    forces: codeList(FORCES),
    statuses: codeList(STATUSES),
    outcomes: codeList(OUTCOMES),
    channels: codeList(CHANNELS),
    roles: codeList(ROLES),
    hotlines: z.array(z.object({ number: z.string(), display: z.string() })),
  })
  .meta({ id: 'Meta' });
export type MetaResponse = z.infer<typeof metaResponseSchema>;
export type CodeWithLabels<C extends string> = { code: C; labels: Labels };
