import { CATEGORIES, type Category } from '../../../shared/domain/categories';
import type { Force } from '../../../shared/domain/forces';
import { PLACE_TYPES, type PlaceType } from '../../../shared/domain/place-types';
import { decide } from '../../../server/routing/decision';
import { changePoints, epochOf } from '../../../server/routing/routing.model';
import { addRuleSet, addUnit, compileAt, NOW, route, smallWorld } from '../../helpers/routing-world';

const CROSS_BORDER: Category[] = ['smuggling', 'illegal_transport', 'banned_goods'];
const others = (except: Category[]) => CATEGORIES.filter((c) => !except.includes(c));

/** SPEC.md §4, the default national table, one line per row: place types, categories, lead, coordinating. */
const SPEC_TABLE: [PlaceType[], Category[], Force, Force[]][] = [
  [['border_gate', 'port_airport'], [...CATEGORIES], 'customs', ['border', 'police']],
  [['border_area'], CROSS_BORDER, 'border', ['customs', 'police']],
  [['border_area'], others(CROSS_BORDER), 'market', ['border', 'police']],
  [['transport_route'], CROSS_BORDER, 'police', ['market']],
  [['transport_route'], others(CROSS_BORDER), 'market', ['police']],
  [['market', 'production_site', 'online'], ['banned_goods'], 'police', ['market']],
  [['market', 'production_site', 'online'], others(['banned_goods']), 'market', ['police']],
];

describe('the default national rule set (SPEC.md §4)', () => {
  const world = smallWorld();
  const cases = SPEC_TABLE.flatMap(([placeTypes, categories, lead, coordinating]) =>
    placeTypes.flatMap((placeType) => categories.map((category) => [placeType, category, lead, coordinating] as const)),
  );

  it('covers all 63 category × place type pairs, each once', () => {
    expect(cases).toHaveLength(CATEGORIES.length * PLACE_TYPES.length);
    expect(new Set(cases.map(([p, c]) => `${p}|${c}`)).size).toBe(63);
  });

  it.each(cases)('%s × %s: %s leads, %j coordinate', (placeType, category, lead, coordinating) => {
    const decision = route(world, category, placeType, '00001');
    expect(decision.lead.force).toBe(lead);
    expect(decision.coordinating.map((c) => c.force)).toEqual(coordinating);
    expect(decision.ruleSetVersion).toBe('national@1');
  });
});

describe('the most specific rule wins', () => {
  it('a province rule beats the national one, a commune rule beats the province one', () => {
    const world = smallWorld();
    addRuleSet(world, {
      scope: 'province',
      provinceCode: '04',
      note: 'test',
      rules: [
        { placeType: 'market', category: 'counterfeit', lead: 'police', coordinating: [] },
        { placeType: 'market', category: 'counterfeit', lead: 'border', coordinating: [], communeCode: '00001' },
      ],
    });
    expect(route(world, 'counterfeit', 'market', '00001').lead.force).toBe('border');
    expect(route(world, 'counterfeit', 'market', '00001').ruleId).toBeGreaterThan(0);
    expect(route(world, 'counterfeit', 'market', '00001').ruleKey).toBe('commune-00001/market/counterfeit');
    expect(route(world, 'counterfeit', 'market', '00002').ruleKey).toBe('province-04/market/counterfeit');
    expect(route(world, 'counterfeit', 'market', '00011').ruleKey).toBe('national/market/*');
  });

  it('an explicit category beats `*`, an explicit place type beats `*`', () => {
    const world = smallWorld();
    addRuleSet(world, {
      scope: 'province',
      provinceCode: '04',
      note: 'test',
      rules: [
        { placeType: '*', category: '*', lead: 'police', coordinating: [] },
        { placeType: '*', category: 'ip_infringement', lead: 'market', coordinating: [] },
        { placeType: 'online', category: '*', lead: 'market', coordinating: ['police'] },
        { placeType: 'online', category: 'ip_infringement', lead: 'police', coordinating: ['market'] },
      ],
    });
    expect(route(world, 'smuggling', 'market', '00002').ruleKey).toBe('province-04/*/*');
    expect(route(world, 'ip_infringement', 'market', '00002').ruleKey).toBe('province-04/*/ip_infringement');
    expect(route(world, 'counterfeit', 'online', '00002').ruleKey).toBe('province-04/online/*');
    expect(route(world, 'ip_infringement', 'online', '00002')).toMatchObject({
      ruleKey: 'province-04/online/ip_infringement',
      lead: { force: 'police' },
    });
    expect(compileAt(world).report.ok).toBe(true);
  });
});

