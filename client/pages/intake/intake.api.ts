import type { AttachedPhotos, CallSummary, HotlineLines, IntakeReceipt, IntakeReportView, RecentCalls } from '../../../shared/api/intake';
import type { DuplicateCandidates } from '../../../shared/api/duplicates';
import { apiRequest } from '../../lib/api';
import { postMultipart } from '../../lib/upload';

/** The intake console's calls to the server, one place (issue #5). */
export const intakeApi = {
  lines: (signal: AbortSignal) => apiRequest<HotlineLines>('/api/staff/intake/lines', { signal }),
  recentCalls: (signal: AbortSignal) => apiRequest<RecentCalls>('/api/staff/intake/calls', { signal }),
  duplicates: (body: { communeCode: string; category: string; description?: string; url?: string }, signal: AbortSignal) =>
    apiRequest<DuplicateCandidates>('/api/staff/duplicates', { method: 'POST', body, signal }),
  report: (code: string, signal: AbortSignal) => apiRequest<IntakeReportView>(`/api/staff/intake/reports/${encodeURIComponent(code)}`, { signal }),
  enter: (body: Record<string, unknown>) => apiRequest<IntakeReceipt>('/api/staff/intake/reports', { method: 'POST', body }),
  append: (code: string, body: Record<string, unknown>) =>
    apiRequest<CallSummary>(`/api/staff/intake/reports/${encodeURIComponent(code)}/calls`, { method: 'POST', body }),
  attachPhotos: (code: string, files: File[], onProgress: (fraction: number) => void) => {
    const form = new FormData();
    for (const file of files) form.append('photos', file);
    return postMultipart<AttachedPhotos>(`/api/staff/intake/reports/${encodeURIComponent(code)}/photos`, form, onProgress);
  },
};
