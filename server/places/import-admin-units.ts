import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { count, sql } from 'drizzle-orm';
import { z } from 'zod';
import { COMMUNE_TYPES, PROVINCE_TYPES } from '../../shared/domain/places';
import { foldForSearch } from '../../shared/domain/text';
import type { Queryable } from '../db/types';
import { ADMIN_UNITS_DIR } from '../paths';
import { communesTable, provincesTable } from './places.table';

const provinceRowSchema = z.object({
  province_code: z.string().regex(/^\d{2}$/),
  province_name: z.string().min(1),
  province_type: z.enum(PROVINCE_TYPES),
  land_border_countries: z.string(),
  coastal: z.enum(['true', 'false']),
  communes_total: z.coerce.number().int().positive(),
});

const communeRowSchema = z.object({
  province_code: z.string().regex(/^\d{2}$/),
  commune_code: z.string().regex(/^\d{5}$/),
  commune_name: z.string().min(1),
  commune_type: z.enum(COMMUNE_TYPES),
});

interface AdminUnits {
  provinces: (typeof provincesTable.$inferInsert)[];
  communes: (typeof communesTable.$inferInsert)[];
}

function readCsv<S extends z.ZodType>(file: string, schema: S): z.infer<S>[] {
  const records = parse(readFileSync(path.join(ADMIN_UNITS_DIR, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as unknown[];
  return records.map((record, i) => {
    const result = schema.safeParse(record);
    if (!result.success) throw new Error(`${file} row ${i + 2}: ${result.error.message}`);
    return result.data;
  });
}

/**
 * Reads the 34 provinces and 3,321 communes of 1 July 2025 (server/places/data/admin-units, see its
 * SOURCE.md) and checks them against each other. Commune flags are defaults derived from the
 * province until coordinators load the official border-commune lists: every commune of a land-border
 * province is `land_border`, of a coastal province `coastal`; the 13 đặc khu are `remote_or_island`.
 */
function readAdminUnits(): AdminUnits {
  const provinceRows = readCsv('provinces-2025.csv', provinceRowSchema);
  const communeRows = readCsv('communes-2025.csv', communeRowSchema);
  const byCode = new Map(provinceRows.map((p) => [p.province_code, p]));

  const perProvince = new Map<string, number>();
  const communes = communeRows.map((row, i) => {
    const province = byCode.get(row.province_code);
    if (!province) throw new Error(`communes-2025.csv row ${i + 2}: unknown province ${row.province_code}`);
    perProvince.set(row.province_code, (perProvince.get(row.province_code) ?? 0) + 1);
    return {
      code: row.commune_code,
      provinceCode: row.province_code,
      name: row.commune_name.normalize('NFC'),
      type: row.commune_type,
      searchName: foldForSearch(row.commune_name),
      landBorder: province.land_border_countries !== '',
      coastal: province.coastal === 'true',
      remoteOrIsland: row.commune_type === 'dac_khu',
      sortOrder: i,
    };
  });
  for (const province of provinceRows) {
    const found = perProvince.get(province.province_code) ?? 0;
    if (found !== province.communes_total) {
      throw new Error(`${province.province_name}: ${found} communes listed, ${province.communes_total} expected`);
    }
  }

  const provinces = provinceRows.map((row, i) => ({
    code: row.province_code,
    name: row.province_name.normalize('NFC'),
    type: row.province_type,
    landBorderCountries: row.land_border_countries ? row.land_border_countries.split(';') : [],
    coastal: row.coastal === 'true',
    sortOrder: i,
  }));
  return { provinces, communes };
}

/**
 * Loads the administrative units into a database that has none, in one transaction, so a start
 * that dies half-way leaves no partial list. A database that has them is left alone without
 * reading the files: flags that coordinators corrected are never overwritten by a restart.
 */
export async function importAdminUnits(q: Queryable): Promise<{ provinces: number; communes: number }> {
  const [row] = await q.select({ n: count() }).from(provincesTable);
  if ((row?.n ?? 0) > 0) return { provinces: 0, communes: 0 };
  const { provinces, communes } = readAdminUnits();
  await q.transaction(async (tx) => {
    await tx.insert(provincesTable).values(provinces);
    // Batches keep each statement well under PostgreSQL's 65,535 bind parameters.
    const batch = 500;
    for (let i = 0; i < communes.length; i += batch) {
      await tx.insert(communesTable).values(communes.slice(i, i + batch));
    }
  });
  await q.execute(sql`analyze communes`);
  return { provinces: provinces.length, communes: communes.length };
}