describe('online reports without a commune (SPEC.md §3)', () => {
  const routeProvince = (world: ReturnType<typeof smallWorld>, category: Category, provinceCode: string) => {
    const result = decide(compileAt(world), { category, placeType: 'online', provinceCode }, NOW);
    if (!result.ok) throw new Error(result.reason);
    return result.decision;
  };

  it('follow the province row: province and national rules, and a unit covering the whole province, never a commune unit', () => {
    const world = smallWorld();
    addUnit(world, 'market-team-2', 'market', 'local', [{ provinceCode: '04', communeCode: '00001' }]);
    expect(route(world, 'counterfeit', 'online', '00001').lead.unitCode).toBe('market-team-2');
    const decision = routeProvince(world, 'counterfeit', '04');
    expect(decision).toMatchObject({
      communeCode: null,
      communeName: null,
      provinceCode: '04',
      ruleKey: 'national/online/*',
      lead: { unitCode: 'market-04' },
      warnings: [],
    });
    expect(decision.explanation.vi).toContain('phụ trách toàn tỉnh Cao Bằng');
    expect(decision.publicExplanation.vi).not.toContain('national');
    expect(routeProvince(world, 'banned_goods', '04').lead.unitCode).toBe('police-04');
  });

  it('take a province rule but not a commune rule', () => {
    const world = smallWorld();
    addRuleSet(world, {
      scope: 'province',
      provinceCode: '04',
      note: 'test',
      rules: [
        { placeType: 'online', category: 'counterfeit', lead: 'police', coordinating: [] },
        { placeType: 'online', category: 'ip_infringement', lead: 'border', coordinating: [], communeCode: '00001' },
      ],
    });
    expect(routeProvince(world, 'counterfeit', '04').ruleKey).toBe('province-04/online/counterfeit');
    expect(routeProvince(world, 'ip_infringement', '04').ruleKey).toBe('national/online/*');
  });

  it('are refused for another place type or an unknown province', () => {
    const compiled = compileAt(smallWorld());
    expect(decide(compiled, { category: 'counterfeit', placeType: 'market', provinceCode: '04' }, NOW)).toEqual({
      ok: false,
      reason: 'unknown_input',
    });
    expect(decide(compiled, { category: 'counterfeit', placeType: 'online', provinceCode: '99' }, NOW)).toEqual({
      ok: false,
      reason: 'unknown_input',
    });
  });
});

