/** SPEC.md §3: categories of violation (lĩnh vực vi phạm); the codes are stable API values. */
export const CATEGORIES = [
  'smuggling',
  'illegal_transport',
  'counterfeit',
  'ip_infringement',
  'trade_fraud',
  'banned_goods',
  'poor_quality',
  'ecommerce',
  'false_advertising',
] as const;
export type Category = (typeof CATEGORIES)[number];
