import { z } from 'zod';
import { FORCES } from '../domain/forces';

export const routedUnitSchema = z
  .object({
    force: z.enum(FORCES),
    unitId: z.string().meta({ format: 'uuid' }),
    unitName: z.string().meta({ example: 'Hải quan cửa khẩu Trà Lĩnh' }),
  })
  .meta({ id: 'RoutedUnit' });
export type RoutedUnit = z.infer<typeof routedUnitSchema>;

export const routingPreviewSchema = z
  .object({
    lead: routedUnitSchema,
    coordinating: z.array(routedUnitSchema),
    ruleId: z.string().meta({ description: 'The rule that decided, in SPEC.md notation', example: 'national/border_gate/*' }),
    ruleSetVersion: z.string().meta({ description: 'Rule set and version of that rule', example: 'national@1' }),
    explanation: z.string().meta({ description: 'Why, in the request language' }),
    warnings: z
      .array(z.object({ code: z.string(), message: z.string() }))
      .meta({ description: 'Things for the coordinator to check, e.g. `border_area_outside_border_commune`' }),
  })
  .meta({ id: 'RoutingPreview' });
export type RoutingPreview = z.infer<typeof routingPreviewSchema>;
