/** SPEC.md §7: staff roles. */
export const ROLES = ['operator', 'officer', 'unit_lead', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
