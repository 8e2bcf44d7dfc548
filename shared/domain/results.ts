/**
 * Issue #18, results as data (kết quả xử lý): what the committees' reports sum. Codes are stable API values;
 * labels are in shared/i18n (`goods.<code>`, `sanction.<code>`, `sanctionClock.<code>`, `prosecution.<code>`).
 */

/** Goods type (nhóm hàng): optional for citizens, set by the officer, and the type of every seized lot. */
export const GOODS_TYPES = [
  'food',
  'alcohol_tobacco',
  'pharmaceuticals',
  'cosmetics',
  'agricultural_inputs',
  'fuel',
  'livestock_wildlife',
  'textiles_footwear',
  'electronics',
  'vehicles_parts',
  'household_goods',
  'minerals_timber',
  'explosives_firecrackers',
  'drugs',
  'gold_currency',
  'other',
] as const;
export type GoodsType = (typeof GOODS_TYPES)[number];

/** Luật Xử lý vi phạm hành chính 2012 (sửa đổi 2020), Điều 21: the sanctions and the additional measures. */
export const SANCTION_TYPES = [
  'warning',
  'fine',
  'license_revocation',
  'suspension',
  'confiscation',
  'expulsion',
] as const;
export type SanctionType = (typeof SANCTION_TYPES)[number];

/**
 * Luật XLVPHC Điều 66: the sanction decision is due 7 working days after the violation record (`standard`),
 * 10 when the case is transferred to the competent person (`transferred`), 1 month when the offender asks to
 * explain or facts must be verified (`verification`), 2 months when that is extended for a very serious,
 * complex case (`extended`). The last two need a written reason.
 */
export const SANCTION_CLOCKS = ['standard', 'transferred', 'verification', 'extended'] as const;
export type SanctionClock = (typeof SANCTION_CLOCKS)[number];

/** The investigating body's decision on a report with signs of a crime (BLTTHS 2015 Điều 147). */
export const PROSECUTION_DECISIONS = ['prosecuted', 'not_prosecuted'] as const;
export type ProsecutionDecision = (typeof PROSECUTION_DECISIONS)[number];

/** How a report's resolution deadline was counted when it was set (migration 0018): old reports keep theirs. */
export const RESOLVE_CLOCKS = ['working_days', 'calendar_days'] as const;
export type ResolveClock = (typeof RESOLVE_CLOCKS)[number];
