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
    explanation: z.string().meta({
      description:
        'Why, in plain words in the request language: the lead force and unit and what made it lead; no rule key or version (those are on the staff case page)',
      example:
        'Hải quan chủ trì: loại địa bàn «Cửa khẩu, lối mở»; đơn vị Hải quan cửa khẩu Trà Lĩnh phụ trách xã Trà Lĩnh.',
    }),
    warnings: z
      .array(z.object({ code: z.string(), message: z.string() }))
      .meta({ description: 'Things for the coordinator to check, e.g. `border_area_outside_border_commune`' }),
  })
  .meta({ id: 'RoutingPreview' });
export type RoutingPreview = z.infer<typeof routingPreviewSchema>;
