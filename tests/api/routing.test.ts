import { eq, sql } from 'drizzle-orm';
import request from 'supertest';
import { queryRows } from '../../server/db/query-rows';
import { AppError } from '../../server/http/errors';
import { communesTable } from '../../server/places/places.table';
import { findDecision } from '../../server/routing/routing.repository';
import { createRouting } from '../../server/routing/routing.service';
import { routingRuleSetsTable } from '../../server/routing/routing.table';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

const TRA_LINH = '01447';
const HOURS = 3_600_000;
const later = (hours: number) => new Date(FIXED_NOW.getTime() + hours * HOURS);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const preview = (body: object, lang?: string) => {
  const req = request(t.app).post('/api/public/routing/preview');
  return (lang ? req.set('Accept-Language', lang) : req).send(body);
};

async function hanoiCommune(): Promise<string> {
  const [row] = await t.deps.db
    .select({ code: communesTable.code })
    .from(communesTable)
    .where(eq(communesTable.provinceCode, '01'))
    .limit(1);
  if (!row) throw new Error('no commune in Hà Nội');
  return row.code;
}

/** Expects a routing refusal and returns its report. */
async function refusal(promise: Promise<unknown>, code: string): Promise<Record<string, unknown>> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return (err as AppError).details as Record<string, unknown>;
}

/** Drizzle wraps the database's error: the trigger's words are in its cause. */
async function expectRefusedByDatabase(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(err?.cause?.message ?? err?.message).toMatch(pattern);
}

