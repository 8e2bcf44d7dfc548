import { AppError, fieldIssue, validationFailed } from '../../http/errors';
import { appendAudit } from '../../auth/auth.repository';
import { forbidden } from '../../http/staff-api';
import { openContact } from '../../reports/receipt';
import {
  approvalFresh,
  findOpenRevealRequests,
  insertRevealRequest,
  markRevealRequestUsed,
  REVEAL_APPROVAL_HOURS,
} from '../reveal-requests';
import { addEvent, type ActionContext, type ActionHandler, type ActionOutcome } from './context';

/**
 * Issue #18: 409 after the request is stored (cases.service.ts throws it once the transaction has committed):
 * the contact of a tip about officials opens only with a second coordinator's approval.
 */
export const awaitingApproval = (requestId: string) =>
  new AppError('case.reveal_awaiting_approval', 409, { hours: REVEAL_APPROVAL_HOURS }, [], {}, { requestId });

/** The reporter's contact, opened with a reason: an event on the report and a line in the audit log. */
async function open(ctx: ActionContext, reason: string, data: Record<string, unknown> = {}): Promise<ActionOutcome> {
  const { report, who } = ctx;
  if (!report.contactSealed) throw validationFailed([fieldIssue(['reason'], 'no_contact')]);
  const contact = openContact(report.contactSealed, ctx.deps.secrets.contactEncryptionKey);
  await addEvent(ctx, { type: 'contact_revealed', public: false, body: reason, data });
  await appendAudit(ctx.tx, {
    at: who.at,
    action: 'contact_revealed',
    actorId: ctx.staff.id,
    subject: `report:${report.trackingCode}`,
    data: { reason, ...data },
  });
  return { report, contact };
}

/**
 * Issue #18 (SPEC.md §4): on a tip about officials only a coordinator in scope reveals, and only with another
 * coordinator's fresh approval of their own request. Without one, the request is recorded (or the one waiting
 * is kept) and the answer is 409.
 */
async function revealMisconduct(ctx: ActionContext, reason: string): Promise<ActionOutcome> {
  const { report, staff, who } = ctx;
  if (!ctx.relations.has('coordinator')) throw forbidden();
  const mine = (await findOpenRevealRequests(ctx.tx, report.id)).filter((r) => r.requestedBy === staff.id);
  const approved = mine.find((r) => approvalFresh(r, who.at));
  if (approved) {
    await markRevealRequestUsed(ctx.tx, approved.id, who.at);
    return open(ctx, reason, { requestId: approved.id, approvedBy: approved.approvedBy });
  }
  const waiting = mine.find((r) => r.approvedAt === null);
  if (waiting) return { report, refusal: awaitingApproval(waiting.id) };
  const request = await insertRevealRequest(ctx.tx, {
    reportId: report.id,
    requestedBy: staff.id,
    requestedAt: who.at,
    reason,
  });
  await addEvent(ctx, {
    type: 'contact_reveal_requested',
    public: false,
    body: reason,
    data: { requestId: request.id },
  });
  await appendAudit(ctx.tx, {
    at: who.at,
    action: 'contact_reveal_requested',
    actorId: staff.id,
    subject: `report:${report.trackingCode}`,
    data: { requestId: request.id, reason },
  });
  return { report, refusal: awaitingApproval(request.id) };
}

export const revealContact: ActionHandler<'reveal-contact'> = async (ctx, { reason }) => {
  if (!ctx.report.hasContact || !ctx.report.contactSealed)
    throw validationFailed([fieldIssue(['reason'], 'no_contact')]);
  return ctx.report.misconduct ? revealMisconduct(ctx, reason) : open(ctx, reason);
};
