import { count, sql } from 'drizzle-orm';
import { prepareDatabase } from '../../server/bootstrap';
import { queryRows } from '../../server/db/query-rows';
import { communesTable, provincesTable, unitsTable } from '../../server/db/schema';
import { seedDemo } from '../../server/demo/seed-demo';
import { createTestDatabase } from '../helpers/test-db';

describe('start-up steps are safe to repeat', () => {
  it('applies migrations, reference data and demo data a second time as a no-op', async () => {
    const testDb = await createTestDatabase();
    const { db } = testDb.database;
    try {
      const countsBefore = await Promise.all([
        db.select({ n: count() }).from(provincesTable),
        db.select({ n: count() }).from(communesTable),
        db.select({ n: count() }).from(unitsTable),
      ]);
      const migrationsBefore = await queryRows(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);

      const second = await prepareDatabase(testDb.database);
      expect(second.communesImported).toBe(0);
      expect(await seedDemo(db, { password: 'another-password' })).toBeUndefined();

      const countsAfter = await Promise.all([
        db.select({ n: count() }).from(provincesTable),
        db.select({ n: count() }).from(communesTable),
        db.select({ n: count() }).from(unitsTable),
      ]);
      const migrationsAfter = await queryRows(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(countsAfter).toEqual(countsBefore);
      expect(countsBefore.map((r) => r[0]?.n)).toEqual([34, 3321, expect.any(Number)]);
      expect(migrationsAfter).toEqual(migrationsBefore);
      expect(migrationsAfter[0]?.n).toBeGreaterThan(0);
    } finally {
      await testDb.destroy();
    }
  });

  it('keeps a commune flag that a coordinator corrected when reference data is imported again', async () => {
    const testDb = await createTestDatabase();
    const { db } = testDb.database;
    try {
      await db.execute(sql`update communes set land_border = false where code = '01273'`);
      await prepareDatabase(testDb.database);
      const rows = await queryRows(db, sql`select land_border from communes where code = '01273'`);
      expect(rows).toEqual([{ land_border: false }]);
    } finally {
      await testDb.destroy();
    }
  });
});
