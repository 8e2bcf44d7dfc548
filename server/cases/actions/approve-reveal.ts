import { AppError, fieldIssue, validationFailed } from '../../http/errors';
import { appendAudit } from '../../auth/auth.repository';
import { approveRevealRequest, findOpenRevealRequests } from '../reveal-requests';
import { addEvent, type ActionHandler } from './context';

/** Issue #18: the coordinator who asked cannot be the second one. */
const selfApproval = () => new AppError('case.reveal_self_approval', 403);

/**
 * Issue #18 (SPEC.md §4): a second coordinator whose scope holds the report's province (may-act.ts) approves a
 * request to reveal the reporter of a tip about officials: the one named, else the newest waiting one of another
 * coordinator. The asker then opens the contact with `reveal-contact` (reveal-contact.ts). Audited; no public event.
 */
export const approveReveal: ActionHandler<'approve-reveal'> = async (ctx, { requestId }) => {
  const { report, staff, who } = ctx;
  if (!report.misconduct) throw validationFailed([fieldIssue(['requestId'], 'no_reveal_request')]);
  const waiting = (await findOpenRevealRequests(ctx.tx, report.id)).filter((r) => r.approvedAt === null);
  const request = requestId
    ? waiting.find((r) => r.id === requestId)
    : (waiting.find((r) => r.requestedBy !== staff.id) ?? waiting[0]);
  if (!request) throw validationFailed([fieldIssue(['requestId'], 'no_reveal_request')]);
  if (request.requestedBy === staff.id) throw selfApproval();
  await approveRevealRequest(ctx.tx, request.id, staff.id, who.at);
  await addEvent(ctx, {
    type: 'contact_reveal_approved',
    public: false,
    data: { requestId: request.id, requestedBy: request.requestedBy },
  });
  await appendAudit(ctx.tx, {
    at: who.at,
    action: 'contact_reveal_approved',
    actorId: staff.id,
    subject: `report:${report.trackingCode}`,
    data: { requestId: request.id, requestedBy: request.requestedBy },
  });
  return { report };
};
