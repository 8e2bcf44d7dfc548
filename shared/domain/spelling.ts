import type { Language } from '../i18n/translate';

/**
 * How an operator reads a receipt to a caller (issue #5): in groups of four, each character with its
 * name and a word that starts with it, the way Vietnamese callers spell over the phone ("K — ca, Kiên").
 * F, J, W and Z are not Vietnamese letters: they get their usual spoken names and a familiar word.
 * English uses the ICAO/NATO alphabet. The receipt alphabet (Crockford) has no I, L, O or U.
 */
const VIETNAMESE: Record<string, string> = {
  '0': 'không',
  '1': 'một',
  '2': 'hai',
  '3': 'ba',
  '4': 'bốn',
  '5': 'năm',
  '6': 'sáu',
  '7': 'bảy',
  '8': 'tám',
  '9': 'chín',
  A: 'a — An',
  B: 'bê — Bình',
  C: 'xê — Cường',
  D: 'dê — Dũng',
  E: 'e — Em',
  F: 'ép — Facebook',
  G: 'giê — Giang',
  H: 'hát — Hà',
  J: 'gi — Jeep',
  K: 'ca — Kiên',
  M: 'em-mờ — Minh',
  N: 'en-nờ — Nam',
  P: 'pê — Pin',
  Q: 'quy — Quang',
  R: 'e-rờ — Rồng',
  S: 'ét-xì — Sơn',
  T: 'tê — Tâm',
  V: 'vê — Việt',
  W: 'vê kép — Wifi',
  X: 'ích-xì — Xuân',
  Y: 'i dài — Yến',
  Z: 'dét — Zalo',
};

const ENGLISH: Record<string, string> = {
  '0': 'zero',
  '1': 'one',
  '2': 'two',
  '3': 'three',
  '4': 'four',
  '5': 'five',
  '6': 'six',
  '7': 'seven',
  '8': 'eight',
  '9': 'nine',
  A: 'Alfa',
  B: 'Bravo',
  C: 'Charlie',
  D: 'Delta',
  E: 'Echo',
  F: 'Foxtrot',
  G: 'Golf',
  H: 'Hotel',
  J: 'Juliett',
  K: 'Kilo',
  M: 'Mike',
  N: 'November',
  P: 'Papa',
  Q: 'Quebec',
  R: 'Romeo',
  S: 'Sierra',
  T: 'Tango',
  V: 'Victor',
  W: 'Whiskey',
  X: 'X-ray',
  Y: 'Yankee',
  Z: 'Zulu',
};

export interface SpokenGroup {
  /** Four characters as printed: `7K4M`. */
  group: string;
  /** One spoken form per character: `bảy`, `ca — Kiên`, … */
  spoken: string[];
}

/**
 * `389-7K4M-Q2XP` or `Q2XP-7K4M-9ABC-DEFG` → its groups as printed (the receipt is already grouped
 * in fours after the `389` prefix), each character spelt out.
 */
export function spellForReading(value: string, lang: Language): SpokenGroup[] {
  const names = lang === 'en' ? ENGLISH : VIETNAMESE;
  const groups = value
    .toUpperCase()
    .split(/[^0-9A-Z]+/)
    .filter(Boolean);
  return groups.map((group) => ({ group, spoken: [...group].map((c) => names[c] ?? c) }));
}
