import { hashPassword, generatePassword } from '../auth/passwords';
import { countStaffAccounts, insertStaffAccounts } from '../auth/auth.repository';
import type { Db } from '../db/types';
import type { Province } from '../../shared/api/places';
import { inSentence } from '../../shared/domain/text';
import { findProvinces } from '../places/places.repository';
import { DEFAULT_RULES_EFFECTIVE_FROM } from '../routing/default-rules';
import {
  countUnits,
  insertJurisdictions,
  insertUnits,
  type NewJurisdiction,
  type NewUnit,
} from '../units/units.repository';
import { CUSTOMS_REGIONS, DEMO_STAFF, DETAILED_PROVINCES, INVESTIGATING_BODIES } from './demo-units';

export interface DemoLogin {
  username: string;
  role: string;
  unit?: string;
  password: string;
}

/** The lines that show demo logins once, for whichever command created them. */
export function formatDemoLogins(logins: DemoLogin[]): string[] {
  const width = Math.max(...logins.map((l) => l.username.length));
  return [
    '',
    '  Demo staff accounts (passwords are shown only this once; keep them):',
    ...logins.map((l) => `    ${l.username.padEnd(width)}  ${l.password}  ${l.role}${l.unit ? `, ${l.unit}` : ''}`),
  ];
}

const policeName = (p: Province) => `Phòng Cảnh sát kinh tế, Công an ${inSentence(p.name)}`;
const marketName = (p: Province) => `Chi cục Quản lý thị trường ${inSentence(p.name)}`;
const borderName = (p: Province) => `Ban Chỉ huy Bộ đội Biên phòng ${inSentence(p.name)}`;
/**
 * Issue #17: a made-up duty phone per demo unit (02 + the province's code + a digit per force +
 * 388 + the digit thrice), listed on the public pages and handed to urgent callers.
 */
const FORCE_DIGIT = { police: 1, market: 2, border: 3, customs: 4 } as const;
const demoDutyPhone = (provinceCode: string, force: keyof typeof FORCE_DIGIT) => {
  const n = FORCE_DIGIT[force];
  return `02${provinceCode}${n}388${n}${n}${n}`;
};

interface PlannedUnit extends NewUnit {
  parentCode?: string;
  jurisdiction: Omit<NewJurisdiction, 'unitId'>[];
}

/** SPEC.md §2 and issue #2: which demo units exist, by force and province. */
function planDemoUnits(provinces: Province[]): PlannedUnit[] {
  const units: PlannedUnit[] = [];
  // The demo units exist since the 2025 reorganisation, like the default rules.
  const since = { validFrom: DEFAULT_RULES_EFFECTIVE_FROM };
  const whole = (code: string) => [{ provinceCode: code, communeCode: null, placeTypes: null, ...since }];
  for (const p of provinces) {
    units.push({
      code: `police-${p.code}`,
      force: 'police',
      provinceCode: p.code,
      level: 'province',
      name: policeName(p),
      dutyPhone: demoDutyPhone(p.code, 'police'),
      ...since,
      jurisdiction: whole(p.code),
    });
    units.push({
      code: `market-${p.code}`,
      force: 'market',
      provinceCode: p.code,
      level: 'province',
      name: marketName(p),
      dutyPhone: demoDutyPhone(p.code, 'market'),
      ...since,
      jurisdiction: whole(p.code),
    });
    if (p.landBorderCountries.length > 0 || p.coastal) {
      units.push({
        code: `border-${p.code}`,
        force: 'border',
        provinceCode: p.code,
        level: 'province',
        name: borderName(p),
        dutyPhone: demoDutyPhone(p.code, 'border'),
        ...since,
        jurisdiction: whole(p.code),
      });
    }
  }
  for (const region of CUSTOMS_REGIONS) {
    units.push({
      code: `customs-region-${region.numeral.toLowerCase()}`,
      force: 'customs',
      provinceCode: region.provinces[0] ?? '01',
      level: 'regional',
      name: `Chi cục Hải quan khu vực ${region.numeral}`,
      dutyPhone: demoDutyPhone(region.provinces[0] ?? '01', 'customs'),
      ...since,
      jurisdiction: region.provinces.flatMap(whole),
    });
  }
  for (const [provinceCode, locals] of Object.entries(DETAILED_PROVINCES)) {
    for (const local of locals) {
      const region = CUSTOMS_REGIONS.find((r) => r.provinces.includes(provinceCode));
      units.push({
        code: local.code,
        force: local.force,
        provinceCode,
        level: 'local',
        name: local.name,
        ...since,
        parentCode:
          local.force === 'customs'
            ? `customs-region-${region?.numeral.toLowerCase()}`
            : `${local.force}-${provinceCode}`,
        jurisdiction: local.communes.map((communeCode) => ({
          provinceCode,
          communeCode,
          placeTypes: local.placeTypes ?? null,
          ...since,
        })),
      });
    }
  }
  // Issue #18: the investigating bodies, under the province police, with no jurisdiction of their own.
  for (const body of INVESTIGATING_BODIES) {
    units.push({
      code: body.code,
      force: 'police',
      provinceCode: body.provinceCode,
      level: 'province',
      name: body.name,
      investigates: true,
      ...since,
      parentCode: `police-${body.provinceCode}`,
      jurisdiction: [],
    });
  }
  return units;
}

