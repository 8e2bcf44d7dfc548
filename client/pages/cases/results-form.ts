import type { z } from 'zod';
import type { CaseViewBody } from '../../../shared/api/cases';
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

/** "1.500.000" or "1 500 000" đồng as typed: a whole number; "12,5" kg: a decimal. Empty stays undefined. */
export const wholeVnd = (typed: string) => (typed.trim() ? Number(typed.replace(/[.\s]/g, '')) : undefined);
export const decimal = (typed: string) => (typed.trim() ? Number(typed.replace(',', '.')) : Number.NaN);
const given = (typed: string) => (typed.trim() ? typed : undefined);

/** The resolve body: the sanction only once a decision field is filled; a record entered before is not sent again. */
export function resolveBody(version: number, v: ResolveValues, recorded: Recorded): ResolveBody {
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
    quantity: decimal(l.quantity),
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
