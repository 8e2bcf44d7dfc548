import { and, asc, count, eq, inArray, like } from 'drizzle-orm';
import type { Commune, Province } from '../../shared/api/places';
import type { CommuneFlagsView } from '../../shared/api/rules';
import type { CommuneType, ProvinceType } from '../../shared/domain/places';
import { foldForSearch } from '../../shared/domain/text';
import type { Queryable } from '../db/types';
import { communesTable, provincesTable } from './places.table';

const provinceColumns = {
  code: provincesTable.code,
  name: provincesTable.name,
  type: provincesTable.type,
  landBorderCountries: provincesTable.landBorderCountries,
  coastal: provincesTable.coastal,
  communeCount: count(communesTable.code),
};

type ProvinceRow = { type: string } & Omit<Province, 'type'>;
const toProvince = (row: ProvinceRow): Province => ({ ...row, type: row.type as ProvinceType });

/** Provinces with their commune counts, in official order; `code` narrows it to one. */
async function selectProvinces(q: Queryable, code?: string): Promise<Province[]> {
  const rows = await q
    .select(provinceColumns)
    .from(provincesTable)
    .leftJoin(communesTable, eq(communesTable.provinceCode, provincesTable.code))
    .where(code === undefined ? undefined : eq(provincesTable.code, code))
    .groupBy(provincesTable.code)
    .orderBy(asc(provincesTable.sortOrder));
  return rows.map(toProvince);
}

export const findProvinces = (q: Queryable): Promise<Province[]> => selectProvinces(q);

export async function findProvince(q: Queryable, code: string): Promise<Province | undefined> {
  const [province] = await selectProvinces(q, code);
  return province;
}

/** Communes of a province in official order; `search` matches any part of the name, diacritics ignored. */
export async function findCommunes(
  q: Queryable,
  provinceCode: string,
  options: { search?: string; limit?: number } = {},
): Promise<Commune[]> {
  const folded = options.search ? foldForSearch(options.search) : '';
  // LIKE wildcards typed by a user are matched literally.
  const pattern = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await q
    .select({
      code: communesTable.code,
      provinceCode: communesTable.provinceCode,
      name: communesTable.name,
      type: communesTable.type,
      landBorder: communesTable.landBorder,
      coastal: communesTable.coastal,
      remoteOrIsland: communesTable.remoteOrIsland,
    })
    .from(communesTable)
    .where(
      and(eq(communesTable.provinceCode, provinceCode), folded ? like(communesTable.searchName, pattern) : undefined),
    )
    .orderBy(asc(communesTable.sortOrder))
    .limit(options.limit ?? 10_000);
  return rows.map((row) => ({ ...row, type: row.type as CommuneType }));
}

/** Names and provinces of some communes, by code: for showing and checking rules and jurisdictions. */
export async function findCommunesByCode(
  q: Queryable,
  codes: string[],
): Promise<Map<string, { name: string; provinceCode: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await q
    .select({ code: communesTable.code, name: communesTable.name, provinceCode: communesTable.provinceCode })
    .from(communesTable)
    .where(inArray(communesTable.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, { name: r.name, provinceCode: r.provinceCode }]));
}

export async function provinceExists(q: Queryable, code: string): Promise<boolean> {
  const [row] = await q.select({ code: provincesTable.code }).from(provincesTable).where(eq(provincesTable.code, code));
  return row !== undefined;
}

const flagColumns = {
  code: communesTable.code,
  name: communesTable.name,
  provinceCode: communesTable.provinceCode,
  landBorder: communesTable.landBorder,
  coastal: communesTable.coastal,
  remoteOrIsland: communesTable.remoteOrIsland,
};

/** A commune with its flags; `lock` holds the row for an update in the same transaction. */
export async function findCommuneFlags(
  q: Queryable,
  code: string,
  { lock = false } = {},
): Promise<CommuneFlagsView | undefined> {
  const query = q.select(flagColumns).from(communesTable).where(eq(communesTable.code, code));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateCommuneFlags(
  q: Queryable,
  code: string,
  flags: Pick<CommuneFlagsView, 'landBorder' | 'coastal' | 'remoteOrIsland'>,
): Promise<void> {
  await q.update(communesTable).set(flags).where(eq(communesTable.code, code));
}

/** Whether a commune is remote or on an island (SPEC.md §5: 48 hours to accept); false for an unknown code. */
export async function isRemoteCommune(q: Queryable, code: string): Promise<boolean> {
  const [row] = await q
    .select({ remote: communesTable.remoteOrIsland })
    .from(communesTable)
    .where(eq(communesTable.code, code));
  return row?.remote ?? false;
}
