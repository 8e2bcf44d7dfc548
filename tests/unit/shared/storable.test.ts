import { isoDay, isoTime, positiveInt, text } from '../../../shared/schemas/storable';

const keyOf = (result: { success: boolean; error?: { issues: { code: string; params?: { key?: string } }[] } }) =>
  result.success ? 'ok' : (result.error?.issues[0]?.params?.key ?? result.error?.issues[0]?.code);

describe('what the database can hold (shared/schemas/storable.ts)', () => {
  it.each([
    ['Chợ Trà Lĩnh 🛒', 'ok'],
    ['a\u0000b', 'validation.unstorable_character'],
    ['\ud800', 'validation.unstorable_character'],
    ['x\udfff', 'validation.unstorable_character'],
    ['\ud83d\uded2', 'ok'],
  ])('text() %j → %s', (value, expected) => {
    expect(keyOf(text().safeParse(value))).toBe(expected);
  });

  it.each([
    ['1', 'ok'],
    ['2147483647', 'ok'],
    ['2147483648', 'too_big'],
    ['0', 'too_small'],
    ['1.5', 'invalid_type'],
  ])('positiveInt({ coerce }) %s → %s', (value, expected) => {
    expect(keyOf(positiveInt({ coerce: true }).safeParse(value))).toBe(expected);
  });

  it.each([
    ['2026-11-22T08:30:00+07:00', 'ok'],
    ['2000-01-01T00:00:00Z', 'ok'],
    ['2000-01-01T06:59:59+07:00', 'validation.period_out_of_range'],
    ['0000-01-01T00:00:00+14:00', 'validation.period_out_of_range'],
    ['0001-01-01T00:00:00+14:00', 'validation.period_out_of_range'],
    ['2100-01-01T00:00:00Z', 'validation.period_out_of_range'],
    ['yesterday', 'invalid_format'],
  ])('isoTime() %s → %s', (value, expected) => {
    const result = isoTime().safeParse(value);
    expect(keyOf(result)).toBe(expected);
    if (!result.success) expect(result.error.issues).toHaveLength(1);
  });

  it.each([
    ['2026-12-25', 'ok'],
    ['0000-01-01', 'validation.period_out_of_range'],
    ['1999-12-31', 'validation.period_out_of_range'],
    ['2026-13-01', 'invalid_format'],
  ])('isoDay() %s → %s', (value, expected) => {
    expect(keyOf(isoDay().safeParse(value))).toBe(expected);
  });
});
