import { ApiError, csrfHeader, isApiErrorBody } from './api';
import { currentLanguage } from './i18n';

export interface SendOptions {
  method?: 'POST' | 'PUT';
  /** A JSON value (sent as JSON) or a multipart form. */
  body: FormData | { json: unknown };
  headers?: Record<string, string>;
  /** Bytes moved so far, up or down: the caller watches it to tell a slow link from a dead one. */
  onProgress?: (sent: { loaded: number; total: number }) => void;
  /** Any byte moving in either direction (upload progress, the answer arriving). */
  onActivity?: () => void;
  signal?: AbortSignal;
}

/**
 * A request to our API through XMLHttpRequest, because fetch cannot report upload progress. It
 * answers like apiRequest: the JSON body on 2xx, an ApiError with the server's fields otherwise,
 * ApiError 'network' when no answer came (the caller may retry), an AbortError when cancelled.
 */
export function sendWithProgress<T>(path: string, options: SendOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(options.method ?? 'POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    const isJson = !(options.body instanceof FormData);
    if (isJson) xhr.setRequestHeader('Content-Type', 'application/json');
    for (const [name, value] of Object.entries({ ...csrfHeader(path, 'POST'), ...options.headers }))
      xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      options.onActivity?.();
      if (e.lengthComputable) options.onProgress?.({ loaded: e.loaded, total: e.total });
    };
    xhr.onprogress = () => options.onActivity?.();
    const abort = () => xhr.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    const settle = () => options.signal?.removeEventListener('abort', abort);
    xhr.onabort = () => {
      settle();
      reject(new DOMException('The request was cancelled', 'AbortError'));
    };
    xhr.onerror = () => {
      settle();
      reject(new ApiError(0, 'network', 'Network request failed'));
    };
    xhr.onload = () => {
      settle();
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body !== undefined) return resolve(body as T);
      if (isApiErrorBody(body)) {
        const { code, message, fields, details } = body.error;
        return reject(new ApiError(xhr.status, code, message, Array.isArray(fields) ? fields : [], details));
      }
      reject(new ApiError(xhr.status, 'unexpected_response', `Unexpected answer (HTTP ${xhr.status})`));
    };
    if (options.signal?.aborted) {
      reject(new DOMException('The request was cancelled', 'AbortError'));
      return;
    }
    xhr.send(isJson ? JSON.stringify((options.body as { json: unknown }).json) : (options.body as FormData));
  });
}

/** multipart POST with real upload progress (as a fraction), as the tracking page sends answers. */
export function postMultipart<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return sendWithProgress<T>(path, {
    body: form,
    onProgress: ({ loaded, total }) => onProgress(total ? loaded / total : 0),
  });
}
