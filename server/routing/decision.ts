import type { Category } from '../../shared/domain/categories';
import type { Force } from '../../shared/domain/forces';
import type { PlaceType } from '../../shared/domain/place-types';
import { inSentence } from '../../shared/domain/text';
import { t, type Language } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/vi';
import { PROVINCE_ROW_PLACE_TYPE, type CompiledRouting, type Outcome, type UnitPick } from './compile';
import { ruleKey, ruleSetLabel, type CommuneRecord, type ProvinceRecord } from './routing.model';

type RoutingWarning = 'border_area_outside_border_commune';

export interface DecidedUnit {
  force: Force;
  unitId: string;
  unitCode: string;
  unitName: string;
}

/** One routing decision, complete enough to store and to explain without looking anything up again. */
export interface RoutingDecision {
  decidedAt: Date;
  category: Category;
  placeType: PlaceType;
  /** null: an online report routed by its province alone (SPEC.md §3). */
  communeCode: string | null;
  communeName: string | null;
  provinceCode: string;
  ruleSetId: number;
  ruleSetVersion: string;
  ruleId: number;
  ruleKey: string;
  lead: DecidedUnit;
  coordinating: DecidedUnit[];
  explanation: Record<Language, string>;
  /** The same in words a citizen reads: no rule key, no rule-set version (issue #14). */
  publicExplanation: Record<Language, string>;
  warnings: RoutingWarning[];
}

/** Where the report is: a commune, or only a province (online). */
type Place =
  { commune: CommuneRecord; province: ProvinceRecord | undefined } | { commune: null; province: ProvinceRecord };

const decided = (pick: UnitPick): DecidedUnit => ({
  force: pick.unit.force,
  unitId: pick.unit.id,
  unitCode: pick.unit.code,
  unitName: pick.unit.name,
});

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function matchText(lang: Language, outcome: Outcome): string {
  const { category, placeType } = outcome.rule;
  const params = {
    category: category ? t(lang, `category.${category}` as MessageKey) : '',
    placeType: placeType ? t(lang, `place_type.${placeType}` as MessageKey) : '',
  };
  const key = category && placeType ? 'both' : category ? 'category' : placeType ? 'place_type' : 'any';
  return t(lang, `routing.match.${key}` as MessageKey, params);
}

function unitText(lang: Language, pick: UnitPick, placeType: PlaceType, { commune, province }: Place): string {
  const limited = pick.limitedTo !== null;
  if (!commune) {
    return t(lang, limited ? 'routing.unit.province_limited' : 'routing.unit.province_only', {
      unit: pick.unit.name,
      province: inSentence(province.name),
      placeType: t(lang, `place_type.${placeType}` as MessageKey),
    });
  }
  const key =
    pick.via === 'commune' ? (limited ? 'commune_limited' : 'commune') : limited ? 'province_limited' : 'province';
  return t(lang, `routing.unit.${key}` as MessageKey, {
    unit: pick.unit.name,
    commune: inSentence(commune.name),
    province: inSentence(province?.name ?? commune.provinceCode),
    placeType: t(lang, `place_type.${placeType}` as MessageKey),
  });
}

function explain(
  lang: Language,
  outcome: Outcome,
  placeType: PlaceType,
  place: Place,
  warnings: RoutingWarning[],
  forPublic: boolean,
): string {
  const force = (f: Force) => t(lang, `force.${f}` as MessageKey);
  const params = {
    force: force(outcome.rule.leadForce),
    match: matchText(lang, outcome),
    rule: ruleKey(outcome.rule),
    ruleSet: ruleSetLabel(outcome.ruleSet),
    unit: unitText(lang, outcome.lead, placeType, place),
  };
  const sentences = [capitalised(t(lang, forPublic ? 'routing.explain.lead_public' : 'routing.explain.lead', params))];
  if (outcome.coordinating.length > 0) {
    const units = outcome.coordinating.map((c) => `${c.unit.name} (${force(c.unit.force)})`).join('; ');
    sentences.push(t(lang, 'routing.explain.coordinating', { units }));
  }
  for (const f of outcome.missingCoordinating)
    sentences.push(t(lang, 'routing.explain.no_coordinating', { force: force(f) }));
  if (place.commune) for (const w of warnings) sentences.push(warningText(lang, w, place.commune.name));
  return sentences.join(' ');
}

export function warningText(lang: Language, warning: RoutingWarning, communeName: string): string {
  return t(lang, `routing.warning.${warning}` as MessageKey, { commune: inSentence(communeName) });
}

/** SPEC.md §4: flags drive nothing by themselves, but a contradiction is worth a coordinator's look. */
function warningsFor(placeType: PlaceType, commune: CommuneRecord): RoutingWarning[] {
  return placeType === 'border_area' && !commune.landBorder && !commune.coastal
    ? ['border_area_outside_border_commune']
    : [];
}

type DecideResult = { ok: true; decision: RoutingDecision } | { ok: false; reason: 'unknown_input' | 'gap' };

/**
 * SPEC.md §4, and §3 for `online`: with a commune, the commune's cell; an online report without one
 * follows its province's row.
 */
export function decide(
  routing: CompiledRouting,
  input: {
    category: Category;
    placeType: PlaceType;
    communeCode?: string | null | undefined;
    provinceCode?: string | undefined;
  },
  decidedAt: Date,
): DecideResult {
  let outcome: Outcome;
  let place: Place;
  if (input.communeCode) {
    const resolution = routing.resolve(input.category, input.placeType, input.communeCode);
    if (!resolution.ok) return resolution;
    outcome = resolution.outcome;
    place = { commune: resolution.commune, province: routing.provinces.get(resolution.commune.provinceCode) };
  } else {
    if (input.placeType !== PROVINCE_ROW_PLACE_TYPE || !input.provinceCode)
      return { ok: false, reason: 'unknown_input' };
    const resolution = routing.resolveProvince(input.category, input.provinceCode);
    if (!resolution.ok) return resolution;
    outcome = resolution.outcome;
    place = { commune: null, province: resolution.province };
  }
  const warnings = place.commune ? warningsFor(input.placeType, place.commune) : [];
  const inLanguages = (forPublic: boolean) => ({
    vi: explain('vi', outcome, input.placeType, place, warnings, forPublic),
    en: explain('en', outcome, input.placeType, place, warnings, forPublic),
  });
  return {
    ok: true,
    decision: {
      decidedAt,
      category: input.category,
      placeType: input.placeType,
      communeCode: place.commune?.code ?? null,
      communeName: place.commune?.name ?? null,
      provinceCode: place.commune ? place.commune.provinceCode : place.province.code,
      ruleSetId: outcome.ruleSet.id,
      ruleSetVersion: ruleSetLabel(outcome.ruleSet),
      ruleId: outcome.rule.id,
      ruleKey: ruleKey(outcome.rule),
      lead: decided(outcome.lead),
      coordinating: outcome.coordinating.map(decided),
      explanation: inLanguages(false),
      publicExplanation: inLanguages(true),
      warnings,
    },
  };
}
