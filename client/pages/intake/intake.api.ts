import type {
  AttachedPhotos,
  CallSummary,
  HotlineLines,
  IntakeReceipt,
  IntakeReportView,
  RecentCalls,
} from '../../../shared/api/intake';
import type { DuplicateCandidates } from '../../../shared/api/duplicates';
import type { CitizenViewBody } from '../../../shared/api/reports';
import type { TypedPlace } from '../../../shared/schemas/intake';
import type { duplicateSearchInputSchema } from '../../../shared/schemas/duplicates';
import type { z } from 'zod';
import { apiRequest } from '../../lib/api';
import { postMultipart } from '../../lib/upload';

/** The intake console's calls to the server, one place (issue #5). */
export const intakeApi = {
  lines: (signal: AbortSignal) => apiRequest<HotlineLines>('/api/staff/intake/lines', { signal }),
  recentCalls: (signal: AbortSignal) => apiRequest<RecentCalls>('/api/staff/intake/calls', { signal }),
  duplicates: (body: z.input<typeof duplicateSearchInputSchema>, signal: AbortSignal) =>
    apiRequest<DuplicateCandidates>('/api/staff/duplicates', { method: 'POST', body, signal }),
  /** `place`: the commune (or an online seller's province) of the call being typed; with it the reports its duplicates panel shows open too (issue #15). */
  report: (code: string, place: TypedPlace, signal: AbortSignal) =>
    apiRequest<IntakeReportView>(`/api/staff/intake/reports/${encodeURIComponent(code)}`, { query: place, signal }),
  enter: (body: Record<string, unknown>) =>
    apiRequest<IntakeReceipt>('/api/staff/intake/reports', { method: 'POST', body }),
  append: (code: string, place: TypedPlace, body: Record<string, unknown>) =>
    apiRequest<CallSummary>(`/api/staff/intake/reports/${encodeURIComponent(code)}/calls`, {
      method: 'POST',
      query: place,
      body,
    }),
  checkReceipt: (body: { trackingCode: string; secret: string }) =>
    apiRequest<CitizenViewBody>('/api/staff/intake/receipts', { method: 'POST', body }),
  attachPhotos: (code: string, files: File[], onProgress: (fraction: number) => void) => {
    const form = new FormData();
    for (const file of files) form.append('photos', file);
    return postMultipart<AttachedPhotos>(
      `/api/staff/intake/reports/${encodeURIComponent(code)}/photos`,
      form,
      onProgress,
    );
  },
};
