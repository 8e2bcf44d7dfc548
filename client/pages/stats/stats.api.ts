import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PublicStats } from '../../../shared/api/stats';
import type { Language } from '../../../shared/i18n/translate';
import { apiRequest } from '../../lib/api';

type PublicAsk = { province: string | undefined; year: string | undefined };

/**
 * The public statistics page's call (issue #7): no sign-in, a calendar year (none: the server's default, the year
 * of its last finished month), every count rounded ("<10" for 0 to 7). Keyed by language too: the status groups
 * are named by the server in the page's language. While another province or year loads, the last figures stay.
 */
export function usePublicStats({ province, year }: PublicAsk, lang: Language) {
  return useQuery({
    queryKey: ['stats', 'public', { province, year, lang }],
    queryFn: ({ signal }) => apiRequest<PublicStats>('/api/public/stats', { query: { province, year }, signal }),
    placeholderData: keepPreviousData,
  });
}
