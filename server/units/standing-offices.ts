import { and, eq, isNull, sql } from 'drizzle-orm';
import { inSentence } from '../../shared/domain/text';
import type { Db, Queryable } from '../db/types';
import { provincesTable } from '../places/places.table';
import { DEFAULT_RULES_EFFECTIVE_FROM } from '../routing/default-rules';
import { unitsTable } from './units.table';

/*
 * Issue #18 (SPEC.md §4): tips about enforcement officers themselves (shielding, colluding, protection rackets)
 * go to the Standing Office (Cơ quan Thường trực) of the province's Steering Committee 389, never to a unit of a
 * force. The office is a unit of kind `standing_office`, of no force, one per province; its staff are the
 * province's coordinators (SPEC.md §1), so no officer account belongs to it. Routing never sees it
 * (`loadRoutingData` reads force units only).
 */

export const standingOfficeCode = (provinceCode: string) => `standing-office-${provinceCode}`;

/** "Cơ quan Thường trực Ban Chỉ đạo 389 tỉnh Cao Bằng" from "Tỉnh Cao Bằng". */
export const standingOfficeName = (provinceName: string) =>
  `Cơ quan Thường trực Ban Chỉ đạo 389 ${inSentence(provinceName)}`;

/**
 * Creates the standing office of every province that has none; safe at every start (prepareDatabase), as the
 * default rules are. Returns how many were created.
 */
export async function ensureStandingOffices(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const missing = await tx
      .select({ code: provincesTable.code, name: provincesTable.name })
      .from(provincesTable)
      .where(
        sql`not exists (select 1 from units u where u.kind = 'standing_office' and u.province_code = ${provincesTable.code})`,
      );
    if (missing.length === 0) return 0;
    await tx.insert(unitsTable).values(
      missing.map((p) => ({
        code: standingOfficeCode(p.code),
        kind: 'standing_office' as const,
        force: null,
        provinceCode: p.code,
        level: 'province' as const,
        name: standingOfficeName(p.name),
        // Open since the 2025 reorganisation, as the default rules.
        validFrom: DEFAULT_RULES_EFFECTIVE_FROM,
      })),
    );
    return missing.length;
  });
}

/** The province's open standing office (issue #18). */
export async function findStandingOffice(
  q: Queryable,
  provinceCode: string,
): Promise<{ id: string; code: string; name: string } | undefined> {
  const [row] = await q
    .select({ id: unitsTable.id, code: unitsTable.code, name: unitsTable.name })
    .from(unitsTable)
    .where(
      and(
        eq(unitsTable.kind, 'standing_office'),
        eq(unitsTable.provinceCode, provinceCode),
        isNull(unitsTable.validTo),
      ),
    );
  return row;
}
