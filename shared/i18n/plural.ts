/**
 * Plurals inside a message, in the ICU form: `{n, plural, one {# hour} other {# hours}}`. The branch
 * is chosen by Intl.PluralRules for the language (Vietnamese has one form, so its messages need no
 * plural block); `#` is the count as the caller passed it (a number, or a number already formatted).
 * Branches hold plain text and `#`: a message keeps its other `{name}` placeholders outside the block.
 */
const PLURAL_BLOCK = /\{(\w+), plural,((?:\s*[\w=]+\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /([\w=]+)\s*\{([^{}]*)\}/g;

const rulesByLanguage = new Map<string, Intl.PluralRules>();

function pluralRules(lang: string): Intl.PluralRules {
  let rules = rulesByLanguage.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    rulesByLanguage.set(lang, rules);
  }
  return rules;
}

/** The branch a count takes: an exact `=N` first, then the language's category, then `other`. */
function chooseBranch(lang: string, branches: Map<string, string>, count: string | number): string | undefined {
  // A formatted count ("1,234") is not a Number: it is never 1, and `other` is then right in English.
  const value = Number(count);
  return branches.get(`=${value}`) ?? branches.get(pluralRules(lang).select(value)) ?? branches.get('other');
}

/** Resolves every plural block of a template whose count is among the params; others stay as written. */
export function formatPlurals(
  lang: string,
  template: string,
  params: Readonly<Record<string, string | number>>,
): string {
  return template.replace(PLURAL_BLOCK, (whole, name: string, body: string) => {
    const count = params[name];
    if (count === undefined) return whole;
    const branches = new Map([...body.matchAll(BRANCH)].map(([, selector = '', text = '']) => [selector, text]));
    const text = chooseBranch(lang, branches, count);
    return text === undefined ? whole : text.replace(/#/g, String(count));
  });
}
