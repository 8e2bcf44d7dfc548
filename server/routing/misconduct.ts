import type { Category } from '../../shared/domain/categories';
import type { Force } from '../../shared/domain/forces';
import type { PlaceType } from '../../shared/domain/place-types';
import { inSentence } from '../../shared/domain/text';
import { t, type Language } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/vi';
import type { Queryable } from '../db/types';
import { findProvince } from '../places/places.repository';
import { findStandingOffice } from '../units/standing-offices';
import { noLeadUnit } from './routing.errors';
import { routingDecisionsTable } from './routing.table';

/** Issue #18: what a tip about officials is routed with (no rule routes it). */
export interface MisconductDecision {
  id: string;
  lead: { unitId: string; unitName: string };
}

function explanation(lang: Language, provinceName: string, implicatedForce: Force | null): string {
  return t(lang, 'routing.explain.misconduct', {
    force: implicatedForce
      ? t(lang, `force.${implicatedForce}` as MessageKey)
      : t(lang, 'routing.misconduct.any_force'),
    province: inSentence(provinceName),
  });
}

/**
 * SPEC.md §4 (issue #18): a tip about enforcement officers goes to the Standing Office of its province's
 * Steering Committee 389 whatever its category and place, with no coordinating unit (the coordinator chooses
 * them). The decision is stored like any other, its rule columns null (migration 0019).
 */
export async function decideMisconduct(
  q: Queryable,
  input: {
    category: Category;
    placeType: PlaceType;
    provinceCode: string;
    communeCode?: string | null | undefined;
    implicatedForce?: Force | null | undefined;
  },
  at: Date,
): Promise<MisconductDecision> {
  const office = await findStandingOffice(q, input.provinceCode);
  const province = await findProvince(q, input.provinceCode);
  if (!office || !province) throw noLeadUnit();
  const implicated = input.implicatedForce ?? null;
  const [row] = await q
    .insert(routingDecisionsTable)
    .values({
      decidedAt: at,
      category: input.category,
      placeType: input.placeType,
      communeCode: input.communeCode ?? null,
      ruleSetId: null,
      ruleSetVersion: null,
      ruleId: null,
      ruleKey: null,
      leadForce: null,
      leadUnitId: office.id,
      leadUnitName: office.name,
      coordinating: [],
      explanationVi: explanation('vi', province.name, implicated),
      explanationEn: explanation('en', province.name, implicated),
      warnings: [],
    })
    .returning({ id: routingDecisionsTable.id });
  if (!row) throw new Error('routing decision not inserted');
  return { id: row.id, lead: { unitId: office.id, unitName: office.name } };
}
