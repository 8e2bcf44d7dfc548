import { sql } from 'drizzle-orm';
import { isOpen, OPEN_STATUSES } from '../../shared/domain/lifecycle';
import { STATUSES } from '../../shared/domain/statuses';
import { queryRows } from '../../server/db/query-rows';
import { createTestApp, type TestApp } from '../helpers/test-app';

// The open statuses are listed once in code (shared/domain/lifecycle.ts) and, since migrations are
// never edited, once more in SQL: report_is_open() of migration 0011 and the partial index the queue
// counts from. These tests keep the copies equal.
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the open statuses', () => {
  it('are the same for report_is_open() in the database as for isOpen in code, status by status', async () => {
    const inDatabase: Record<string, boolean | undefined> = {};
    for (const status of STATUSES) {
      const [row] = await queryRows<{ open: boolean }>(t.deps.db, sql`select report_is_open(${status}) as open`);
      inDatabase[status] = row?.open;
    }
    expect(inDatabase).toEqual(Object.fromEntries(STATUSES.map((status) => [status, isOpen(status)])));
  });

  it('are the statuses of the partial index the queue counts from (reports_open_idx)', async () => {
    const [row] = await queryRows<{ predicate: string }>(
      t.deps.db,
      sql`select pg_get_expr(i.indpred, i.indrelid) as predicate from pg_index i where i.indexrelid = 'reports_open_idx'::regclass`,
    );
    const listed = [...(row?.predicate ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(listed).toEqual([...OPEN_STATUSES]);
  });
});
