/**
 * The case pages' query keys (issue #6), all under `cases` so an action refreshes the queues too. Here in lib
 * because the alert stream (issue #17, `alerts.api.ts`) refreshes a queue and a case when the server says so.
 */
export const caseKeys = {
  all: ['cases'] as const,
  queues: ['cases', 'queue'] as const,
  queue: (filters: object) => ['cases', 'queue', filters] as const,
  views: (code: string) => ['cases', 'view', code] as const,
  view: (code: string, lang: string) => ['cases', 'view', code, lang] as const,
  photos: (code: string) => ['cases', 'photos', code] as const,
};
