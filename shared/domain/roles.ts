/**
 * SPEC.md §7: staff roles. Issue #18: `commune_committee` is a commune's Steering Committee 389, read-only:
 * its commune's reports listed without contacts, its figures and its periodic report.
 */
export const ROLES = ['operator', 'officer', 'unit_lead', 'coordinator', 'admin', 'commune_committee'] as const;
export type Role = (typeof ROLES)[number];
