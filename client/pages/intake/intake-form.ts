import { CATEGORIES } from '../../../shared/domain/categories';
import type { DeskChannel } from '../../../shared/domain/channels';
import { PLACE_TYPES } from '../../../shared/domain/place-types';
import type { z } from 'zod';
import type { duplicateSearchInputSchema } from '../../../shared/schemas/duplicates';
import type { TypedPlace } from '../../../shared/schemas/intake';
import type { routingPreviewInputSchema } from '../../../shared/schemas/routing';
import { REPORT_FIELDS } from '../../../shared/schemas/report';
import { typedNow, typedToIso } from '../../lib/datetime';

/**
 * A form's body as typed, blanks left out: the shared schema checked it before sending (intakeReportInputSchema,
 * appendCallInputSchema) and the server parses it again.
 */
export type FormBody = Record<string, string | boolean>;
export type DuplicateSearch = z.input<typeof duplicateSearchInputSchema>;
export type RoutingInput = z.input<typeof routingPreviewInputSchema>;

/** What the console's inputs hold: text as typed (times `14:05 23/11/2026`), the anonymity and urgent boxes. */
export type IntakeValues = {
  /** Issue #18: how the report reached the desk; a call has a line and times, the others `receivedAt`. */
  channel: DeskChannel;
  receivedAt: string;
  line: string;
  callStartedAt: string;
  callEndedAt: string;
  callerNumber: string;
  callerAnonymous: boolean;
  category: string;
  placeType: string;
  provinceCode: string;
  communeCode: string;
  address: string;
  url: string;
  sellerHandle: string;
  observedAt: string;
  description: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  /** Issue #17: "Việc đang diễn ra, cần xử lý ngay". */
  urgent: boolean;
  /** Issue #18: a tip about officials, and the force it names ('' when not known). */
  misconduct: boolean;
  implicatedForce: string;
};

/** Every input of the form, in the order a refusal is looked at (the first named gets the focus). */
export const INTAKE_FIELDS = [
  'channel',
  'line',
  'receivedAt',
  'callStartedAt',
  'callEndedAt',
  'callerNumber',
  'callerAnonymous',
  ...REPORT_FIELDS,
  'urgent',
  'misconduct',
  'implicatedForce',
] as const satisfies readonly (keyof IntakeValues)[];

/** A new call: it started now, and so did what the caller saw, until the operator types otherwise. */
export const blankCall = (line: string, channel: DeskChannel = 'hotline'): IntakeValues => ({
  channel,
  receivedAt: typedNow(),
  line,
  callStartedAt: typedNow(),
  callEndedAt: '',
  callerNumber: '',
  callerAnonymous: false,
  category: '',
  placeType: '',
  provinceCode: '',
  communeCode: '',
  address: '',
  url: '',
  sellerHandle: '',
  observedAt: typedNow(),
  description: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  urgent: false,
  misconduct: false,
  implicatedForce: '',
});

/** The call's fields as the API takes them; an empty end time means "now", when the operator saves. */
export function callPayload(values: IntakeValues) {
  return {
    line: values.line,
    callStartedAt: typedToIso(values.callStartedAt),
    callEndedAt: values.callEndedAt ? typedToIso(values.callEndedAt) : new Date().toISOString(),
    callerNumber: values.callerAnonymous ? '' : values.callerNumber,
    callerAnonymous: values.callerAnonymous,
  };
}

/** Leaves out what was not typed: the API reads an absent field, not an empty one, as "not given". */
export function withoutBlanks(values: FormBody): FormBody {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
}

/**
 * The report as `POST /api/staff/intake/reports` takes it: a call with its line and times, any other desk channel
 * (issue #18) with when it was received and nothing of a call.
 */
export function reportPayload(values: IntakeValues): FormBody {
  const {
    receivedAt,
    line: _l,
    callStartedAt: _s,
    callEndedAt: _e,
    callerNumber: _n,
    callerAnonymous: _a,
    ...report
  } = values;
  const observedAt = typedToIso(values.observedAt);
  // Issue #18: the force named goes only with a tip about officials.
  const implicatedForce = values.misconduct ? values.implicatedForce : '';
  if (values.channel === 'hotline')
    return withoutBlanks({ ...report, ...callPayload(values), observedAt, implicatedForce });
  return withoutBlanks({ ...report, receivedAt: typedToIso(receivedAt), observedAt, implicatedForce });
}

/** SPEC.md §3: an online seller may be known by its province only (issue #14). */
const provinceOnly = (values: Pick<IntakeValues, 'placeType' | 'communeCode' | 'provinceCode'>) =>
  values.placeType === 'online' && !values.communeCode && Boolean(values.provinceCode);

/** The place of the call being typed: the server opens the reports its duplicates panel shows with it (issue #15). */
export function typedPlace(values: Pick<IntakeValues, 'placeType' | 'communeCode' | 'provinceCode'>): TypedPlace {
  if (values.communeCode) return { communeCode: values.communeCode };
  return provinceOnly(values) ? { provinceCode: values.provinceCode } : {};
}

/** What the routing preview needs, once category, place type and place are known; else null. */
export function routingInput(
  values: Pick<IntakeValues, 'category' | 'placeType' | 'communeCode' | 'provinceCode'> & { misconduct?: boolean },
): RoutingInput | null {
  // Issue #18: a tip about officials goes to the standing office: no unit to preview.
  if (values.misconduct) return null;
  const place = typedPlace(values);
  const category = CATEGORIES.find((c) => c === values.category);
  const placeType = PLACE_TYPES.find((p) => p === values.placeType);
  if (!category || !placeType || (!place.communeCode && !place.provinceCode)) return null;
  return { category, placeType, ...place };
}

/** What the duplicates search compares, once the report can be routed; else null. */
export function duplicateSearch(
  values: Pick<IntakeValues, 'category' | 'placeType' | 'communeCode' | 'provinceCode'>,
  typed: { description: string; url: string; sellerHandle: string },
): DuplicateSearch | null {
  const route = routingInput(values);
  if (!route) return null;
  const search: DuplicateSearch = { ...typedPlace(values), category: route.category };
  for (const name of ['description', 'url', 'sellerHandle'] as const) {
    const text = typed[name].trim();
    if (text) search[name] = text;
  }
  return search;
}
