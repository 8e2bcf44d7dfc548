import { useStaffSession } from '../../lib/staffSession';

/**
 * Issue #18: what the dashboard, the reports behind a number and the periodic report let a person choose.
 * The server bounds every figure (server/stats/figures-scope.ts); this only leaves out choices that would
 * answer 404 or nothing. A national coordinator picks a province; a province coordinator's is fixed; a unit
 * lead's figures are their units', a commune committee's its commune's: neither picks a province, and
 * their units to filter by are those in their figures (the unit list is the coordinators').
 */
export function useFiguresScope() {
  const { state } = useStaffSession();
  const user = state.status === 'signed_in' ? state.session.user : null;
  const coordinator = user?.role === 'coordinator';
  return {
    /** A province coordinator's province. */
    ownProvince: coordinator ? (user.scopeProvinceCode ?? null) : null,
    picksProvince: coordinator && user.scopeProvinceCode === null,
    /** Coordinators choose among all units (of their province); others among those in their figures. */
    readsUnitList: coordinator,
    /** A commune committee opens no case: its list shows tracking codes as text. */
    opensCases: user?.role !== 'commune_committee',
  };
}
