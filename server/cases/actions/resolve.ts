import { hasNoInvestigatingBody } from '../crime';
import type { CaseActionInput } from '../../../shared/schemas/cases';
import { queueReporterNotice } from '../../alerts/reporter-notice-queue';
import { fieldIssue, validationFailed } from '../../http/errors';
import { sanctionDueAt } from '../../holidays/calendar';
import type { ReportChanges } from '../cases.repository';
import {
  findCrimeTrack,
  findSanction,
  insertSeizedGoods,
  upsertSanction,
  type ReportSanction,
} from '../results.repository';
import { addEvent, moveAlong, type ActionContext, type ActionHandler } from './context';
import { futureDayIssues, needsClockReason } from './record-violation';

type ResolveInput = CaseActionInput<'resolve'>;
type Issue = ReturnType<typeof fieldIssue>;

/** The sanction as it will be stored: the record from the input, else the one entered before with record-violation. */
function sanctionIssues(
  sanction: NonNullable<ResolveInput['sanction']>,
  recorded: ReportSanction | undefined,
): Issue[] {
  const issues: Issue[] = [];
  const recordDate = sanction.recordDate ?? recorded?.recordDate;
  if (!(sanction.recordNo ?? recorded?.recordNo)) issues.push(fieldIssue(['sanction', 'recordNo'], 'record_required'));
  if (!recordDate) issues.push(fieldIssue(['sanction', 'recordDate'], 'record_required'));
  const clock = sanction.clock ?? recorded?.clock ?? 'standard';
  if (needsClockReason(clock) && !(sanction.clockReason ?? (sanction.clock ? undefined : recorded?.clockReason)))
    issues.push(fieldIssue(['sanction', 'clockReason'], 'clock_reason_required'));
  const hasFine = sanction.sanctionTypes.includes('fine');
  if (hasFine && sanction.fineVnd === undefined) issues.push(fieldIssue(['sanction', 'fineVnd'], 'fine_required'));
  if (hasFine && sanction.fineVnd === 0) issues.push(fieldIssue(['sanction', 'fineVnd'], 'fine_required'));
  if (!hasFine && sanction.fineVnd !== undefined) issues.push(fieldIssue(['sanction', 'fineVnd'], 'fine_without_type'));
  if (new Set(sanction.sanctionTypes).size !== sanction.sanctionTypes.length)
    issues.push(fieldIssue(['sanction', 'sanctionTypes'], 'duplicate_value'));
  if (recordDate && sanction.decisionDate < recordDate)
    issues.push(fieldIssue(['sanction', 'decisionDate'], 'decision_before_record'));
  return issues;
}

/**
 * Issue #18: what the outcome calls for (violation_handled: the sanction decision; goods_seized: at least one
 * seized lot; criminal_case: the hand-off to an investigating body; no_prosecution: its decision not to
 * prosecute), each missing one a 400 naming the field, all of them at once.
 */
async function checkResults(ctx: ActionContext, input: ResolveInput, recorded: ReportSanction | undefined) {
  const issues: Issue[] = [];
  if (input.sanction) {
    issues.push(
      ...futureDayIssues(ctx, input.sanction.recordDate, ['sanction', 'recordDate']),
      ...futureDayIssues(ctx, input.sanction.decisionDate, ['sanction', 'decisionDate']),
      ...sanctionIssues(input.sanction, recorded),
    );
  }
  if (input.outcome === 'violation_handled' && !input.sanction)
    issues.push(fieldIssue(['sanction'], 'sanction_required'));
  if (input.outcome === 'goods_seized' && !input.seizedGoods?.length)
    issues.push(fieldIssue(['seizedGoods'], 'seized_goods_required'));
  const crime = await findCrimeTrack(ctx.tx, ctx.report.id);
  // SPEC.md §4–5: a report flagged with signs of a crime must be passed to an investigating body first, whatever
  // its outcome (a tip about the police's own officers excepted: it has no body to go to).
  const mustHandOver =
    input.outcome === 'criminal_case' || (crime !== undefined && !hasNoInvestigatingBody(ctx.report));
  if (mustHandOver && !crime?.handedOverAt) issues.push(fieldIssue(['outcome'], 'crime_handoff_required'));
  if (input.outcome === 'no_prosecution' && crime?.decision !== 'not_prosecuted')
    issues.push(fieldIssue(['outcome'], 'no_prosecution_decision_required'));
  if (issues.length > 0) throw validationFailed(issues);
}

