import type { UnitDetail } from '../../shared/api/rules';
import type { PlaceType } from '../../shared/domain/place-types';
import type { JurisdictionInput, UnitDutyContacts, UnitInput } from '../../shared/schemas/rules';
import { appendAudit } from '../auth/auth.repository';
import type { StaffUser } from '../auth/auth.service';
import type { Queryable } from '../db/types';
import type { AppDeps } from '../deps';
import { fieldIssue, validationFailed } from '../http/errors';
import { findCommunesByCode, provinceExists } from '../places/places.repository';
import { boundedRefusal } from '../routing/rules-editor.service';
import { unitClosed, unitNotFound } from './units.errors';
import {
  findOpenJurisdictions,
  findUnit,
  findUnitByCode,
  updateUnitDutyContacts,
  updateUnitInvestigates,
  updateUnitName,
} from './units.repository';

type Area = JurisdictionInput['areas'][number];
type Unit = NonNullable<Awaited<ReturnType<typeof findUnit>>>;

const time = (iso: string | undefined) => (iso ? new Date(iso) : undefined);

async function openUnit(deps: AppDeps, id: string): Promise<Unit> {
  const unit = await findUnit(deps.db, id);
  if (!unit) throw unitNotFound();
  return unit;
}

const isClosed = (unit: Unit, now: Date) => unit.validTo !== null && unit.validTo.getTime() <= now.getTime();

export async function getUnitDetail(deps: AppDeps, id: string): Promise<UnitDetail> {
  const unit = await openUnit(deps, id);
  const areas = await findOpenJurisdictions(deps.db, id);
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    force: unit.force as UnitDetail['force'],
    provinceCode: unit.provinceCode,
    level: unit.level,
    parentId: unit.parentId,
    dutyPhone: unit.dutyPhone,
    dutyEmail: unit.dutyEmail,
    investigates: unit.investigates,
    validFrom: unit.validFrom.toISOString(),
    validTo: unit.validTo?.toISOString() ?? null,
    areas: areas.map((a) => ({
      ...a,
      placeTypes: a.placeTypes as PlaceType[] | null,
      validFrom: a.validFrom.toISOString(),
    })),
  };
}

/** Each area names a province that exists and, if a commune, a commune of that province. */
async function checkAreas(q: Queryable, areas: Area[]): Promise<void> {
  const communes = await findCommunesByCode(
    q,
    areas.flatMap((a) => (a.communeCode ? [a.communeCode] : [])),
  );
  const issues = [];
  for (const [i, area] of areas.entries()) {
    if (!(await provinceExists(q, area.provinceCode)))
      issues.push(fieldIssue(['areas', i, 'provinceCode'], 'province_unknown'));
    if (!area.communeCode) continue;
    const commune = communes.get(area.communeCode);
    if (!commune) issues.push(fieldIssue(['areas', i, 'communeCode'], 'commune_unknown'));
    else if (commune.provinceCode !== area.provinceCode)
      issues.push(fieldIssue(['areas', i, 'communeCode'], 'commune_not_in_province'));
  }
  if (issues.length > 0) throw validationFailed(issues);
}

const audit =
  (deps: AppDeps, staff: StaffUser, action: string, subject: string, data: Record<string, unknown>) =>
  (tx: Queryable) =>
    appendAudit(tx, { at: deps.clock.now(), action, actorId: staff.id, subject: `unit:${subject}`, data });

/**
 * Issue #7, admins: a new unit with its jurisdiction, validated with the whole country (SPEC.md §4:
 * a change that makes routing ambiguous or leaves a force without a unit is refused, nothing written).
 */
export async function createUnit(deps: AppDeps, staff: StaffUser, input: UnitInput): Promise<UnitDetail> {
  const issues = [];
  if (await findUnitByCode(deps.db, input.unitCode)) issues.push(fieldIssue(['unitCode'], 'unit_code_taken'));
  if (!(await provinceExists(deps.db, input.provinceCode)))
    issues.push(fieldIssue(['provinceCode'], 'province_unknown'));
  if (input.parentId && !(await findUnit(deps.db, input.parentId)))
    issues.push(fieldIssue(['parentId'], 'unit_unknown'));
  if (input.investigates && input.force !== 'police') issues.push(fieldIssue(['investigates'], 'unit_not_police'));
  if (issues.length > 0) throw validationFailed(issues);
  await checkAreas(deps.db, input.areas);
  const { effectiveFrom, unitCode, ...unit } = input;
  await boundedRefusal(() =>
    deps.routing.changeUnits(
      { effectiveFrom: time(effectiveFrom), openUnits: [{ ...unit, code: unitCode }] },
      audit(deps, staff, 'unit_opened', unitCode, { ...unit }),
    ),
  );
  const created = await findUnitByCode(deps.db, unitCode);
  if (!created) throw new Error('unit not created');
  return getUnitDetail(deps, created.id);
}

