/**
 * Folds Vietnamese text for diacritics-insensitive search: "Xã Trùng Khánh" → "xa trung khanh".
 * NFD strips the tone and vowel marks; đ/Đ has no decomposition, so it is mapped by hand.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** An administrative unit's name as it reads inside a sentence: "Xã Trà Lĩnh" → "xã Trà Lĩnh". */
export const inSentence = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
