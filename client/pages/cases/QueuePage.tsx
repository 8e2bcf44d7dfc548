import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { CaseQueue } from '../../../shared/api/cases';
import { CATEGORIES } from '../../../shared/domain/categories';
import { STATUSES } from '../../../shared/domain/statuses';
import type { MessageKey } from '../../../shared/i18n/vi';
import { paths } from '../../app/paths';
import { useT } from '../../lib/i18n';
import { useStaffSession } from '../../lib/staffSession';
import { useApiQuery } from '../../lib/useApiQuery';
import { useDebounced } from '../../lib/useDebounced';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { casesApi } from './cases.api';
import { Deadline } from './Deadline';

const OPEN_STATUSES = new Set(['received', 'accepted', 'verifying', 'needs_info', 'suspended']);

interface Filters {
  status: string;
  category: string;
  role: string;
  due: '' | 'overdue' | 'dueSoon';
  mine: boolean;
  q: string;
}

/** Issue #6: a unit's queue (or a coordinator's scope), nearest deadline first, with status tabs and filters. */
export function QueuePage() {
  const t = useT();
  useDocumentTitle(t('ui.cases.title'));
  const { state } = useStaffSession();
  const isCoordinator = state.status === 'signed_in' && state.session.user.role === 'coordinator';
  const [filters, setFilters] = useState<Filters>({
    status: '',
    category: '',
    role: 'all',
    due: '',
    mine: false,
    q: '',
  });
  const q = useDebounced(filters.q, 300);
  const [pages, setPages] = useState<CaseQueue['items'][]>([]);
  // undefined: the first page's cursor holds; after "more", the last page's.
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const query = {
    status: filters.status || undefined,
    category: filters.category || undefined,
    role: isCoordinator ? undefined : filters.role,
    overdue: filters.due === 'overdue' ? '1' : undefined,
    dueSoon: filters.due === 'dueSoon' ? '1' : undefined,
    assignedTo: filters.mine ? 'me' : undefined,
    q: q || undefined,
  };
  const first = useApiQuery(
    (signal) =>
      casesApi.queue(query, signal).then((page) => {
        setPages([]);
        setNext(undefined);
        return page;
      }),
    [JSON.stringify(query)],
  );
  // While a new filter loads, the last answer stays on screen (and the search box keeps its focus).
  const [shown, setShown] = useState<CaseQueue | null>(null);
  const answer = first.status === 'success' ? first.data : null;
  useEffect(() => {
    if (answer) setShown(answer);
  }, [answer]);
  const [moreState, setMoreState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const set = <K extends keyof Filters>(name: K, value: Filters[K]) => setFilters((f) => ({ ...f, [name]: value }));

  if (first.status === 'error' && !shown)
    return (
      <div className="container">
        <ErrorNotice error={first.error} onRetry={first.retry} />
      </div>
    );
  if (!shown) return <PageLoading />;
  const cursor = next === undefined ? shown.next : next;
  const items = [...shown.items, ...pages.flat()];
  // Counts cover the open statuses only (the server does not count the archive on every request).
  const countOf = (status: string) => (OPEN_STATUSES.has(status) ? ` (${shown.counts[status] ?? 0})` : '');
  async function more() {
    if (!cursor || moreState.busy) return;
    setMoreState({ busy: true, error: null });
    try {
      const page = await casesApi.queue({ ...query, after: cursor });
      setPages((p) => [...p, page.items]);
      setNext(page.next);
      setMoreState({ busy: false, error: null });
    } catch (error) {
      setMoreState({ busy: false, error });
    }
  }

  return (
    <div className="container container--wide">
      <h1>{isCoordinator ? t('ui.cases.title_coordinator') : t('ui.cases.title')}</h1>
      <p className="visually-hidden" role="status">
        {first.status === 'loading' ? t('ui.common.loading') : ''}
      </p>
      <nav className="tabs" aria-label={t('field.status')}>
        {['', ...STATUSES].map((s) => (
          <button
            key={s || 'all'}
            type="button"
            className={`tab${filters.status === s ? ' tab--active' : ''}`}
            aria-pressed={filters.status === s}
            onClick={() => set('status', s)}
          >
            {s ? t(`status.${s}` as MessageKey) : t('ui.cases.all')}
            {countOf(s)}
          </button>
        ))}
      </nav>
      <div className="intake-form__row queue-filters">
        {!isCoordinator && (
          <div className="field">
            <label htmlFor="role">{t('ui.cases.role')}</label>
            <select id="role" value={filters.role} onChange={(e) => set('role', e.target.value)}>
              <option value="all">{t('ui.cases.role_all')}</option>
              <option value="lead">{t('ui.cases.role_lead')}</option>
              <option value="coordinating">{t('ui.cases.role_coordinating')}</option>
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="category">{t('field.category')}</label>
          <select id="category" value={filters.category} onChange={(e) => set('category', e.target.value)}>
            <option value="">{t('ui.cases.all')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="due">{t('ui.cases.deadline')}</label>
          <select id="due" value={filters.due} onChange={(e) => set('due', e.target.value as Filters['due'])}>
            <option value="">{t('ui.cases.all')}</option>
            <option value="overdue">{t('field.overdue')}</option>
            <option value="dueSoon">{t('field.dueSoon')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="q">{t('ui.cases.search')}</label>
          <input
            id="q"
            type="search"
            value={filters.q}
            onChange={(e) => set('q', e.target.value)}
            placeholder={t('ui.cases.search_hint')}
          />
        </div>
        {!isCoordinator && (
          <label className="check">
            <input type="checkbox" checked={filters.mine} onChange={(e) => set('mine', e.target.checked)} />{' '}
            {t('ui.cases.mine')}
          </label>
        )}
      </div>
      {items.length === 0 ? (
        <p role="status">{t('ui.cases.empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('ui.cases.title')} tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('field.trackingCode')}</th>
                <th scope="col">{t('field.status')}</th>
                <th scope="col">{t('ui.cases.deadline')}</th>
                <th scope="col">{t('field.category')}</th>
                <th scope="col">{t('field.commune')}</th>
                <th scope="col">{t('ui.intake.lead')}</th>
                <th scope="col">{t('field.assignedTo')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.trackingCode} className={c.overdue ? 'row--overdue' : undefined}>
                  <th scope="row">
                    <Link to={paths.staff.case.href(c.trackingCode)}>{c.trackingCode}</Link>
                    {c.role === 'coordinating' && (
                      <span className="badge">{t('ui.cases.role_coordinating_short')}</span>
                    )}
                    {c.transferPending && (
                      <span className="badge badge--warning">{t('ui.cases.transfer_pending')}</span>
                    )}
                  </th>
                  <td>{t(`status.${c.status}` as MessageKey)}</td>
                  <td>
                    <Deadline at={c.nextDueAt} />
                  </td>
                  <td>{t(`category.${c.category}` as MessageKey)}</td>
                  <td>{c.communeName ?? t(`place_type.${c.placeType}` as MessageKey)}</td>
                  <td>{c.leadUnitName}</td>
                  <td>{c.assignedTo ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {first.status === 'error' && <ErrorNotice error={first.error} onRetry={first.retry} />}
      {moreState.error !== null && <ErrorNotice error={moreState.error} />}
      {cursor && (
        <button
          type="button"
          className="button button--secondary"
          disabled={moreState.busy}
          onClick={() => void more()}
        >
          {t('ui.cases.more')}
        </button>
      )}
    </div>
  );
}