/**
 * Loads demo units and staff into a database that has none (embedded mode, never production).
 * Returns the logins to print once; with `password` every account gets it instead of a random one.
 */
export async function seedDemo(db: Db, options: { password?: string }): Promise<DemoLogin[] | undefined> {
  return db.transaction(async (tx) => {
    if ((await countUnits(tx)) > 0 || (await countStaffAccounts(tx)) > 0) return undefined;
    const planned = planDemoUnits(await findProvinces(tx));
    const strip = ({ parentCode: _parent, jurisdiction: _area, ...unit }: PlannedUnit): NewUnit => unit;
    // Parents first, so that each local unit is inserted with its parent's id.
    const ids = await insertUnits(tx, planned.filter((u) => !u.parentCode).map(strip));
    const idOf = (code: string) => {
      const id = ids.get(code);
      if (!id) throw new Error(`demo unit ${code} missing`);
      return id;
    };
    const locals = planned.filter((u) => u.parentCode);
    const localIds = await insertUnits(
      tx,
      locals.map((u) => ({ ...strip(u), parentId: idOf(u.parentCode ?? '') })),
    );
    for (const [code, id] of localIds) ids.set(code, id);
    await insertJurisdictions(
      tx,
      planned.flatMap((unit) => unit.jurisdiction.map((j) => ({ ...j, unitId: idOf(unit.code) }))),
    );

    // Hashes run on libuv's thread pool: in parallel they cost about half the time on two cores.
    const prepared = await Promise.all(
      DEMO_STAFF.map(async (staff) => {
        const password = options.password ?? generatePassword();
        const unit = staff.unitCode ? planned.find((u) => u.code === staff.unitCode) : undefined;
        const place = unit?.name ?? staff.scopeCommune?.name;
        const login: DemoLogin = { username: staff.username, role: staff.role, unit: place, password };
        const account = {
          username: staff.username,
          displayName: staff.displayName,
          role: staff.role,
          unitId: staff.unitCode ? idOf(staff.unitCode) : null,
          scopeProvinceCode: staff.scopeProvinceCode ?? null,
          scopeCommuneCode: staff.scopeCommune?.code ?? null,
          passwordHash: await hashPassword(password),
        };
        return { login, account };
      }),
    );
    const logins = prepared.map((p) => p.login);
    const accounts = prepared.map((p) => p.account);
    await insertStaffAccounts(tx, accounts);
    return logins;
  });
}
