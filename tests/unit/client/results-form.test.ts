import {
  decimal,
  EMPTY_SANCTION,
  resolveBody,
  wholeVnd,
  type ResolveValues,
} from '../../../client/pages/cases/results-form';
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

  // Issue #18 review: "1.000" kg was saved as 1, "1,500,000" đồng was refused.
  it.each([
    ['1.000', 'vi', 1000],
    ['1.000', 'en', 1],
    ['1,000', 'vi', 1],
    ['1,000', 'en', 1000],
    ['1.234,5', 'vi', 1234.5],
    ['1.234,5', 'en', 1234.5],
    ['1,234.5', 'vi', 1234.5],
    ['1.000.000', 'vi', 1_000_000],
    ['1,000,000', 'en', 1_000_000],
    ['12,5', 'vi', 12.5],
    ['12,5', 'en', 12.5],
    ['12.5', 'vi', 12.5],
    ['0,25', 'vi', 0.25],
    ['1 000,5', 'vi', 1000.5],
    ['12', 'vi', 12],
  ] as const)('reads the quantity %s in %s as %d', (typed, lang, expected) => {
    expect(decimal(typed, lang)).toBe(expected);
  });

  it.each(['', 'abc', '1.00.0', '1,2,3', '12,', '.5', '1.234.5,6,7', '1,000.000,5'])(
    'leaves the quantity %j for the schema to refuse',
    (typed) => {
      expect(decimal(typed)).toBeNaN();
    },
  );

  it.each([
    ['1.500.000', 1_500_000],
    ['1,500,000', 1_500_000],
    ['1 500 000', 1_500_000],
    ['1500000', 1_500_000],
  ])('reads the đồng %s as %d', (typed, expected) => {
    expect(wholeVnd(typed)).toBe(expected);
  });

  it('leaves đồng typed with decimals or odd groups for the schema, at the fine field', () => {
    expect(wholeVnd('')).toBeUndefined();
    for (const typed of ['1.500,5', '15.00.000', 'abc']) expect(wholeVnd(typed)).toBeNaN();
    const body = resolveBody(
      2,
      form({
        sanction: {
          ...EMPTY_SANCTION,
          recordNo: '10/BB-VPHC',
          recordDate: '2026-04-24',
          decisionNo: '15/QĐ-XPHC',
          decisionDate: '2026-04-29',
          sanctionTypes: ['fine'],
          fineVnd: '1.500,5',
        },
      }),
      null,
    );
    const checked = caseActionSchemas.resolve.safeParse(body);
    expect(checked.success ? [] : checked.error.issues.map((i) => i.path.join('.'))).toEqual(['sanction.fineVnd']);
  });

  it('reads a lot in the page language and a fine with commas', () => {
    const values = form({
      outcome: 'goods_seized',
      sanction: {
        ...EMPTY_SANCTION,
        recordNo: '10/BB-VPHC',
        recordDate: '2026-04-24',
        decisionNo: '15/QĐ-XPHC',
        decisionDate: '2026-04-29',
        sanctionTypes: ['fine'],
        fineVnd: '1,500,000',
      },
      seizedGoods: [{ goodsType: 'fuel', description: '', quantity: '1.000', unit: 'lít', valueVnd: '20.000.000' }],
    });
    const vi = resolveBody(2, values, null, 'vi');
    expect(vi.sanction?.fineVnd).toBe(1_500_000);
    expect(vi.seizedGoods?.[0]?.quantity).toBe(1000);
    expect(caseActionSchemas.resolve.safeParse(vi).success).toBe(true);
    expect(resolveBody(2, values, null, 'en').seizedGoods?.[0]?.quantity).toBe(1);
  });
});
