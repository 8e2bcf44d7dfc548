import type { Category } from '../../shared/domain/categories';
import type { Force } from '../../shared/domain/forces';
import type { PlaceType } from '../../shared/domain/place-types';

/** A rule as written by people: `*` where the rule does not care. */
interface RuleSpec {
  placeType: PlaceType | '*';
  category: Category | '*';
  lead: Force;
  coordinating: Force[];
  /** Only in a province's rule set: limits the rule to one commune. */
  communeCode?: string;
}

export interface RuleSetSpec {
  scope: 'national' | 'province';
  provinceCode?: string;
  note: string;
  rules: RuleSpec[];
}

/** 1 July 2025: the two-level local government (34 provinces, 3,321 communes) took effect. */
export const DEFAULT_RULES_EFFECTIVE_FROM = new Date('2025-06-30T17:00:00Z');

const CROSS_BORDER: Category[] = ['smuggling', 'illegal_transport', 'banned_goods'];
const each = <T>(values: T[], make: (value: T) => RuleSpec) => values.map(make);

/** SPEC.md §4, the default national rule set, row by row. */
export const NATIONAL_RULES: RuleSetSpec = {
  scope: 'national',
  note: 'SPEC.md §4: default national rule set',
  rules: [
    ...each<PlaceType>(['border_gate', 'port_airport'], (placeType) => ({
      placeType,
      category: '*',
      lead: 'customs',
      coordinating: ['border', 'police'],
    })),
    ...each(CROSS_BORDER, (category) => ({
      placeType: 'border_area',
      category,
      lead: 'border',
      coordinating: ['customs', 'police'],
    })),
    { placeType: 'border_area', category: '*', lead: 'market', coordinating: ['border', 'police'] },
    ...each(CROSS_BORDER, (category) => ({
      placeType: 'transport_route',
      category,
      lead: 'police',
      coordinating: ['market'],
    })),
    { placeType: 'transport_route', category: '*', lead: 'market', coordinating: ['police'] },
    ...each<PlaceType>(['market', 'production_site', 'online'], (placeType) => ({
      placeType,
      category: 'banned_goods',
      lead: 'police',
      coordinating: ['market'],
    })),
    ...each<PlaceType>(['market', 'production_site', 'online'], (placeType) => ({
      placeType,
      category: '*',
      lead: 'market',
      coordinating: ['police'],
    })),
  ],
};

/**
 * Hà Nội (01), Thái Nguyên (19), Bắc Ninh (24) and Phú Thọ (25) have neither a land border nor a
 * coast, so no border-guard command; a citizen there may still pick `border_area`. The national rule
 * would name the border guard and leave a gap: the police lead for goods crossing the border
 * (smuggling, illegal transport, banned goods), market management for the rest, as on a route.
 */
const INLAND_PROVINCES = ['01', '19', '24', '25'];

export const INLAND_PROVINCE_RULES: RuleSetSpec[] = INLAND_PROVINCES.map((provinceCode) => ({
  scope: 'province',
  provinceCode,
  note: 'No border-guard command in this province: border_area is led by the police or market management',
  rules: [
    ...each(CROSS_BORDER, (category) => ({
      placeType: 'border_area',
      category,
      lead: 'police',
      coordinating: ['customs', 'market'],
    })),
    { placeType: 'border_area', category: '*', lead: 'market', coordinating: ['police', 'customs'] },
  ],
}));

export const DEFAULT_RULE_SETS: RuleSetSpec[] = [NATIONAL_RULES, ...INLAND_PROVINCE_RULES];
