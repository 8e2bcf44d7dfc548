/** Administrative unit types after 1 July 2025 (SPEC.md §2). */
export const PROVINCE_TYPES = ['tinh', 'thanh_pho'] as const;
export type ProvinceType = (typeof PROVINCE_TYPES)[number];

export const COMMUNE_TYPES = ['xa', 'phuong', 'dac_khu'] as const;
export type CommuneType = (typeof COMMUNE_TYPES)[number];

/** The published 389 hotlines (SPEC.md, intro); shown in every public page header. */
export const NATIONAL_HOTLINES = ['0981389389', '0961389389'] as const;
