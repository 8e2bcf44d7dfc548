import { EMPTY_SANCTION, resolveBody, type ResolveValues } from '../../../client/pages/cases/results-form';
import { caseActionSchemas } from '../../../shared/schemas/cases';

/** Issue #18: the resolve form's values as typed, and the body the server's own schema checks. */
const form = (over: Partial<ResolveValues> = {}): ResolveValues => ({
  outcome: 'violation_handled',
  publicOutcome: 'Đã xử phạt vi phạm hành chính cơ sở kinh doanh.',
  goodsType: '',
  typicalCase: false,
  sanction: { ...EMPTY_SANCTION },
  seizedGoods: [],
  ...over,
});

describe('the resolve form body (results as data)', () => {
  it('reads đồng typed with thousands dots and a quantity with a decimal comma', () => {
    const body = resolveBody(
      3,
      form({
        sanction: {
          ...EMPTY_SANCTION,
          recordNo: '10/BB-VPHC',
          recordDate: '2026-04-24',
          decisionNo: '15/QĐ-XPHC',
          decisionDate: '2026-04-29',
          sanctionTypes: ['fine', 'confiscation'],
          fineVnd: '15.000.000',
        },
        seizedGoods: [{ goodsType: 'cosmetics', description: '', quantity: '12,5', unit: 'kg', valueVnd: '3 750 000' }],
      }),
      null,
    );
    expect(body).toEqual({
      version: 3,
      outcome: 'violation_handled',
      publicOutcome: 'Đã xử phạt vi phạm hành chính cơ sở kinh doanh.',
      typicalCase: false,
      sanction: {
        recordNo: '10/BB-VPHC',
        recordDate: '2026-04-24',
        decisionNo: '15/QĐ-XPHC',
        decisionDate: '2026-04-29',
        sanctionTypes: ['fine', 'confiscation'],
        fineVnd: 15_000_000,
      },
      seizedGoods: [{ goodsType: 'cosmetics', quantity: 12.5, unit: 'kg', valueVnd: 3_750_000 }],
    });
    expect(caseActionSchemas.resolve.safeParse(body).success).toBe(true);
  });

  it('sends no sanction while no decision field is filled, and never the record again once entered', () => {
    expect(resolveBody(2, form({ outcome: 'unfounded' }), null)).not.toHaveProperty('sanction');
    const recorded = {
      recordNo: '07/BB-VPHC',
      recordDate: '2026-04-24',
      clock: 'standard' as const,
      clockReason: null,
      dueAt: '2026-05-08T17:00:00.000Z',
      overdue: false,
      decisionNo: null,
      decisionDate: null,
      sanctionTypes: [],
      fineVnd: null,
    };
    const body = resolveBody(
      4,
      form({
        sanction: {
          ...EMPTY_SANCTION,
          clock: 'standard',
          decisionNo: '16/QĐ',
          decisionDate: '2026-04-29',
          sanctionTypes: ['warning'],
        },
      }),
      recorded,
    );
    expect(body.sanction).toEqual({ decisionNo: '16/QĐ', decisionDate: '2026-04-29', sanctionTypes: ['warning'] });
  });

  it('leaves a lot typed wrong for the schema to name', () => {
    const body = resolveBody(
      2,
      form({
        outcome: 'goods_seized',
        seizedGoods: [{ goodsType: 'fuel', description: '', quantity: '', unit: 'lít', valueVnd: 'abc' }],
      }),
      null,
    );
    const checked = caseActionSchemas.resolve.safeParse(body);
    expect(checked.success ? [] : checked.error.issues.map((i) => i.path.join('.'))).toEqual([
      'seizedGoods.0.quantity',
      'seizedGoods.0.valueVnd',
    ]);
  });
});
