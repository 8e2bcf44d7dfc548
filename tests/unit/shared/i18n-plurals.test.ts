import { en } from '../../../shared/i18n/en';
import { formatPlurals } from '../../../shared/i18n/plural';
import { LANGUAGES, t } from '../../../shared/i18n/translate';
import { vi, type MessageKey } from '../../../shared/i18n/vi';

const HOURS = '{n, plural, one {# hour} other {# hours}}';

describe('plural forms in messages', () => {
  it('chooses the branch by the language’s plural rules and puts the count for #', () => {
    expect(formatPlurals('en', HOURS, { n: 1 })).toBe('1 hour');
    expect(formatPlurals('en', HOURS, { n: 2 })).toBe('2 hours');
    expect(formatPlurals('en', HOURS, { n: 0 })).toBe('0 hours');
    expect(formatPlurals('en', HOURS, { n: 1.5 })).toBe('1.5 hours');
    // Vietnamese has one form: `other`.
    expect(formatPlurals('vi', '{n, plural, one {# giờ (one)} other {# giờ}}', { n: 1 })).toBe('1 giờ');
  });

  it('takes an exact =N first, keeps a count formatted by the caller, and leaves a block without its count', () => {
    const items = 'Fix {n, plural, =0 {nothing} one {this item} other {these # items}}.';
    expect(formatPlurals('en', items, { n: 0 })).toBe('Fix nothing.');
    expect(formatPlurals('en', items, { n: 1 })).toBe('Fix this item.');
    expect(formatPlurals('en', HOURS, { n: '1,234' })).toBe('1,234 hours');
    expect(formatPlurals('en', HOURS, {})).toBe(HOURS);
  });

  it('reads "1 hour late" and "2 hours late" in English, "quá hạn 1 giờ" in Vietnamese', () => {
    const late = (lang: 'vi' | 'en', n: number) => t(lang, 'ui.cases.late', { span: t(lang, 'ui.cases.hours', { n }) });
    expect(late('en', 1)).toBe('1 hour late');
    expect(late('en', 2)).toBe('2 hours late');
    expect(late('vi', 1)).toBe('quá hạn 1 giờ');
    expect(late('vi', 2)).toBe('quá hạn 2 giờ');
  });

  it('words a server error for one photo and for five', () => {
    expect(t('en', 'error.photos.limit_reached', { max: 1 })).toBe(
      'This report already has 1 photo; no more are accepted.',
    );
    expect(t('en', 'error.photos.limit_reached', { max: 5 })).toBe(
      'This report already has 5 photos; no more are accepted.',
    );
    expect(t('vi', 'error.photos.limit_reached', { max: 5 })).toBe('Tin báo này đã có đủ 5 ảnh, không nhận thêm ảnh.');
  });

  const keys = Object.keys(vi).filter((key): key is MessageKey => key in en);
  /** The names a message fills: `{name}`, and the count of each plural block (its branches are not names). */
  const placeholders = (template: string) => {
    const blocksAsNames = template.replace(/\{(\w+), plural,(?:[^{}]|\{[^{}]*\})*\}/g, '{$1}');
    return [...new Set([...blocksAsNames.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();
  };

  it('has the same keys and the same placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const differing = keys.filter((key) => placeholders(vi[key]).join() !== placeholders(en[key]).join());
    expect(differing).toEqual([]);
  });

  it('leaves no plural block unresolved once its count is given', () => {
    for (const lang of LANGUAGES) {
      for (const key of keys) {
        for (const count of [0, 1, 2]) {
          const params = Object.fromEntries(placeholders(vi[key]).map((name) => [name, count]));
          expect(t(lang, key, params)).not.toMatch(/plural,|[{}#]/);
        }
      }
    }
  });
});
