import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DuplicateCandidates } from '../../../shared/api/duplicates';
import type {
  AppendedCall,
  AttachedPhotos,
  HotlineLines,
  IntakeReceipt,
  IntakeReportView,
  ReceiptAnswer,
  RecentCalls,
} from '../../../shared/api/intake';
import type { CitizenViewBody } from '../../../shared/api/reports';
import type { RoutingPreview } from '../../../shared/api/routing';
import type { TypedPlace } from '../../../shared/schemas/intake';
import type { trackInputSchema } from '../../../shared/schemas/report';
import { apiRequest } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { postMultipart } from '../../lib/upload';
import type { DuplicateSearch, FormBody, RoutingInput } from './intake-form';

/**
 * The intake console's calls (issue #5), keyed under `intake`. A call entered or appended changes the recent
 * calls, the duplicates and the opened reports: those are asked again.
 */
const intakeKeys = {
  lines: ['intake', 'lines'] as const,
  calls: ['intake', 'calls'] as const,
  duplicates: ['intake', 'duplicates'] as const,
  reports: ['intake', 'report'] as const,
  report: (code: string, place: TypedPlace) => ['intake', 'report', code, place] as const,
};

const reportUrl = (code: string) => `/api/staff/intake/reports/${encodeURIComponent(code)}`;

export function useHotlineLines() {
  return useQuery({
    queryKey: intakeKeys.lines,
    queryFn: ({ signal }) => apiRequest<HotlineLines>('/api/staff/intake/lines', { signal }),
  });
}

/** The operator's latest calls. */
export function useRecentCalls() {
  return useQuery({
    queryKey: intakeKeys.calls,
    queryFn: ({ signal }) => apiRequest<RecentCalls>('/api/staff/intake/calls', { signal }),
  });
}

/** Where the report being typed will go, in the page's language; null while the place is not known yet. */
export function useRoutingPreview(input: RoutingInput | null) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['intake', 'routing', input, lang] as const,
    queryFn: ({ signal }) =>
      apiRequest<RoutingPreview>('/api/public/routing/preview', { method: 'POST', body: input, signal }),
    enabled: input !== null,
  });
}

/** Reports the call being typed may repeat; null while there is nothing to compare yet. */
export function useDuplicates(search: DuplicateSearch | null) {
  return useQuery({
    queryKey: [...intakeKeys.duplicates, search] as const,
    queryFn: ({ signal }) =>
      apiRequest<DuplicateCandidates>('/api/staff/duplicates', { method: 'POST', body: search, signal }),
    enabled: search !== null,
  });
}

/**
 * A report opened from the duplicates or the recent calls. `place`: the commune (or an online seller's
 * province) of the call being typed; with it the reports its duplicates panel shows open too (issue #15).
 */
export function useIntakeReport(code: string, place: TypedPlace) {
  return useQuery({
    queryKey: intakeKeys.report(code, place),
    queryFn: ({ signal }) => apiRequest<IntakeReportView>(reportUrl(code), { query: place, signal }),
    // The place is part of the key: typing another commune must not close the report and drop the note typed in it.
    placeholderData: keepPreviousData,
  });
}

/**
 * After a call is entered or appended: what it changed is asked again, in the background (the receipt is read to
 * the caller at once, not after three refetches).
 */
function useAfterCall() {
  const client = useQueryClient();
  return () => {
    for (const queryKey of [intakeKeys.calls, intakeKeys.duplicates, intakeKeys.reports])
      void client.invalidateQueries({ queryKey });
  };
}

export function useEnterReport() {
  const afterCall = useAfterCall();
  return useMutation({
    mutationFn: (body: FormBody) => apiRequest<IntakeReceipt>('/api/staff/intake/reports', { method: 'POST', body }),
    onSuccess: afterCall,
  });
}

export function useAppendCall() {
  const afterCall = useAfterCall();
  return useMutation({
    mutationFn: ({ code, place, body }: { code: string; place: TypedPlace; body: FormBody }) =>
      apiRequest<AppendedCall>(`${reportUrl(code)}/calls`, { method: 'POST', query: place, body }),
    onSuccess: afterCall,
  });
}

/** SPEC.md §6: the citizen's view of a report, for a caller who gives its code and secret. */
export function useCheckReceipt() {
  return useMutation({
    mutationFn: (body: z.input<typeof trackInputSchema>) =>
      apiRequest<CitizenViewBody>('/api/staff/intake/receipts', { method: 'POST', body }),
  });
}

/**
 * Issue #17, follow-up by phone: the caller's spoken answer with their code and secret and the call; the answer
 * is the citizen view after it.
 */
export function useRecordAnswer() {
  const afterCall = useAfterCall();
  return useMutation({
    mutationFn: (body: FormBody) =>
      apiRequest<ReceiptAnswer>('/api/staff/intake/receipts/answer', { method: 'POST', body }),
    onSuccess: afterCall,
  });
}

/** Photos sent later by the caller, with the upload's progress; the opened reports then count them. */
export function useAttachPhotos(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ files, onProgress }: { files: File[]; onProgress: (fraction: number) => void }) => {
      const form = new FormData();
      for (const file of files) form.append('photos', file);
      return postMultipart<AttachedPhotos>(`${reportUrl(code)}/photos`, form, onProgress);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: intakeKeys.reports }),
  });
}
