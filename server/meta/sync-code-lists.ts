import { sql } from 'drizzle-orm';
import { CATEGORIES } from '../../shared/domain/categories';
import { FORCES } from '../../shared/domain/forces';
import { PLACE_TYPES } from '../../shared/domain/place-types';
import { codeLabels } from '../../shared/i18n/translate';
import type { Queryable } from '../db/types';
import { categoriesTable, forcesTable, placeTypesTable } from './meta.table';

function rows(prefix: string, codes: readonly string[]) {
  return codeLabels(prefix, codes).map(({ code, labels }, sortOrder) => ({
    code,
    labelVi: labels.vi,
    labelEn: labels.en,
    sortOrder,
  }));
}

/**
 * Copies the code lists of SPEC.md §2–3 (shared/domain + shared/i18n) into their tables at every
 * start: the code is the source of truth, so labels follow a deploy.
 */
export async function syncCodeLists(q: Queryable): Promise<void> {
  const upsert = {
    labelVi: sql`excluded.label_vi`,
    labelEn: sql`excluded.label_en`,
    sortOrder: sql`excluded.sort_order`,
  };
  await q
    .insert(forcesTable)
    .values(rows('force', FORCES))
    .onConflictDoUpdate({ target: forcesTable.code, set: upsert });
  await q
    .insert(categoriesTable)
    .values(rows('category', CATEGORIES))
    .onConflictDoUpdate({ target: categoriesTable.code, set: upsert });
  await q
    .insert(placeTypesTable)
    .values(rows('place_type', PLACE_TYPES))
    .onConflictDoUpdate({ target: placeTypesTable.code, set: upsert });
}