/**
 * A new name from now on. Stored decisions keep the name they were made with (routing_decisions),
 * so old reports still show the old one.
 */
export async function renameUnit(deps: AppDeps, staff: StaffUser, id: string, name: string): Promise<UnitDetail> {
  const unit = await openUnit(deps, id);
  await deps.db.transaction(async (tx) => {
    await updateUnitName(tx, id, name);
    await audit(deps, staff, 'unit_renamed', unit.code, { from: unit.name, to: name })(tx);
  });
  deps.routing.invalidate();
  return getUnitDetail(deps, id);
}

/** Issue #17: sets a unit's duty hotline and duty mailbox (audited; the address is not copied into the audit log). */
export async function setDutyContacts(
  deps: AppDeps,
  staff: StaffUser,
  id: string,
  contacts: UnitDutyContacts,
): Promise<UnitDetail> {
  const unit = await openUnit(deps, id);
  await deps.db.transaction(async (tx) => {
    await updateUnitDutyContacts(tx, id, contacts);
    await audit(deps, staff, 'unit_duty_contacts', unit.code, {
      dutyPhone: contacts.dutyPhone,
      dutyEmail: contacts.dutyEmail !== null,
    })(tx);
  });
  return getUnitDetail(deps, id);
}

/**
 * Issue #18: marks a police unit as an investigating body (or no longer), audited. Reports already handed to it
 * stay with it; only the hand-off's picker and check change. Other forces: 400 naming `investigates`.
 */
export async function setInvestigates(
  deps: AppDeps,
  staff: StaffUser,
  id: string,
  investigates: boolean,
): Promise<UnitDetail> {
  const unit = await openUnit(deps, id);
  if (investigates && unit.force !== 'police')
    throw validationFailed([fieldIssue(['investigates'], 'unit_not_police')]);
  await deps.db.transaction(async (tx) => {
    await updateUnitInvestigates(tx, id, investigates);
    await audit(deps, staff, 'unit_investigates', unit.code, { from: unit.investigates, to: investigates })(tx);
  });
  return getUnitDetail(deps, id);
}

/** Closes a unit from `effectiveFrom` (default now); refused when its communes would be left without a unit of its force. */
export async function closeUnit(
  deps: AppDeps,
  staff: StaffUser,
  id: string,
  effectiveFrom?: string,
): Promise<UnitDetail> {
  const unit = await openUnit(deps, id);
  if (unit.validTo !== null || isClosed(unit, deps.clock.now())) throw unitClosed();
  await boundedRefusal(() =>
    deps.routing.changeUnits(
      { effectiveFrom: time(effectiveFrom), closeUnits: [unit.code] },
      audit(deps, staff, 'unit_closed', unit.code, { effectiveFrom: effectiveFrom ?? null }),
    ),
  );
  return getUnitDetail(deps, id);
}

/** Replaces what a unit covers from `effectiveFrom`; the old rows close then, so old decisions stay explainable. */
export async function setJurisdiction(
  deps: AppDeps,
  staff: StaffUser,
  id: string,
  input: JurisdictionInput,
): Promise<UnitDetail> {
  const unit = await openUnit(deps, id);
  if (unit.validTo !== null) throw unitClosed();
  await checkAreas(deps.db, input.areas);
  const before = await findOpenJurisdictions(deps.db, id);
  await boundedRefusal(() =>
    deps.routing.changeUnits(
      { effectiveFrom: time(input.effectiveFrom), setJurisdictions: [{ unitCode: unit.code, areas: input.areas }] },
      audit(deps, staff, 'unit_jurisdiction_changed', unit.code, {
        from: before.map(({ provinceCode, communeCode, placeTypes }) => ({ provinceCode, communeCode, placeTypes })),
        to: input.areas,
      }),
    ),
  );
  return getUnitDetail(deps, id);
}
