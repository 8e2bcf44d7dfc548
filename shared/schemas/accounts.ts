import { z } from 'zod';
import { ROLES, type Role } from '../domain/roles';
import { communeCodeSchema, provinceCodeSchema } from './routing';
import { text } from './storable';

/**
 * SPEC.md §7: officers and unit leads belong to one unit; only coordinators have a province scope.
 * Issue #18: a commune Steering Committee 389 has a commune (`scopeCommuneCode`) and nothing else.
 */
export function roleIssues(account: {
  role: Role;
  unitId?: string | null;
  scopeProvinceCode?: string | null;
  scopeCommuneCode?: string | null;
}): { path: string; key: string }[] {
  // scopeProvinceCode: a province code, 'national', null (an existing national coordinator) or undefined (not given).
  const needsUnit = account.role === 'officer' || account.role === 'unit_lead';
  const issues: { path: string; key: string }[] = [];
  if (needsUnit && !account.unitId) issues.push({ path: 'unitId', key: 'validation.unit_required_for_role' });
  if (!needsUnit && account.unitId) issues.push({ path: 'unitId', key: 'validation.no_unit_for_role' });
  if (account.role !== 'coordinator' && account.scopeProvinceCode)
    issues.push({ path: 'scopeProvinceCode', key: 'validation.scope_only_coordinator' });
  // National scope is never the result of a forgotten field: it is asked for by name.
  if (account.role === 'coordinator' && account.scopeProvinceCode === undefined)
    issues.push({ path: 'scopeProvinceCode', key: 'validation.scope_required' });
  const isCommittee = account.role === 'commune_committee';
  if (isCommittee && !account.scopeCommuneCode)
    issues.push({ path: 'scopeCommuneCode', key: 'validation.commune_required_for_role' });
  if (!isCommittee && account.scopeCommuneCode)
    issues.push({ path: 'scopeCommuneCode', key: 'validation.commune_only_committee' });
  return issues;
}

/** A coordinator's scope: a province code, or `national` for the whole country. */
const scope = z.union([z.literal('national'), provinceCodeSchema]);

export const usernameSchema = text()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/);

export const accountInputSchema = z
  .strictObject({
    username: usernameSchema,
    displayName: text().trim().min(1).max(200),
    role: z.enum(ROLES),
    unitId: z.uuid().optional(),
    scopeProvinceCode: scope.optional(),
    scopeCommuneCode: communeCodeSchema.optional(),
  })
  .superRefine((account, ctx) => {
    for (const issue of roleIssues(account))
      ctx.addIssue({ code: 'custom', path: [issue.path], params: { key: issue.key }, input: undefined });
  });
export type AccountInput = z.infer<typeof accountInputSchema>;

/** Re-assigning, renaming, disabling; the role rules are checked on the account as it would become. */
export const accountChangeSchema = z.strictObject({
  displayName: text().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  unitId: z.uuid().nullable().optional(),
  scopeProvinceCode: scope.optional(),
  scopeCommuneCode: communeCodeSchema.nullable().optional(),
  isDisabled: z.boolean().optional(),
});
export type AccountChange = z.infer<typeof accountChangeSchema>;

export const accountParamsSchema = z.object({ accountId: z.uuid() });
