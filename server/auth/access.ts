/*
 * What a staff member may reach is stated once, in scope.ts. This file keeps operators' own rule, which
 * depends on the call being typed rather than on the staff member.
 */

/** How far back the duplicates panel looks (issue #5), and so how far an operator may open by code. */
export const DUPLICATES_WINDOW_DAYS = 30;

/**
 * Issue #15, an operator's scope: the reports they have a call on (one of theirs opened it or was
 * appended to it), and the reports the duplicates panel can show for the call being typed, i.e. of the
 * province of its commune and received within the window. The panel's search covers exactly that set
 * (any of them comes up when its text is typed), so a per-operator record of what was shown would add
 * state without narrowing what an operator can reach. Anything else answers 404.
 */
export function operatorMayReach(
  report: { provinceCode: string; receivedAt: Date },
  call: { hasCallOnReport: boolean; typedProvinceCode: string | null },
  now: Date,
): boolean {
  if (call.hasCallOnReport) return true;
  return (
    call.typedProvinceCode === report.provinceCode &&
    report.receivedAt.getTime() >= now.getTime() - DUPLICATES_WINDOW_DAYS * 86_400_000
  );
}
