/**
 * SPEC.md §8: accepts 0981.389.389, 0981 389 389, (+84) 981-389-389 and +84981389389 and returns
 * the national form 0981389389, or undefined when it is not a Vietnamese number.
 * Mobile numbers have 10 digits; landlines 02xx have 11 (0203 3xxx xxx).
 */
export function normalisePhone(input: string): string | undefined {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  let national: string;
  if (/^\+84\d+$/.test(compact)) national = `0${compact.slice(3)}`;
  else if (/^0084\d+$/.test(compact)) national = `0${compact.slice(4)}`;
  else if (/^84[1-9]\d{8,9}$/.test(compact)) national = `0${compact.slice(2)}`;
  else national = compact;
  if (/^0[35789]\d{8}$/.test(national)) return national;
  if (/^02\d{9}$/.test(national)) return national;
  return undefined;
}

/** A caller's number as lists show it (issue #5): `0981***389`, enough to recognise, not to dial. */
export function maskPhone(normalised: string): string {
  return `${normalised.slice(0, 4)}***${normalised.slice(-3)}`;
}
