import { z } from 'zod';
import { FORCES } from '../domain/forces';
import { COMMUNE_TYPES, PROVINCE_TYPES } from '../domain/places';

export const provinceSchema = z
  .object({
    code: z.string().meta({ example: '04' }),
    name: z.string().meta({ example: 'Tỉnh Cao Bằng' }),
    type: z.enum(PROVINCE_TYPES),
    landBorderCountries: z.array(z.string()).meta({ description: 'ISO codes: CN, LA, KH' }),
    coastal: z.boolean(),
    communeCount: z.number().int(),
  })
  .meta({ id: 'Province' });
export type Province = z.infer<typeof provinceSchema>;

export const communeSchema = z
  .object({
    code: z.string().meta({ example: '01477' }),
    provinceCode: z.string(),
    name: z.string().meta({ example: 'Xã Trùng Khánh' }),
    type: z.enum(COMMUNE_TYPES),
    landBorder: z.boolean(),
    coastal: z.boolean(),
    remoteOrIsland: z.boolean(),
  })
  .meta({ id: 'Commune' });
export type Commune = z.infer<typeof communeSchema>;

export const provincesResponseSchema = z.object({ provinces: z.array(provinceSchema) });
export type ProvincesResponse = z.infer<typeof provincesResponseSchema>;

export const communesResponseSchema = z.object({ province: provinceSchema, communes: z.array(communeSchema) });
export type CommunesResponse = z.infer<typeof communesResponseSchema>;

/** Issue #17: the public duty hotlines of the forces' units of a province (the Đồng Tháp plan: published widely). */
export const provinceHotlinesSchema = z
  .object({
    province: z.object({ code: z.string(), name: z.string() }),
    hotlines: z.array(
      z.object({
        force: z.enum(FORCES),
        unitName: z.string().meta({ example: 'Công an tỉnh Cao Bằng' }),
        phone: z.string().meta({ example: '02063852345' }),
      }),
    ),
  })
  .meta({ id: 'ProvinceHotlines' });
export type ProvinceHotlines = z.infer<typeof provinceHotlinesSchema>;
