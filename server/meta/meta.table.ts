import { integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * The code lists of SPEC.md §2–3 as rows, so that reports, rules and units can reference them.
 * shared/domain holds the codes and shared/i18n the labels; the start-up sync copies both here.
 */
const codeList = (name: string) =>
  pgTable(name, {
    code: text('code').primaryKey(),
    labelVi: text('label_vi').notNull(),
    labelEn: text('label_en').notNull(),
    sortOrder: integer('sort_order').notNull(),
  });

export const forcesTable = codeList('forces');
export const categoriesTable = codeList('categories');
export const placeTypesTable = codeList('place_types');
