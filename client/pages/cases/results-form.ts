import type { z } from 'zod';
import type { CaseViewBody } from '../../../shared/api/cases';
import type { Language } from '../../../shared/i18n/languages';
import type { CaseAction, caseActionSchemas } from '../../../shared/schemas/cases';

/**
 * Issue #18 (results as data): what the resolve and record-violation forms hold (text, as typed) and the
 * request body they send. Kept apart from the components so that tests read it without a browser.
 */

// The same as cases.api.ts's CaseActionBody, without importing the client's API layer (tests read this file).
type CaseActionBody<A extends CaseAction> = z.input<(typeof caseActionSchemas)[A]>;
type ResolveOutcome = CaseActionBody<'resolve'>['outcome'];

export type RecordBody = CaseActionBody<'record-violation'>;
export type ResolveBody = CaseActionBody<'resolve'>;
export type Recorded = CaseViewBody['sanction'];

export interface LotValues {
  goodsType: string;
  description: string;
  quantity: string;
  unit: string;
  valueVnd: string;
}
export interface SanctionValues {
  recordNo: string;
  recordDate: string;
  clock: string;
  clockReason: string;
  decisionNo: string;
  decisionDate: string;
  sanctionTypes: string[];
  fineVnd: string;
}
export interface ResolveValues {
  outcome: ResolveOutcome;
  publicOutcome: string;
  goodsType: string;
  typicalCase: boolean;
  sanction: SanctionValues;
  seizedGoods: LotValues[];
}
export interface RecordValues {
  recordNo: string;
  recordDate: string;
  clock: string;
  clockReason: string;
}

export const EMPTY_SANCTION: SanctionValues = {
  recordNo: '',
  recordDate: '',
  clock: '',
  clockReason: '',
  decisionNo: '',
  decisionDate: '',
  sanctionTypes: [],
  fineVnd: '',
};
export const EMPTY_LOT: LotValues = { goodsType: '', description: '', quantity: '', unit: '', valueVnd: '' };
export const RESOLVE_FIELD_NAMES = Object.keys(EMPTY_SANCTION).map((k) => `sanction.${k}`);

/** The separators a number may be grouped with: dot, comma, space (also the no-break space copied from a page). */
const GROUPED = /^\d{1,3}(?:[.,\s\u00a0]\d{3})+$/;

/**
 * Đồng as typed, a whole number (đồng have no decimals): "1.500.000", "1,500,000", "1 500 000" or "1500000".
 * Empty stays undefined; anything else (a group not of three digits, "1.500,5") is NaN, for the schema to name.
 */
export function wholeVnd(typed: string): number | undefined {
  const s = typed.trim();
  if (!s) return undefined;
  return /^\d+$/.test(s) || GROUPED.test(s) ? Number(s.replace(/[.,\s\u00a0]/g, '')) : Number.NaN;
}

/**
 * A quantity as typed, in the page's language. Spaces group thousands. With both a dot and a comma, the last one
 * is the decimal mark ("1.234,5", "1,234.5"). One mark used more than once groups thousands ("1.000.000").
 * One mark used once is the decimal mark ("12,5", "12.5"), unless exactly three digits follow it: then the
 * language decides, as its writers do: in Vietnamese the dot groups thousands and the comma is the decimal mark
 * ("1.000" is a thousand, "1,000" one), in English the reverse. Empty or malformed: NaN, for the schema to name.
 */
export function decimal(typed: string, lang: Language = 'vi'): number {
  const s = typed.replace(/[\s\u00a0]/g, '');
  if (!/^\d+(?:[.,]\d+)*$/.test(s)) return Number.NaN;
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let point: '.' | ',' | null = null;
  if (dots > 0 && commas > 0) point = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  else if (dots + commas === 1) {
    const mark = dots > 0 ? '.' : ',';
    const thousands = /[.,]\d{3}$/.test(s) && mark === (lang === 'vi' ? '.' : ',');
    point = thousands ? null : mark;
  }
  const group = point === null ? (dots > 0 ? '.' : ',') : point === '.' ? ',' : '.';
  const at = point === null ? s.length : s.lastIndexOf(point);
  const whole = s.slice(0, at);
  const fraction = s.slice(at + 1);
  const grouped = group === '.' ? /^\d{1,3}(?:\.\d{3})+$/ : /^\d{1,3}(?:,\d{3})+$/;
  if (!/^\d+$/.test(whole) && !grouped.test(whole)) return Number.NaN;
  return Number(whole.split(group).join('') + (fraction ? `.${fraction}` : ''));
}

const given = (typed: string) => (typed.trim() ? typed : undefined);

/** The resolve body: the sanction only once a decision field is filled; a record entered before is not sent again. */
export function resolveBody(version: number, v: ResolveValues, recorded: Recorded, lang: Language = 'vi'): ResolveBody {
  const s = v.sanction;
  const decided = Boolean(s.decisionNo.trim() || s.decisionDate || s.sanctionTypes.length || s.fineVnd.trim());
  const fine = wholeVnd(s.fineVnd);
  const sanction: ResolveBody['sanction'] = decided
    ? {
        ...(recorded ? {} : { recordNo: given(s.recordNo), recordDate: given(s.recordDate) }),
        ...(s.clock && s.clock !== recorded?.clock ? { clock: s.clock as RecordBody['clock'] } : {}),
        ...(given(s.clockReason) ? { clockReason: s.clockReason } : {}),
        decisionNo: s.decisionNo,
        decisionDate: s.decisionDate,
        sanctionTypes: s.sanctionTypes as NonNullable<ResolveBody['sanction']>['sanctionTypes'],
        ...(fine === undefined ? {} : { fineVnd: fine }),
      }
    : undefined;
  const lots = v.seizedGoods.map((l) => ({
    goodsType: l.goodsType as ResolveBody['goodsType'] & string,
    ...(given(l.description) ? { description: l.description } : {}),
    quantity: decimal(l.quantity, lang),
    unit: l.unit,
    valueVnd: wholeVnd(l.valueVnd) ?? Number.NaN,
  }));
  return {
    version,
    outcome: v.outcome,
    publicOutcome: v.publicOutcome,
    ...(v.goodsType ? { goodsType: v.goodsType as ResolveBody['goodsType'] } : {}),
    typicalCase: v.typicalCase,
    ...(sanction ? { sanction } : {}),
    ...(lots.length > 0 ? { seizedGoods: lots } : {}),
  };
}