/** Writes the sanction (record and decision) in the caller's transaction. */
async function saveSanction(
  ctx: ActionContext,
  sanction: NonNullable<ResolveInput['sanction']>,
  recorded: ReportSanction | undefined,
) {
  const recordNo = sanction.recordNo ?? recorded?.recordNo ?? '';
  const recordDate = sanction.recordDate ?? recorded?.recordDate ?? '';
  const clock = sanction.clock ?? recorded?.clock ?? 'standard';
  const sameClock = recorded && recorded.recordDate === recordDate && recorded.clock === clock;
  return upsertSanction(ctx.tx, {
    reportId: ctx.report.id,
    recordNo,
    recordDate,
    clock,
    clockReason: sanction.clockReason ?? (sanction.clock ? null : (recorded?.clockReason ?? null)),
    dueAt: sameClock ? recorded.dueAt : await sanctionDueAt(ctx.tx, recordDate, clock),
    recordedBy: recorded?.recordedBy ?? ctx.who.actor,
    recordedAt: recorded?.recordedAt ?? ctx.who.at,
    decisionNo: sanction.decisionNo,
    decisionDate: sanction.decisionDate,
    sanctionTypes: sanction.sanctionTypes,
    fineVnd: sanction.fineVnd ?? null,
  });
}

/**
 * accepted or verifying → resolved. The public outcome is the event's body: the tracking page shows it (SPEC.md
 * §5); a reporter who asked to be told gets a mail that there is news (issue #17). Issue #18: the results as
 * data (sanction, seized goods, goods type, typical case) in the same transaction, never in the public event.
 */
export const resolve: ActionHandler<'resolve'> = async (ctx, input) => {
  const { outcome, publicOutcome, sanction, seizedGoods = [] } = input;
  const recorded = await findSanction(ctx.tx, ctx.report.id);
  await checkResults(ctx, input, recorded);
  const changes: ReportChanges = { outcome, nextDueAt: null };
  const goodsType = input.goodsType ?? ctx.report.goodsType ?? seizedGoods[0]?.goodsType;
  if (goodsType !== undefined) changes.goodsType = goodsType;
  if (input.typicalCase !== undefined) changes.typicalCase = input.typicalCase;
  const outcomeOf = await moveAlong(ctx, 'resolve', changes, { body: publicOutcome, data: { outcome } });
  const saved = sanction ? await saveSanction(ctx, sanction, recorded) : undefined;
  await insertSeizedGoods(
    ctx.tx,
    seizedGoods.map((lot) => ({
      reportId: ctx.report.id,
      goodsType: lot.goodsType,
      description: lot.description ?? null,
      quantity: lot.quantity,
      unit: lot.unit,
      valueVnd: lot.valueVnd,
      recordedBy: ctx.who.actor,
      recordedAt: ctx.who.at,
    })),
  );
  if (saved || seizedGoods.length > 0)
    await addEvent(ctx, {
      type: 'results_recorded',
      public: false,
      data: {
        decisionNo: saved?.decisionNo ?? null,
        sanctionTypes: saved?.sanctionTypes ?? [],
        fineVnd: saved?.fineVnd ?? null,
        seizedLots: seizedGoods.length,
        seizedValueVnd: seizedGoods.reduce((sum, lot) => sum + lot.valueVnd, 0),
      },
    });
  await queueReporterNotice(ctx.tx, ctx.deps, ctx.report, 'result', ctx.who.at);
  return outcomeOf;
};
