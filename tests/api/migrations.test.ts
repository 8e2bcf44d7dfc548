import { count, sql } from 'drizzle-orm';
import { prepareDatabase } from '../../server/bootstrap';
import { queryRows } from '../../server/db/query-rows';
import { communesTable, provincesTable, unitsTable } from '../../server/db/schema';
import { seedDemo } from '../../server/demo/seed-demo';
import { VIETNAM_HOLIDAYS } from '../../server/holidays/holidays-vn';
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

  it('copies the holidays written in code into the calendar, and never brings back a day a coordinator removed or changed', async () => {
    const testDb = await createTestDatabase();
    const { db } = testDb.database;
    const calendar = () =>
      queryRows<{ day: string; kind: string; name: string }>(
        db,
        sql`select day, kind, name from holidays order by day`,
      );
    try {
      expect(await calendar()).toEqual(VIETNAM_HOLIDAYS.map(({ date, kind, name }) => ({ day: date, kind, name })));
      await db.execute(sql`delete from holidays where day = '2026-09-02'`);
      await db.execute(sql`update holidays set name = 'Tết (đã sửa)' where day = '2027-02-05'`);
      await prepareDatabase(testDb.database);
      const after = await calendar();
      expect(after.find((h) => h.day === '2026-09-02')).toBeUndefined();
      expect(after.find((h) => h.day === '2027-02-05')?.name).toBe('Tết (đã sửa)');
      expect(after).toHaveLength(VIETNAM_HOLIDAYS.length - 1);
    } finally {
      await testDb.destroy();
    }
  });
});
