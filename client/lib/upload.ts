import { ApiError, csrfHeader, isApiErrorBody } from './api';
import { currentLanguage } from './i18n';

/**
 * multipart POST with real upload progress (fetch cannot report it), answering like apiRequest:
 * the JSON body on 2xx, an ApiError with the server's fields otherwise.
 */
export function postMultipart<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    for (const [name, value] of Object.entries(csrfHeader(path, 'POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Network request failed'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body !== undefined) return resolve(body as T);
      if (isApiErrorBody(body)) {
        const { code, message, fields } = body.error;
        return reject(new ApiError(xhr.status, code, message, Array.isArray(fields) ? fields : []));
      }
      reject(new ApiError(xhr.status, 'unexpected_response', `Unexpected answer (HTTP ${xhr.status})`));
    };
    xhr.send(form);
  });
}
