import { updateReport } from '../transitions';
import { addEvent, notAllowed, type ActionHandler } from './context';

/**
 * Issue #18: the lead sets the report's goods type (or clears it) and the typical-case flag, open or resolved,
 * for the committees' tables and their communication.
 */
export const classify: ActionHandler<'classify'> = async (ctx, { goodsType, typicalCase }) => {
  if (ctx.report.status === 'closed') throw notAllowed(ctx.report);
  const after = await updateReport(ctx.tx, ctx.report, {
    goodsType,
    ...(typicalCase === undefined ? {} : { typicalCase }),
  });
  await addEvent(ctx, {
    type: 'classified',
    public: false,
    data: { goodsType, typicalCase: after.typicalCase, previousGoodsType: ctx.report.goodsType },
  });
  return { report: after };
};