describe('POST /api/public/routing/preview', () => {
  it('sends smuggling at the Trà Lĩnh border gate to the customs office of that gate, with the border post and commune police', async () => {
    const res = await preview({ category: 'smuggling', placeType: 'border_gate', communeCode: TRA_LINH });
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toMatchObject({
      lead: { force: 'customs', unitName: 'Hải quan cửa khẩu Trà Lĩnh' },
      coordinating: [
        { force: 'border', unitName: 'Đồn Biên phòng Trà Lĩnh' },
        { force: 'police', unitName: 'Công an xã Trà Lĩnh' },
      ],
      warnings: [],
    });
    expect(res.body.lead.unitId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.explanation).toBe(
      'Hải quan chủ trì: loại địa bàn «Cửa khẩu, lối mở»; ' +
        'đơn vị Hải quan cửa khẩu Trà Lĩnh phụ trách «Cửa khẩu, lối mở» tại xã Trà Lĩnh. ' +
        'Phối hợp: Đồn Biên phòng Trà Lĩnh (Bộ đội Biên phòng); Công an xã Trà Lĩnh (Công an).',
    );
    const en = await preview({ category: 'smuggling', placeType: 'border_gate', communeCode: TRA_LINH }, 'en');
    expect(en.body.explanation).toMatch(
      /^Customs leads: place type “Land border gate or crossing”; unit Hải quan cửa khẩu Trà Lĩnh covers/,
    );
  });

  it('shows a citizen no rule key, rule-set version or internal code (issue #14)', async () => {
    for (const lang of ['vi', 'en']) {
      const res = await preview({ category: 'counterfeit', placeType: 'online', provinceCode: '04' }, lang);
      expect(res.status).toBe(200);
      expect(res.body).not.toHaveProperty('ruleId');
      expect(res.body).not.toHaveProperty('ruleSetVersion');
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/national\/|province-\d|@\d|quy tắc|\brule\b/);
    }
  });

  it('routes an online report without a commune to the province-wide unit of its province', async () => {
    const res = await preview({ category: 'counterfeit', placeType: 'online', provinceCode: '04' });
    expect(res.status).toBe(200);
    expect(res.body.lead).toMatchObject({ force: 'market', unitName: 'Chi cục Quản lý thị trường tỉnh Cao Bằng' });
    expect(res.body.coordinating).toEqual([
      expect.objectContaining({ force: 'police', unitName: 'Phòng Cảnh sát kinh tế, Công an tỉnh Cao Bằng' }),
    ]);
    expect(res.body.explanation).toBe(
      'Quản lý thị trường chủ trì: loại địa bàn «Website, sàn TMĐT, mạng xã hội»; đơn vị Chi cục Quản lý thị trường tỉnh Cao Bằng phụ trách toàn tỉnh Cao Bằng. ' +
        'Phối hợp: Phòng Cảnh sát kinh tế, Công an tỉnh Cao Bằng (Công an).',
    );
    const banned = await preview({ category: 'banned_goods', placeType: 'online', provinceCode: '04' }, 'en');
    expect(banned.body.lead).toMatchObject({
      force: 'police',
      unitName: 'Phòng Cảnh sát kinh tế, Công an tỉnh Cao Bằng',
    });
  });

  it('asks for the province of an online report and the commune of any other, and refuses an unknown province', async () => {
    const online = await preview({ category: 'counterfeit', placeType: 'online' });
    expect(online.status).toBe(400);
    expect(online.body.error.fields).toEqual([
      { field: 'provinceCode', message: 'Tỉnh/thành phố: bắt buộc phải nhập' },
    ]);
    const market = await preview({ category: 'counterfeit', placeType: 'market', provinceCode: '04' });
    expect(market.body.error.fields).toEqual([{ field: 'communeCode', message: 'Xã/phường: bắt buộc phải nhập' }]);
    const nowhere = await preview({ category: 'counterfeit', placeType: 'online', provinceCode: '99' }, 'en');
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.error.code).toBe('province.not_found');
  });

  it('routes border-area smuggling in Hà Nội to the city police by its own rule, with a warning for the coordinator', async () => {
    const res = await preview(
      { category: 'smuggling', placeType: 'border_area', communeCode: await hanoiCommune() },
      'en',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      lead: { force: 'police', unitName: 'Phòng Cảnh sát kinh tế, Công an thành phố Hà Nội' },
      warnings: [
        {
          code: 'border_area_outside_border_commune',
          message: expect.stringContaining('is not flagged as a land-border or coastal commune'),
        },
      ],
    });
    expect(res.body.coordinating.map((c: { force: string }) => c.force)).toEqual(['customs', 'market']);
  });

  it('names every bad field in Vietnamese, or in English on request', async () => {
    const res = await preview({ category: 'weapons', placeType: 'moon' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'category',
      'communeCode',
      'placeType',
    ]);
    expect(res.body.error.fields.find((f: { field: string }) => f.field === 'category').message).toBe(
      'Lĩnh vực vi phạm: hãy chọn một mục trong danh sách',
    );
    expect(res.body.error.fields.find((f: { field: string }) => f.field === 'communeCode').message).toBe(
      'Xã/phường: bắt buộc phải nhập',
    );
    const en = await preview({ category: 'smuggling', placeType: 'market', communeCode: '1447' }, 'en');
    expect(en.status).toBe(400);
    expect(en.body.error.fields).toEqual([{ field: 'communeCode', message: expect.stringContaining('Commune') }]);
  });

  it('answers 404 for a commune that does not exist', async () => {
    const res = await preview({ category: 'smuggling', placeType: 'market', communeCode: '99999' }, 'en');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'commune.not_found', message: 'No commune has this code.' });
  });
});

