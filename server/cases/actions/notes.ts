import { addEvent, type ActionHandler } from './context';

/**
 * An internal note, never shown to the reporter; coordinating units read the lead's notes only when
 * shared (SPEC.md §7). It adds to the record without changing the report.
 */
export const notes: ActionHandler<'notes'> = async (ctx, { text, shared }) => {
  await addEvent(ctx, {
    type: 'note',
    public: false,
    body: text,
    data: { unitId: ctx.staff.unit?.id ?? null, shared },
  });
  return { report: ctx.report };
};
