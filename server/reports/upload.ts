import { rm } from 'node:fs/promises';
import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../../shared/schemas/report';
import { fieldIssue, payloadTooLarge, unsupportedMediaType, validationFailed } from '../http/errors';
import type { PhotoStore } from './photo-store';
import type { PhotoProblem } from './photos';

export const photoRefusal = (index: number, problem: PhotoProblem) =>
  validationFailed([fieldIssue(['photos', index], problem)]);

/**
 * multipart/form-data with up to five `photos`, streamed to disk (never held in memory), or JSON
 * without photos. Files are removed by `removeUploads` whatever happens to the request.
 */
export function acceptUpload(store: Pick<PhotoStore, 'incomingDir'>): RequestHandler {
  const parse = multer({
    dest: store.incomingDir,
    limits: {
      fileSize: MAX_PHOTO_BYTES,
      files: MAX_PHOTOS,
      fields: 30,
      fieldSize: 64 * 1024,
      parts: 40,
      headerPairs: 100,
    },
  }).array('photos', MAX_PHOTOS);
  return (req, res, next) => {
    if (req.is('application/json')) return next();
    if (!req.is('multipart/form-data')) return next(unsupportedMediaType());
    parse(req, res, (err: unknown) => {
      if (!err) return next();
      void removeUploads(req);
      if (err instanceof multer.MulterError) {
        const index = Array.isArray(req.files) ? req.files.length : 0;
        switch (err.code) {
          case 'LIMIT_FILE_SIZE':
            return next(payloadTooLarge([fieldIssue(['photos', index], 'photo_too_large')]));
          case 'LIMIT_FILE_COUNT':
            return next(validationFailed([fieldIssue(['photos'], 'too_many_photos')]));
          case 'LIMIT_UNEXPECTED_FILE':
            return next(
              validationFailed([
                fieldIssue([err.field ?? 'photos'], err.field === 'photos' ? 'too_many_photos' : 'unexpected_file'),
              ]),
            );
          default:
            return next(validationFailed([fieldIssue([err.field ?? 'body'], 'body_cut')]));
        }
      }
      // busboy: a body that is not well-formed multipart.
      return next(validationFailed([fieldIssue(['body'], 'body_cut')]));
    });
  };
}

/** The request's uploaded files: the `photos` array, or the single `photo` of the photo route. */
export function uploadedFiles(req: Request): Express.Multer.File[] {
  if (Array.isArray(req.files)) return req.files;
  return req.file ? [req.file] : [];
}

/**
 * Never rejects: it runs from callbacks nobody awaits, where a rejection would stop the process. A
 * part cut before its boundary leaves multer a file entry without `path` (issue #15): nothing to remove.
 */
export async function removeUploads(req: Request): Promise<void> {
  const paths = uploadedFiles(req).flatMap((f) => (typeof f.path === 'string' && f.path ? [f.path] : []));
  await Promise.allSettled(paths.map((file) => rm(file, { force: true })));
}

/** Runs `work` and removes the request's uploaded files before the answer goes out, whatever happened. */
export async function withUploads<T>(req: Request, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await removeUploads(req);
  }
}