describe('validation of the demo data', () => {
  it('finds no gap and no overlap in 3,321 communes × 9 categories × 7 place types', async () => {
    const report = await t.deps.routing.validate();
    expect(report).toMatchObject({
      ok: true,
      cellsChecked: 209_223,
      provinceCellsChecked: 34 * 9,
      gapCells: 0,
      overlapCells: 0,
      problems: [],
    });
    expect(report.provinces).toHaveLength(34);
  });

  it('checks the province rows of online reports too: a gap there is reported like a commune one', async () => {
    const report = await refusal(
      t.deps.routing.publishRuleSet({
        scope: 'province',
        provinceCode: '01',
        note: 'wrong: Hà Nội has no border guard',
        rules: [{ placeType: 'online', category: '*', lead: 'border', coordinating: [] }],
      }),
      'routing.invalid',
    );
    // Every commune of Hà Nội and the province row, 9 categories each.
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from communes where province_code = '01'`,
    );
    // (The new version replaces Hà Nội's border-area rules too, so those cells are reported as well.)
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        kind: 'no_unit',
        force: 'border',
        rules: ['province-01/online/*'],
        cells: (n + 1) * 9,
      }),
    );
  });
});

describe('publishing', () => {
  const ruleSetCount = async () =>
    (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from routing_rule_sets`))[0]?.n;

  it('refuses a Hà Nội rule that names the border guard, with the cells it would leave without a unit, and writes nothing', async () => {
    const before = await ruleSetCount();
    const report = await refusal(
      t.deps.routing.publishRuleSet({
        scope: 'province',
        provinceCode: '01',
        note: 'wrong: Hà Nội has no border guard',
        rules: [{ placeType: 'border_area', category: '*', lead: 'border', coordinating: [] }],
      }),
      'routing.invalid',
    );
    expect(report).toMatchObject({ ok: false, gapCells: 126 * 9 });
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'no_unit',
        force: 'border',
        rules: ['province-01/border_area/*'],
        examples: expect.arrayContaining([expect.objectContaining({ provinceCode: '01', placeType: 'border_area' })]),
      }),
    ]);
    expect(await ruleSetCount()).toBe(before);
  });

  it('refuses a commune rule in a national rule set, or one of another province, naming the rule', async () => {
    const national = await refusal(
      t.deps.routing.publishRuleSet({
        scope: 'national',
        note: 'x',
        rules: [{ placeType: 'market', category: '*', lead: 'police', coordinating: [], communeCode: TRA_LINH }],
      }),
      'validation_failed',
    );
    expect(national).toBeUndefined();
    const err = await t.deps.routing
      .publishRuleSet({
        scope: 'province',
        provinceCode: '82',
        note: 'x',
        rules: [{ placeType: 'market', category: '*', lead: 'police', coordinating: [], communeCode: TRA_LINH }],
      })
      .catch((e: unknown) => e as AppError);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).issues.map((i) => i.path.join('.'))).toEqual(['rules.0.communeCode']);
  });

  it('refuses an effective time in the past', async () => {
    await refusal(
      t.deps.routing.publishRuleSet({ scope: 'province', provinceCode: '04', note: 'late', rules: [] }, later(-1)),
      'routing.past_effective_time',
    );
  });

  it('routes new reports by a newly published version while old decisions keep theirs, unchanged', async () => {
    const input = { category: 'counterfeit', placeType: 'market', communeCode: TRA_LINH } as const;
    const old = await t.deps.db.transaction((tx) => t.deps.routing.decideAndRecord(tx, input));
    expect(old.decision).toMatchObject({
      ruleKey: 'national/market/*',
      lead: { unitName: 'Đội Quản lý thị trường số 2' },
    });
    const storedBefore = await findDecision(t.deps.db, old.id);

    const published = await t.deps.routing.publishRuleSet(
      {
        scope: 'province',
        provinceCode: '04',
        note: 'counterfeit goods in Cao Bằng markets: police lead (test)',
        rules: [{ placeType: 'market', category: 'counterfeit', lead: 'police', coordinating: ['market'] }],
      },
      later(1),
    );
    expect(published).toMatchObject({ version: 1, status: 'published' });

    expect((await t.deps.routing.decide(input)).ruleKey).toBe('national/market/*');
    const fresh = await t.deps.routing.decide(input, later(2));
    expect(fresh).toMatchObject({
      ruleKey: 'province-04/market/counterfeit',
      ruleSetVersion: 'province-04@1',
      lead: { unitName: 'Công an xã Trà Lĩnh' },
    });
    expect(fresh.coordinating.map((c) => c.unitName)).toEqual(['Đội Quản lý thị trường số 2']);

    expect(await findDecision(t.deps.db, old.id)).toEqual(storedBefore);
    await expectRefusedByDatabase(
      t.deps.db.execute(sql`update routing_decisions set lead_unit_name = 'x' where id = ${old.id}`),
      /immutable/,
    );
    await expectRefusedByDatabase(
      t.deps.db.execute(sql`delete from routing_decisions where id = ${old.id}`),
      /immutable/,
    );
    await expectRefusedByDatabase(
      t.deps.db.execute(sql`update routing_rules set lead_force = 'police' where rule_set_id = ${published.id}`),
      /published rule set cannot be changed/,
    );
    await expectRefusedByDatabase(
      t.deps.db
        .update(routingRuleSetsTable)
        .set({ effectiveFrom: FIXED_NOW })
        .where(eq(routingRuleSetsTable.id, published.id)),
      /published rule set cannot be changed/,
    );
  });

  it('lets another server process see a publish at its next stored decision', async () => {
    const other = createRouting({ db: t.deps.db, clock: { now: () => later(3) } });
    const input = { category: 'poor_quality', placeType: 'online', communeCode: TRA_LINH } as const;
    expect((await t.deps.routing.decide(input, later(4))).lead.force).toBe('market');
    await other.publishRuleSet(
      {
        scope: 'province',
        provinceCode: '04',
        note: 'online shops of Cao Bằng: police (test)',
        rules: [{ placeType: 'online', category: '*', lead: 'police', coordinating: [] }],
      },
      later(3),
    );
    const recorded = await t.deps.db.transaction((tx) => t.deps.routing.decideAndRecord(tx, input, later(4)));
    expect(recorded.decision).toMatchObject({ ruleSetVersion: 'province-04@2', lead: { force: 'police' } });
  });
});

