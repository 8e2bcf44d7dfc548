import { useMutation } from '@tanstack/react-query';
import type { CitizenViewBody } from '../../../shared/api/reports';
import { apiRequest } from '../../lib/api';
import { postMultipart } from '../../lib/upload';

export type Receipt = { trackingCode: string; secret: string };

/**
 * The tracking page's calls (SPEC.md §6). Both are POSTs carrying the secret, never kept in a cache: each answer
 * is the citizen's view as it stands.
 */
export function useLookUp() {
  return useMutation({
    mutationFn: (receipt: Receipt) =>
      apiRequest<CitizenViewBody>('/api/public/track', { method: 'POST', body: receipt }),
  });
}

/** An answer or more information, with photos, as multipart with the upload's progress. */
export function useSendMessage() {
  return useMutation({
    mutationFn: ({
      receipt,
      message,
      photos,
      onProgress,
    }: {
      receipt: Receipt;
      message: string;
      photos: File[];
      onProgress: (fraction: number) => void;
    }) => {
      const form = new FormData();
      form.append('trackingCode', receipt.trackingCode);
      form.append('secret', receipt.secret);
      form.append('message', message);
      for (const photo of photos) form.append('photos', photo);
      return postMultipart<CitizenViewBody>('/api/public/track/messages', form, onProgress);
    },
  });
}
