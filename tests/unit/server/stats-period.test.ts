import { AppError } from '../../../server/http/errors';
import {
  bucketOf,
  bucketPeriod,
  bucketsOf,
  defaultInterval,
  defaultPeriod,
  periodMoments,
  publicYear,
  splitPeriod,
} from '../../../server/stats/period';
import { samePeriodLastYear } from '../../../server/stats/periodic';
import { medianOf } from '../../../server/stats/stats.service';
import { periodicDays, presetDays } from '../../../shared/schemas/stats';

describe('periods of the statistics (Vietnam days)', () => {
  test('a period splits into whole months and the days around them', () => {
    expect(splitPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      months: [
        '2026-01-01',
        '2026-02-01',
        '2026-03-01',
        '2026-04-01',
        '2026-05-01',
        '2026-06-01',
        '2026-07-01',
        '2026-08-01',
        '2026-09-01',
        '2026-10-01',
        '2026-11-01',
        '2026-12-01',
      ],
      days: [],
    });
    expect(splitPeriod({ from: '2026-03-15', to: '2026-06-30' })).toEqual({
      months: ['2026-04-01', '2026-05-01', '2026-06-01'],
      days: [{ from: '2026-03-15', to: '2026-03-31' }],
    });
    expect(splitPeriod({ from: '2025-12-01', to: '2026-11-23' }).days).toEqual([
      { from: '2026-11-01', to: '2026-11-23' },
    ]);
    // Up to today, the current month is whole: nothing was received after today.
    expect(splitPeriod({ from: '2025-12-01', to: '2026-11-23' }, '2026-11-23')).toEqual({
      months: expect.arrayContaining(['2025-12-01', '2026-11-01']),
      days: [],
    });
    expect(splitPeriod({ from: '2025-12-01', to: '2026-11-20' }, '2026-11-23').days).toEqual([
      { from: '2026-11-01', to: '2026-11-20' },
    ]);
    // February of a common year ends on the 28th; a leap year's on the 29th.
    expect(splitPeriod({ from: '2026-02-01', to: '2026-02-28' })).toEqual({ months: ['2026-02-01'], days: [] });
    expect(splitPeriod({ from: '2028-02-01', to: '2028-02-28' })).toEqual({
      months: [],
      days: [{ from: '2028-02-01', to: '2028-02-28' }],
    });
    expect(splitPeriod({ from: '2026-05-10', to: '2026-05-10' })).toEqual({
      months: [],
      days: [{ from: '2026-05-10', to: '2026-05-10' }],
    });
  });

  test('public statistics: a calendar year, its months once ended in Vietnam; nothing else (issue #15)', () => {
    const now = new Date('2026-11-23T03:00:00Z');
    expect(publicYear(undefined, now)).toEqual({
      year: 2026,
      months: bucketsOf({ from: '2026-01-01', to: '2026-10-31' }, 'month'),
      period: { from: '2026-01-01', to: '2026-10-31' },
    });
    expect(publicYear('2025', now).months).toHaveLength(12);
    // 1 January, 01:00 in Vietnam (still 31 December in UTC): no month of 2027 has ended, the default is 2026.
    const newYear = new Date('2026-12-31T18:00:00Z');
    expect(publicYear(undefined, newYear).period).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    // 1 December in Vietnam: November has just ended.
    expect(publicYear(undefined, new Date('2026-11-30T17:00:00Z')).period.to).toBe('2026-11-30');
    for (const [year, at] of [
      ['2027', newYear],
      ['2027', now],
      ['1999', now],
      ['0000', now],
    ] as const) {
      let refused: unknown;
      try {
        publicYear(year, at);
      } catch (err) {
        refused = err;
      }
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).issues.map((i) => i.path)).toEqual([['year']]);
    }
  });

  test('a day starts at midnight in Vietnam, seven hours before midnight UTC', () => {
    const { start, end } = periodMoments({ from: '2026-04-01', to: '2026-04-30' });
    expect([start.toISOString(), end.toISOString()]).toEqual(['2026-03-31T17:00:00.000Z', '2026-04-30T17:00:00.000Z']);
  });

  test('buckets: days, weeks from Monday, months; every one of the period, empty ones too', () => {
    expect(bucketOf('2026-11-23', 'week')).toBe('2026-11-23'); // a Monday
    expect(bucketOf('2026-11-22', 'week')).toBe('2026-11-16');
    expect(bucketsOf({ from: '2026-11-18', to: '2026-12-02' }, 'week')).toEqual([
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    expect(bucketsOf({ from: '2026-01-31', to: '2026-03-01' }, 'month')).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
    // The first week reaches back before the period: its list covers only the period's days.
    expect(bucketPeriod('2026-11-16', 'week', { from: '2026-11-18', to: '2026-12-02' })).toEqual({
      from: '2026-11-18',
      to: '2026-11-22',
    });
  });

  test('the default period is the last twelve months with the current one; the interval follows its length', () => {
    expect(defaultPeriod(new Date('2026-11-23T03:00:00Z'))).toEqual({ from: '2025-12-01', to: '2026-11-23' });
    // 31 December, 20:00 UTC is already 1 January in Vietnam.
    expect(defaultPeriod(new Date('2026-12-31T20:00:00Z'))).toEqual({ from: '2026-02-01', to: '2027-01-01' });
    expect(defaultInterval({ from: '2026-11-01', to: '2026-11-30' })).toBe('day');
    expect(defaultInterval({ from: '2026-07-01', to: '2026-12-31' })).toBe('week');
    expect(defaultInterval({ from: '2026-01-01', to: '2026-12-31' })).toBe('month');
  });

  test('the median of counted durations', () => {
    expect(medianOf(new Map())).toBeNull();
    expect(medianOf(new Map([[5, 1]]))).toBe(5);
    expect(
      medianOf(
        new Map([
          [1, 2],
          [10, 1],
        ]),
      ),
    ).toBe(1);
    expect(
      medianOf(
        new Map([
          [1, 1],
          [3, 1],
          [6, 1],
          [9, 1],
        ]),
      ),
    ).toBe(4.5);
    expect(
      medianOf(
        new Map([
          [40, 1],
          [10, 2],
          [15, 1],
        ]),
      ),
    ).toBe(12.5);
  });
});

describe('issue #18: the periods committees report on', () => {
  test('presets and the old period links', () => {
    expect(presetDays('quarter', 2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetDays('month', 2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetDays('october_september', 2027)).toEqual({ from: '2026-10-01', to: '2027-09-30' });
    expect(periodicDays({ period: '2026-H2' })).toEqual({
      preset: 'half',
      year: 2026,
      part: 2,
      from: '2026-07-01',
      to: '2026-12-31',
    });
  });

  test('the same period a year earlier: 29 February becomes 28 February; nothing before 2000', () => {
    expect(samePeriodLastYear({ from: '2028-02-01', to: '2028-02-29' })).toEqual({
      from: '2027-02-01',
      to: '2027-02-28',
    });
    expect(samePeriodLastYear({ from: '2025-10-01', to: '2026-09-30' })).toEqual({
      from: '2024-10-01',
      to: '2025-09-30',
    });
    expect(samePeriodLastYear({ from: '2000-03-01', to: '2000-12-31' })).toBeNull();
  });
});
