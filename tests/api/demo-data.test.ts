import { and, count, eq, isNull } from 'drizzle-orm';
import { staffAccountsTable, unitJurisdictionsTable, unitsTable } from '../../server/db/schema';
import { verifyPassword } from '../../server/auth/passwords';
import { createTestDatabase, TEST_DEMO_PASSWORD, type TestDatabase } from '../helpers/test-db';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.destroy());

const provinceUnits = async (force: string) => {
  const db = testDb.database.db;
  return (
    db
      .select()
      .from(unitsTable)
      // Issue #18: the investigating bodies are province-level police units too, counted on their own below.
      .where(and(eq(unitsTable.force, force), eq(unitsTable.level, 'province'), eq(unitsTable.investigates, false)))
  );
};

describe('demo units and staff (embedded mode)', () => {
  it('has a province-level police and market-management unit in every province', async () => {
    expect(await provinceUnits('police')).toHaveLength(34);
    const market = await provinceUnits('market');
    expect(market).toHaveLength(34);
    expect(market.find((u) => u.provinceCode === '04')?.name).toBe('Chi cục Quản lý thị trường tỉnh Cao Bằng');
  });

  it('has an investigating body under the province police of Cao Bằng and Đồng Tháp (issue #18), routed nothing', async () => {
    const db = testDb.database.db;
    const bodies = await db.select().from(unitsTable).where(eq(unitsTable.investigates, true));
    const police = await provinceUnits('police');
    expect(
      bodies
        .map((b) => [b.name, b.force, police.find((p) => p.id === b.parentId)?.provinceCode])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['Cơ quan Cảnh sát điều tra Công an tỉnh Cao Bằng', 'police', '04'],
      ['Cơ quan Cảnh sát điều tra Công an tỉnh Đồng Tháp', 'police', '82'],
    ]);
    const [areas] = await db
      .select({ n: count() })
      .from(unitJurisdictionsTable)
      .innerJoin(unitsTable, eq(unitsTable.id, unitJurisdictionsTable.unitId))
      .where(eq(unitsTable.investigates, true));
    expect(areas?.n).toBe(0);
  });

  it('has a border-guard command in the 30 border or coastal provinces and none in Hà Nội', async () => {
    const border = await provinceUnits('border');
    expect(border).toHaveLength(30);
    expect(border.map((u) => u.provinceCode)).not.toContain('01');
    expect(border.find((u) => u.provinceCode === '04')?.name).toBe('Ban Chỉ huy Bộ đội Biên phòng tỉnh Cao Bằng');
  });

  it('uses the names the plans use (issue #18): Ban Chỉ huy, Hải quan khu vực XX for Đồng Tháp, Ngọc Chung over xã Trùng Khánh', async () => {
    const db = testDb.database.db;
    const units = await db.select().from(unitsTable);
    expect(units.filter((u) => u.name.includes('Bộ Chỉ huy'))).toEqual([]);
    const areasOf = async (code: string) => {
      const unit = units.find((u) => u.code === code);
      const rows = await db
        .select()
        .from(unitJurisdictionsTable)
        .where(eq(unitJurisdictionsTable.unitId, unit?.id ?? ''));
      return { name: unit?.name, areas: rows.map((r) => r.communeCode ?? r.provinceCode).sort() };
    };
    expect(await areasOf('customs-region-xx')).toEqual({ name: 'Chi cục Hải quan khu vực XX', areas: ['82', '86'] });
    expect((await areasOf('border-04-ngoc-chung')).areas).toContain('01477');
  });

  it('has 20 regional customs branches that together cover every province exactly once', async () => {
    const db = testDb.database.db;
    const regions = await db.select().from(unitsTable).where(eq(unitsTable.level, 'regional'));
    expect(regions).toHaveLength(20);
    expect(regions.every((u) => u.force === 'customs')).toBe(true);
    const covered = await db
      .select({ provinceCode: unitJurisdictionsTable.provinceCode })
      .from(unitJurisdictionsTable)
      .innerJoin(unitsTable, eq(unitsTable.id, unitJurisdictionsTable.unitId))
      .where(and(eq(unitsTable.level, 'regional'), isNull(unitJurisdictionsTable.communeCode)));
    const codes = covered.map((c) => c.provinceCode).sort();
    expect(codes).toHaveLength(34);
    expect(new Set(codes).size).toBe(34);
  });

  it('has commune-level units in Cao Bằng and Đồng Tháp under their province unit, the gate office limited to the gate', async () => {
    const db = testDb.database.db;
    const locals = await db.select().from(unitsTable).where(eq(unitsTable.level, 'local'));
    const names = locals.map((u) => u.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Công an xã Trùng Khánh',
        'Đội Quản lý thị trường số 2',
        'Đồn Biên phòng Ngọc Chung',
        'Hải quan cửa khẩu Trà Lĩnh',
      ]),
    );
    expect(new Set(locals.map((u) => u.provinceCode))).toEqual(new Set(['04', '82']));
    expect(locals.every((u) => u.parentId)).toBe(true);
    const traLinh = locals.find((u) => u.name === 'Hải quan cửa khẩu Trà Lĩnh');
    const [area] = await db
      .select()
      .from(unitJurisdictionsTable)
      .where(eq(unitJurisdictionsTable.unitId, traLinh?.id ?? ''));
    expect(area).toMatchObject({ communeCode: '01447', placeTypes: ['border_gate'] });
    const [parent] = await db
      .select()
      .from(unitsTable)
      .where(eq(unitsTable.id, traLinh?.parentId ?? ''));
    expect(parent?.name).toBe('Chi cục Hải quan khu vực VI');
  });

  it('has the sixteen demo accounts, each with a slow hash of the demo password and never the password itself', async () => {
    const db = testDb.database.db;
    const staff = await db.select().from(staffAccountsTable);
    expect(staff.map((s) => s.username).sort()).toEqual(
      [
        'admin',
        'border.cao-bang',
        'border.dong-thap',
        'coordinator',
        'coordinator.cao-bang',
        'customs.cao-bang',
        'customs.dong-thap',
        // Issue #18: the investigating bodies' officers.
        'investigator.cao-bang',
        'investigator.dong-thap',
        'market.cao-bang',
        'committee.trung-khanh',
        'lead.market.cao-bang',
        'market.dong-thap',
        'operator',
        'police.cao-bang',
        'police.dong-thap',
      ].sort(),
    );
    const police = staff.find((s) => s.username === 'police.cao-bang');
    expect(police?.passwordHash).toMatch(/^scrypt\$/);
    expect(police?.passwordHash).not.toContain(TEST_DEMO_PASSWORD);
    expect(await verifyPassword(TEST_DEMO_PASSWORD, police?.passwordHash ?? '')).toBe(true);
    expect(await verifyPassword('wrong-password', police?.passwordHash ?? '')).toBe(false);
    expect(staff.find((s) => s.username === 'coordinator.cao-bang')?.scopeProvinceCode).toBe('04');
    // Issue #18: xã Trùng Khánh's Steering Committee 389.
    expect(staff.find((s) => s.username === 'committee.trung-khanh')?.scopeCommuneCode).toBe('01477');
    const [officers] = await db
      .select({ n: count() })
      .from(staffAccountsTable)
      .where(eq(staffAccountsTable.role, 'officer'));
    expect(officers?.n).toBe(10); // Issue #18: with the two investigating bodies’ officers.
  });
});
