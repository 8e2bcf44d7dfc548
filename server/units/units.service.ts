import type { UnitDetail } from '../../shared/api/rules';
import type { PlaceType } from '../../shared/domain/place-types';
import type { ClosedUnit } from '../../shared/api/rules';
import type { JurisdictionInput, UnitClose, UnitDutyContacts, UnitInput, UnitMerge } from '../../shared/schemas/rules';
import { DEFAULT_LANGUAGE, t } from '../../shared/i18n/translate';
import { handOverReports, type HandOverSummary } from './handover';
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
  countOpenInvestigations,
  moveOpenInvestigations,
  moveStaffAccounts,
  reparentUnits,
  updateUnitDutyContacts,
  updateUnitInvestigates,
  updateUnitName,
} from './units.repository';

type Area = JurisdictionInput['areas'][number];
type Unit = NonNullable<Awaited<ReturnType<typeof findUnit>>>;

const time = (iso: string | undefined) => (iso ? new Date(iso) : undefined);

async function openUnit(deps: AppDeps, id: string): Promise<Unit> {
  const unit = await findUnit(deps.db, id);
  // Issue #18: a standing office is managed by prepareDatabase, not as a unit of a force.
  if (!unit || unit.kind !== 'force') throw unitNotFound();
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
  // Issue #18: nothing is placed beneath a standing office (a unit above sees the reports of those beneath).
  if (input.parentId && (await findUnit(deps.db, input.parentId))?.kind !== 'force')
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

/** A unit that takes another's reports: exists, still open, not the unit itself (else a 400 naming `field`). */
async function receivingUnit(deps: AppDeps, field: string, id: string, closing: Unit): Promise<Unit> {
  const unit = await findUnit(deps.db, id);
  // A standing office takes only tips about officials, which go back to it by themselves (handover.ts).
  if (!unit || unit.kind !== 'force' || isClosed(unit, deps.clock.now()) || unit.validTo !== null)
    throw validationFailed([fieldIssue([field], 'unit_unknown')]);
  if (unit.id === closing.id) throw validationFailed([fieldIssue([field], 'unit_same')]);
  return unit;
}

/**
 * Issue #18: an investigating body with hand-offs not yet decided closes only into another investigating body,
 * named (`handTo` / `intoUnitId`), which takes them over (its clock as it was); else 400 naming that field.
 */
async function investigationsReceiver(
  deps: AppDeps,
  closing: Unit,
  receiver: Unit | undefined,
  field: string,
): Promise<Unit | undefined> {
  if (!closing.investigates || (await countOpenInvestigations(deps.db, closing.id)) === 0) return undefined;
  if (!receiver?.investigates) throw validationFailed([fieldIssue([field], 'unit_investigations_open')]);
  return receiver;
}

/**
 * Closes a unit from `effectiveFrom` (default now); refused when its communes would be left without a unit of its
 * force. Issue #18: in the same transaction its open reports go to `handTo`, or each to the unit the routing picks
 * once the close takes effect, with a `transferred` event ("Đơn vị … giải thể"); transfers waiting for it are
 * cancelled; its coordinations stay as history.
 */
export async function closeUnit(
  deps: AppDeps,
  staff: StaffUser,
  id: string,
  input: UnitClose = {},
): Promise<ClosedUnit> {
  const unit = await openUnit(deps, id);
  if (unit.validTo !== null || isClosed(unit, deps.clock.now())) throw unitClosed();
  const handTo = input.handTo ? await receivingUnit(deps, 'handTo', input.handTo, unit) : undefined;
  const investigations = await investigationsReceiver(deps, unit, handTo, 'handTo');
  const reason = t(DEFAULT_LANGUAGE, 'units.handover.closed', { unit: unit.name });
  let summary: HandOverSummary = { handedOver: 0, transfersCancelled: 0 };
  await boundedRefusal(() =>
    deps.routing.changeUnits(
      { effectiveFrom: time(input.effectiveFrom), closeUnits: [unit.code] },
      async (tx, after) => {
        summary = await handOverReports(deps, tx, {
          closedUnitId: unit.id,
          receiver: handTo ? { unitId: handTo.id, unitName: handTo.name } : after,
          reason,
          actor: staff.id,
        });
        if (investigations) await moveOpenInvestigations(tx, unit.id, investigations.id);
        await audit(deps, staff, 'unit_closed', unit.code, {
          effectiveFrom: input.effectiveFrom ?? null,
          handTo: handTo?.code ?? null,
          ...summary,
        })(tx);
      },
    ),
  );
  return { ...(await getUnitDetail(deps, id)), ...summary };
}

/** An area once, however many of the two units covered it. */
const areaKey = (a: Area) => JSON.stringify([a.provinceCode, a.communeCode ?? null, [...(a.placeTypes ?? [])].sort()]);

/**
 * Issue #18 (SPEC.md §4, merging units): the unit closes into another of the same force, which takes its
 * jurisdiction from `effectiveFrom` (the old rows closed then: old decisions stay explainable), its open
 * reports (each a `transferred` event, "Đơn vị … sáp nhập vào …") and its staff accounts. One transaction.
 */
export async function mergeUnit(deps: AppDeps, staff: StaffUser, id: string, input: UnitMerge): Promise<ClosedUnit> {
  const unit = await openUnit(deps, id);
  if (unit.validTo !== null || isClosed(unit, deps.clock.now())) throw unitClosed();
  const into = await receivingUnit(deps, 'intoUnitId', input.intoUnitId, unit);
  if (into.force !== unit.force) throw validationFailed([fieldIssue(['intoUnitId'], 'unit_other_force')]);
  const investigations = await investigationsReceiver(deps, unit, into, 'intoUnitId');
  const toArea = (a: { provinceCode: string; communeCode: string | null; placeTypes: string[] | null }): Area => ({
    provinceCode: a.provinceCode,
    communeCode: a.communeCode,
    placeTypes: a.placeTypes as PlaceType[] | null,
  });
  const areas = new Map<string, Area>();
  for (const a of [...(await findOpenJurisdictions(deps.db, into.id)), ...(await findOpenJurisdictions(deps.db, id))])
    areas.set(areaKey(toArea(a)), toArea(a));
  const reason = t(DEFAULT_LANGUAGE, 'units.handover.merged', { unit: unit.name, into: into.name });
  let summary: HandOverSummary = { handedOver: 0, transfersCancelled: 0 };
  await boundedRefusal(() =>
    deps.routing.changeUnits(
      {
        effectiveFrom: time(input.effectiveFrom),
        closeUnits: [unit.code],
        setJurisdictions: [{ unitCode: into.code, areas: [...areas.values()] }],
      },
      async (tx) => {
        summary = await handOverReports(deps, tx, {
          closedUnitId: unit.id,
          receiver: { unitId: into.id, unitName: into.name },
          reason,
          actor: staff.id,
        });
        const moved = await moveStaffAccounts(tx, unit.id, into.id);
        // The units beneath it now sit beneath the unit it merged into (its staff moved there keep seeing them).
        await reparentUnits(tx, unit, into.id);
        if (investigations) await moveOpenInvestigations(tx, unit.id, investigations.id);
        await audit(deps, staff, 'unit_merged', unit.code, {
          into: into.code,
          effectiveFrom: input.effectiveFrom ?? null,
          staffMoved: moved,
          ...summary,
        })(tx);
      },
    ),
  );
  return { ...(await getUnitDetail(deps, id)), ...summary };
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
