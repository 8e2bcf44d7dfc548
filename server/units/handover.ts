import { and, eq, inArray, or } from 'drizzle-orm';
import type { Category } from '../../shared/domain/categories';
import { OPEN_STATUSES } from '../../shared/domain/lifecycle';
import type { PlaceType } from '../../shared/domain/place-types';
import { notify } from '../alerts/notify';
import { NO_TRANSFER, updateReport } from '../cases/transitions';
import type { Queryable } from '../db/types';
import type { AppDeps } from '../deps';
import { insertEvent } from '../reports/reports.repository';
import { reportsTable } from '../reports/reports.table';
import { decide } from '../routing/decision';
import type { CompiledRouting } from '../routing/compile';
import { insertDecision } from '../routing/routing.repository';
import { findStandingOffice } from './standing-offices';

/** Where a closed unit's reports go: one unit the admin named, or the unit the routing picks for each. */
export type Receiver = { unitId: string; unitName: string } | { routing: () => CompiledRouting; at: Date };

export interface HandOverSummary {
  handedOver: number;
  transfersCancelled: number;
}

/**
 * Issue #18: when a unit closes (dissolved or merged), each of its open reports (it leads them) goes to the
 * receiving unit with a `transferred` event naming the reason, nobody assigned, any pending transfer of it dropped;
 * the new lead is told (`routed`). Transfers waiting for the closed unit are cancelled (`transfer_cancelled`).
 * Coordinations stay as history; the deadlines stay as they were (as a moved lead, SPEC.md §5).
 * In the caller's transaction (the unit change's): nothing half-written.
 */
export async function handOverReports(
  deps: AppDeps,
  tx: Queryable,
  input: { closedUnitId: string; receiver: Receiver; reason: string; actor: string },
): Promise<HandOverSummary> {
  const at = deps.clock.now();
  const reports = await tx
    .select()
    .from(reportsTable)
    .where(
      and(
        // Resolved but not yet archived too: someone must be able to close them (issue #18 review).
        inArray(reportsTable.status, [...OPEN_STATUSES, 'resolved']),
        or(eq(reportsTable.leadUnitId, input.closedUnitId), eq(reportsTable.transferToUnitId, input.closedUnitId)),
      ),
    )
    .orderBy(reportsTable.receivedAt)
    .for('update');
  let routing: CompiledRouting | undefined;
  const summary: HandOverSummary = { handedOver: 0, transfersCancelled: 0 };
  for (const report of reports) {
    const event = { reportId: report.id, at, actor: input.actor, public: false, body: input.reason };
    if (report.leadUnitId !== input.closedUnitId) {
      await updateReport(tx, report, NO_TRANSFER);
      await insertEvent(tx, {
        ...event,
        type: 'transfer_cancelled',
        data: { toUnitId: input.closedUnitId, unitClosed: true },
      });
      summary.transfersCancelled += 1;
      continue;
    }
    let to: { unitId: string; unitName: string; routingDecisionId?: string };
    // A tip about officials that a coordinator had given to this unit goes back to its province's standing
    // office, whatever the admin named or the routing would pick: it must never reach the implicated force.
    const office = report.misconduct ? await findStandingOffice(tx, report.provinceCode) : undefined;
    if (office) to = { unitId: office.id, unitName: office.name };
    else if ('unitId' in input.receiver) to = input.receiver;
    else {
      routing ??= input.receiver.routing();
      const result = decide(
        routing,
        { ...report, category: report.category as Category, placeType: report.placeType as PlaceType },
        input.receiver.at,
      );
      // The change passed the validator: every commune and province has a lead of every force.
      if (!result.ok) throw new Error(`no unit to hand report ${report.trackingCode} to`);
      to = {
        unitId: result.decision.lead.unitId,
        unitName: result.decision.lead.unitName,
        routingDecisionId: await insertDecision(tx, result.decision),
      };
    }
    await updateReport(tx, report, { ...NO_TRANSFER, leadUnitId: to.unitId, assignedTo: null });
    await insertEvent(tx, {
      ...event,
      type: 'transferred',
      data: {
        fromUnitId: report.leadUnitId,
        toUnitId: to.unitId,
        toUnitName: to.unitName,
        decided: true,
        unitClosed: true,
        ...(to.routingDecisionId ? { routingDecisionId: to.routingDecisionId } : {}),
      },
    });
    await notify(deps, tx, {
      kind: 'routed',
      reportId: report.id,
      audience: office ? { coordinatorsOf: report.provinceCode } : { unitId: to.unitId },
      at,
    });
    summary.handedOver += 1;
  }
  return summary;
}