describe('unit changes', () => {
  it('refuses to close the province market unit of Cao Bằng: most of its communes would have no market unit', async () => {
    const report = await refusal(
      t.deps.routing.changeUnits({ closeUnits: ['market-04'], effectiveFrom: later(5) }),
      'routing.invalid',
    );
    expect(report.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'no_unit', force: 'market' })]),
    );
  });

  it('closes a commune police unit from a given time: its commune falls back to the province police', async () => {
    const input = { category: 'smuggling', placeType: 'transport_route', communeCode: TRA_LINH } as const;
    await t.deps.routing.changeUnits({ closeUnits: ['police-04-tra-linh'], effectiveFrom: later(6) });
    expect((await t.deps.routing.decide(input, later(5))).lead.unitName).toBe('Công an xã Trà Lĩnh');
    const after = await t.deps.routing.decide(input, later(7));
    expect(after.lead.unitName).toBe('Phòng Cảnh sát kinh tế, Công an tỉnh Cao Bằng');
    expect(after.explanation.vi).toContain('phụ trách toàn tỉnh Cao Bằng, vì xã Trà Lĩnh không có đơn vị riêng');
  });

  it('refuses two market teams at the same level in one commune, naming both', async () => {
    const report = await refusal(
      t.deps.routing.changeUnits({
        effectiveFrom: later(8),
        openUnits: [
          {
            code: 'market-04-doi-9',
            force: 'market',
            provinceCode: '04',
            level: 'local',
            name: 'Đội Quản lý thị trường số 9',
            areas: [{ provinceCode: '04', communeCode: TRA_LINH }],
          },
        ],
      }),
      'routing.invalid',
    );
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'unit_overlap',
        force: 'market',
        level: 'local',
        units: ['market-04-doi-2', 'market-04-doi-9'],
        cells: 7,
      }),
    ]);
  });
});
