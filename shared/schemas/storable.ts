import { z } from 'zod';

/**
 * Building blocks for inputs that reach the database (issue #15): each refuses, with the field named,
 * what PostgreSQL cannot hold or would hold as something else, before any query runs.
 */

/** PostgreSQL's `integer` (int4): an id or a version past it is an error in the query, not a miss. */
export const INT4_MAX = 2_147_483_647;

// A NUL cannot be stored in a PostgreSQL text (22021); an unpaired surrogate is silently turned into
// U+FFFD on the way to the database, so what was sent would not be what is stored.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;

/** A string the database can store as it was sent. Use it instead of `z.string()` for any request field. */
export const text = () =>
  z.string().refine((v) => !UNSTORABLE.test(v), { params: { key: 'validation.unstorable_character' }, abort: true });

/** A positive id or count held in an `integer` column; `coerce` for path and query parameters. */
export const positiveInt = ({ coerce = false }: { coerce?: boolean } = {}) =>
  (coerce ? z.coerce.number() : z.number()).int().min(1).max(INT4_MAX);

/**
 * The times the product accepts: 2000-01-01 to the end of 2099. Nothing it records happened before
 * 2000 (the 389 steering committee dates from 2008; a phone whose clock was reset says 1970 or 1980),
 * and the same years bound every statistics period; without a floor, `0000-01-01T00:00:00+14:00` is a
 * year JavaScript holds but PostgreSQL's timestamps do not (22008).
 */
export const TIME_FLOOR = new Date('2000-01-01T00:00:00Z');
export const TIME_CEILING = new Date('2100-01-01T00:00:00Z');
export const isStorableTime = (d: Date) => d.getTime() >= TIME_FLOOR.getTime() && d.getTime() < TIME_CEILING.getTime();

/** An ISO 8601 time with its offset, between TIME_FLOOR and TIME_CEILING, kept as the string sent. */
// zod runs a refinement even after the format check failed: only a well-formed value is judged here.
export const isoTime = () =>
  z.iso.datetime({ offset: true }).refine((v) => Number.isNaN(Date.parse(v)) || isStorableTime(new Date(v)), {
    params: { key: 'validation.period_out_of_range' },
    abort: true,
  });

/** A calendar day `yyyy-mm-dd` in the same years. */
export const isoDay = () =>
  z.iso.date().refine((v) => !/^\d{4}-\d\d-\d\d$/.test(v) || (v >= '2000-01-01' && v <= '2099-12-31'), {
    params: { key: 'validation.period_out_of_range' },
    abort: true,
  });

/** A uuid as PostgreSQL's `uuid` reads it (a regex like `/^[0-9a-f-]{36}$/` lets 36 dashes through). */
export const isUuid = (v: unknown): v is string => z.uuid().safeParse(v).success;
