import { appendAudit } from '../../auth/auth.repository';
import { fieldIssue, validationFailed } from '../../http/errors';
import { openContact } from '../../reports/receipt';
import { addEvent, type ActionHandler } from './context';

/** The reporter's contact, opened for the lead unit with a reason: an event on the report and a line in the audit log. */
export const revealContact: ActionHandler<'reveal-contact'> = async (ctx, { reason }) => {
  const { report, who } = ctx;
  if (!report.hasContact || !report.contactSealed) throw validationFailed([fieldIssue(['reason'], 'no_contact')]);
  const contact = openContact(report.contactSealed, ctx.deps.secrets.contactEncryptionKey);
  await addEvent(ctx, { type: 'contact_revealed', public: false, body: reason });
  await appendAudit(ctx.tx, {
    at: who.at,
    action: 'contact_revealed',
    actorId: ctx.staff.id,
    subject: `report:${report.trackingCode}`,
    data: { reason },
  });
  return { report, contact };
};
