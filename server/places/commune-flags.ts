import { communeFlagsResponseSchema, type CommuneFlagsView } from '../../shared/api/rules';
import { communeFlagsSchema, communeParamsSchema, type CommuneFlags } from '../../shared/schemas/rules';
import { appendAudit } from '../auth/auth.repository';
import type { StaffUser } from '../auth/auth.service';
import { scopeOf } from '../auth/scope';
import type { AppDeps } from '../deps';
import { apiRouter, defineRoute, type ApiRouter } from '../http/define-route';
import { staffOf } from '../http/staff-api';
import { communeNotFound } from '../routing/routing.errors';
import { findCommuneFlags, updateCommuneFlags } from './places.repository';

/**
 * SPEC.md §4: coordinators maintain a commune's flags, a province's coordinator only in that
 * province (elsewhere: 404). `land_border`/`coastal` decide the border-area warning of routing, whose
 * cache follows the generation the communes trigger bumps; `remote_or_island` gives later reports
 * 48 hours to accept (read at each receipt). Audited with the flags before and after.
 */
export async function setCommuneFlags(
  deps: AppDeps,
  staff: StaffUser,
  code: string,
  flags: CommuneFlags,
): Promise<CommuneFlagsView> {
  const updated = await deps.db.transaction(async (tx) => {
    const before = await findCommuneFlags(tx, code, { lock: true });
    if (!before || !(await scopeOf(tx, staff)).reachesProvince(before.provinceCode)) throw communeNotFound();
    const after = { ...before, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) };
    const { landBorder, coastal, remoteOrIsland } = after;
    await updateCommuneFlags(tx, code, { landBorder, coastal, remoteOrIsland });
    const pick = (f: CommuneFlagsView) => ({
      landBorder: f.landBorder,
      coastal: f.coastal,
      remoteOrIsland: f.remoteOrIsland,
    });
    await appendAudit(tx, {
      at: deps.clock.now(),
      action: 'commune_flags_changed',
      actorId: staff.id,
      subject: `commune:${code}`,
      data: { from: pick(before), to: pick(after) },
    });
    return after;
  });
  deps.routing.invalidate();
  return updated;
}

export function communeFlagsRoutes(deps: AppDeps): ApiRouter {
  const api = apiRouter();
  defineRoute(api, {
    method: 'patch',
    path: '/communes/:communeCode/flags',
    operationId: 'setCommuneFlags',
    tags: ['routing'],
    summary:
      'Coordinators (a province coordinator in their province): set `landBorder`, `coastal`, `remoteOrIsland`; counts for reports received from then on; audited with before and after',
    access: ['coordinator'],
    request: { params: communeParamsSchema, body: communeFlagsSchema },
    response: { description: 'The commune with its flags', schema: communeFlagsResponseSchema },
    errors: [400, 401, 403, 404],
    handler: ({ params, body }, _req, res) => setCommuneFlags(deps, staffOf(res.locals), params.communeCode, body),
  });
  return api;
}
