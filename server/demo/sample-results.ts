import type { Category } from '../../shared/domain/categories';
import type { GoodsType } from '../../shared/domain/results';
import { vietnamDayOf } from '../cases/deadlines';
import type { Report } from '../reports/reports.repository';
import { createRng } from './sample-plan';
import type { ResolveOutcome } from './sample-plan';

/** Issue #18: what the demo's seized lots are, by the report's category. */
const GOODS_BY_CATEGORY: Partial<Record<Category, readonly GoodsType[]>> = {
  smuggling: ['alcohol_tobacco', 'electronics', 'fuel', 'textiles_footwear'],
  illegal_transport: ['alcohol_tobacco', 'fuel', 'livestock_wildlife', 'food'],
  counterfeit: ['cosmetics', 'pharmaceuticals', 'textiles_footwear', 'household_goods'],
  ip_infringement: ['textiles_footwear', 'electronics', 'cosmetics'],
  banned_goods: ['explosives_firecrackers', 'alcohol_tobacco', 'livestock_wildlife'],
  poor_quality: ['food', 'agricultural_inputs', 'household_goods'],
  ecommerce: ['cosmetics', 'pharmaceuticals', 'electronics', 'textiles_footwear'],
};
const LOT_UNITS: Record<GoodsType, string> = {
  food: 'kg',
  alcohol_tobacco: 'bao',
  pharmaceuticals: 'hộp',
  cosmetics: 'hộp',
  agricultural_inputs: 'kg',
  fuel: 'lít',
  livestock_wildlife: 'con',
  textiles_footwear: 'đôi',
  electronics: 'cái',
  vehicles_parts: 'cái',
  household_goods: 'cái',
  minerals_timber: 'm3',
  explosives_firecrackers: 'kg',
  drugs: 'gam',
  gold_currency: 'chỉ',
  other: 'cái',
};

/**
 * Issue #18: the results a sample report is resolved with, as the resolve action asks for them (the sanction
 * decision, the seized lots), from their own seeded draws (the report's own draws, which decide its life, stay as
 * they were).
 */
export function sampleResults(
  report: Pick<Report, 'category' | 'goodsType'>,
  outcome: ResolveOutcome,
  index: number,
  at: Date,
): Record<string, unknown> {
  const rng = createRng(0x18 * 104_729 + index);
  const day = vietnamDayOf(at);
  const goodsType =
    (report.goodsType as GoodsType | null) ?? rng.pick(GOODS_BY_CATEGORY[report.category as Category] ?? ['other']);
  const results: Record<string, unknown> = { goodsType, typicalCase: rng.chance(0.05) };
  if (outcome === 'violation_handled') {
    const fined = rng.chance(0.85);
    results.sanction = {
      recordNo: `${rng.int(1, 300)}/BB-VPHC`,
      recordDate: day,
      decisionNo: `${rng.int(1, 300)}/QĐ-XPHC`,
      decisionDate: day,
      sanctionTypes: fined ? (rng.chance(0.4) ? ['fine', 'confiscation'] : ['fine']) : ['warning'],
      ...(fined ? { fineVnd: rng.pick([1_500_000, 3_000_000, 5_000_000, 10_000_000, 15_000_000, 30_000_000]) } : {}),
    };
  }
  if (outcome === 'goods_seized') {
    results.seizedGoods = Array.from({ length: rng.int(1, 2) }, () => ({
      goodsType,
      quantity: rng.int(5, 500),
      unit: LOT_UNITS[goodsType],
      valueVnd: rng.int(2, 400) * 500_000,
    }));
  }
  return results;
}