describe('the validator', () => {
  it('accepts the small world as built: no gap, no overlap', () => {
    const { report } = compileAt(smallWorld());
    expect(report).toMatchObject({
      ok: true,
      gapCells: 0,
      overlapCells: 0,
      cellsChecked: 4 * 63,
      provinceCellsChecked: 2 * 9,
      problems: [],
    });
    // Three communes, plus the province row of online reports without a commune (banned goods to the police, the rest to market management).
    expect(report.provinces.find((p) => p.code === '04')?.leads).toEqual({
      police: 3 * 6 + 1,
      market: 3 * 36 + 8,
      border: 3 * 3,
      customs: 3 * 18,
    });
  });

  it('names the cells two equally specific rules disagree on', () => {
    const world = smallWorld();
    addRuleSet(world, {
      scope: 'province',
      provinceCode: '04',
      note: 'test',
      rules: [
        { placeType: '*', category: 'counterfeit', lead: 'police', coordinating: [] },
        { placeType: 'production_site', category: '*', lead: 'market', coordinating: [] },
      ],
    });
    const { report } = compileAt(world);
    expect(report.ok).toBe(false);
    expect(report.overlapCells).toBe(3);
    expect(report.problems).toEqual([
      {
        kind: 'rule_overlap',
        rules: ['province-04/*/counterfeit', 'province-04/production_site/*'],
        leads: ['police', 'market'],
        cells: 3,
        examples: ['00001', '00002', '00003'].map((communeCode) =>
          expect.objectContaining({ communeCode, category: 'counterfeit', placeType: 'production_site' }),
        ),
      },
    ]);
  });

  it('names the cells no rule matches', () => {
    const world = smallWorld();
    addRuleSet(world, { ...NATIONAL_WITHOUT_ONLINE });
    const { report } = compileAt(world);
    // Four communes and the two province rows, online × 9 categories each.
    expect(report.gapCells).toBe(4 * 9 + 2 * 9);
    const gap = report.problems.find((p) => p.kind === 'no_rule' && p.examples[0]?.communeCode === '00011');
    // The commune's 9 cells and its province's row, reported under the same cause.
    expect(gap).toMatchObject({
      cells: 18,
      examples: expect.arrayContaining([expect.objectContaining({ category: 'smuggling', placeType: 'online' })]),
    });
  });

  it('finds a gap where the lead force has no unit (no border guard in Hà Nội without its province rule)', () => {
    const world = smallWorld();
    world.ruleSets = world.ruleSets.filter((s) => s.scope === 'national');
    const { report } = compileAt(world);
    expect(report.gapCells).toBe(3);
    expect(report.problems).toEqual([
      {
        kind: 'no_unit',
        force: 'border',
        rules: [
          'national/border_area/smuggling',
          'national/border_area/illegal_transport',
          'national/border_area/banned_goods',
        ],
        cells: 3,
        examples: (['smuggling', 'illegal_transport', 'banned_goods'] as const).map((category) =>
          expect.objectContaining({ communeCode: '00011', category, placeType: 'border_area' }),
        ),
      },
    ]);
  });

  it('finds two units of one force at the same level covering one commune and place type', () => {
    const world = smallWorld();
    addUnit(world, 'market-04-doi-1', 'market', 'local', [
      { provinceCode: '04', communeCode: '00001' },
      { provinceCode: '04', communeCode: '00002' },
    ]);
    addUnit(world, 'market-04-doi-2', 'market', 'local', [{ provinceCode: '04', communeCode: '00002' }]);
    const { report } = compileAt(world);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'unit_overlap',
        force: 'market',
        level: 'local',
        units: ['market-04-doi-1', 'market-04-doi-2'],
        cells: 7,
      }),
    ]);
    expect(report.problems[0]?.examples.every((c) => c.communeCode === '00002')).toBe(true);
  });
});

const NATIONAL_WITHOUT_ONLINE = {
  scope: 'national' as const,
  note: 'test: a national rule set that forgot online shops',
  rules: [
    { placeType: 'border_gate' as const, category: '*' as const, lead: 'customs' as const, coordinating: [] },
    { placeType: 'port_airport' as const, category: '*' as const, lead: 'customs' as const, coordinating: [] },
    { placeType: 'border_area' as const, category: '*' as const, lead: 'market' as const, coordinating: [] },
    { placeType: 'transport_route' as const, category: '*' as const, lead: 'market' as const, coordinating: [] },
    { placeType: 'market' as const, category: '*' as const, lead: 'market' as const, coordinating: [] },
    { placeType: 'production_site' as const, category: '*' as const, lead: 'market' as const, coordinating: [] },
  ],
};

