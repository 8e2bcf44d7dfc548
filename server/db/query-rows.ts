import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from './types';

/** Raw SQL rows on either engine: PGlite and node-postgres both answer `{ rows }`. */
export async function queryRows<T extends Record<string, unknown>>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** `array[$1, $2…]::uuid[]`, empty or not. */
export const uuidArray = (ids: readonly string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