describe('choosing the unit', () => {
  it('takes the commune unit where there is one, and falls back to the province unit elsewhere', () => {
    const world = smallWorld();
    addUnit(world, 'police-04-tra-linh', 'police', 'local', [{ provinceCode: '04', communeCode: '00001' }]);
    const local = route(world, 'smuggling', 'transport_route', '00001');
    expect(local.lead.unitCode).toBe('police-04-tra-linh');
    expect(local.explanation.en).toContain('unit Unit police-04-tra-linh covers xã Trà Lĩnh');
    const fallback = route(world, 'smuggling', 'transport_route', '00002');
    expect(fallback.lead.unitCode).toBe('police-04');
    expect(fallback.explanation.en).toContain(
      'covers the whole of tỉnh Cao Bằng, as phường Thục Phán has no unit of this force of its own',
    );
  });

  it('sends only border-gate reports of one commune to a customs office limited to that gate', () => {
    const world = smallWorld();
    addUnit(world, 'customs-04-tra-linh', 'customs', 'local', [
      { provinceCode: '04', communeCode: '00001', placeTypes: ['border_gate'] },
    ]);
    expect(route(world, 'smuggling', 'border_gate', '00001').lead.unitCode).toBe('customs-04-tra-linh');
    expect(route(world, 'smuggling', 'port_airport', '00001').lead.unitCode).toBe('customs-vi');
    expect(route(world, 'smuggling', 'border_gate', '00002').lead.unitCode).toBe('customs-vi');
    // As coordinator too: border-area smuggling at Trà Lĩnh asks the gate office? No: it covers gates only.
    expect(route(world, 'smuggling', 'border_area', '00001').coordinating.map((c) => c.unitCode)).toEqual([
      'customs-vi',
      'police-04',
    ]);
    expect(route(world, 'smuggling', 'border_gate', '00001').explanation.en).toBe(
      'Customs leads: place type “Land border gate or crossing”, rule national/border_gate/* (national@1); ' +
        'unit Unit customs-04-tra-linh covers “Land border gate or crossing” in xã Trà Lĩnh. ' +
        'Coordinating: Unit border-04 (Border guard); Unit police-04 (Police).',
    );
    expect(route(world, 'smuggling', 'border_gate', '00001').explanation.vi).toBe(
      'Hải quan chủ trì: loại địa bàn «Cửa khẩu, lối mở», quy tắc national/border_gate/* (national@1); ' +
        'đơn vị Unit customs-04-tra-linh phụ trách «Cửa khẩu, lối mở» tại xã Trà Lĩnh. ' +
        'Phối hợp: Unit border-04 (Bộ đội Biên phòng); Unit police-04 (Công an).',
    );
  });

  it('uses a unit only inside its validity window', () => {
    const world = smallWorld();
    const closes = new Date('2026-12-01T00:00:00Z');
    addUnit(world, 'police-04-tra-linh', 'police', 'local', [{ provinceCode: '04', communeCode: '00001' }], {
      to: closes,
    });
    addUnit(world, 'police-04-tra-linh-moi', 'police', 'local', [{ provinceCode: '04', communeCode: '00001' }], {
      from: closes,
    });
    expect(route(world, 'smuggling', 'transport_route', '00001', NOW).lead.unitCode).toBe('police-04-tra-linh');
    expect(route(world, 'smuggling', 'transport_route', '00001', closes).lead.unitCode).toBe('police-04-tra-linh-moi');
    // Before the 2025 reorganisation nothing was in effect: every cell is a gap.
    expect(compileAt(world, new Date('2025-01-01T00:00:00Z')).resolve('smuggling', 'transport_route', '00001')).toEqual(
      { ok: false, reason: 'gap' },
    );
    const points = changePoints(world);
    expect(epochOf(points, NOW.getTime())).not.toBe(epochOf(points, closes.getTime()));
  });
});

describe('warnings and missing coordinators', () => {
  it('warns when border_area is chosen in a commune flagged neither land border nor coastal', () => {
    const world = smallWorld();
    expect(route(world, 'counterfeit', 'border_area', '00001').warnings).toEqual([]);
    expect(route(world, 'counterfeit', 'border_area', '00003').warnings).toEqual([]);
    const inland = route(world, 'counterfeit', 'border_area', '00002');
    expect(inland.warnings).toEqual(['border_area_outside_border_commune']);
    expect(inland.explanation.en).toContain('phường Thục Phán is not flagged as a land-border or coastal commune');
  });

  it('routes border_area in Hà Nội to the police by its province rule, and says the border guard is not asked', () => {
    const decision = route(smallWorld(), 'smuggling', 'border_area', '00011');
    expect(decision).toMatchObject({
      ruleKey: 'province-01/border_area/smuggling',
      ruleSetVersion: 'province-01@1',
      lead: { unitCode: 'police-01' },
    });
    expect(decision.coordinating.map((c) => c.unitCode)).toEqual(['customs-vi', 'market-01']);
    expect(route(smallWorld(), 'smuggling', 'border_gate', '00011').explanation.en).toContain(
      'No Border guard unit covers this place',
    );
  });
});
