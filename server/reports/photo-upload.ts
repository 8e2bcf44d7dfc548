import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { MAX_PHOTO_BYTES } from '../../shared/schemas/report';
import { fieldIssue, payloadTooLarge, unsupportedMediaType, validationFailed } from '../http/errors';
import type { PhotoStore } from './photo-store';
import { removeUploads } from './upload';

/**
 * Issue #14: `multipart/form-data` with the receipt's `secret` and ONE file `photo`, streamed to disk.
 * The file is removed by `withUploads` (upload.ts) whatever happens to the request.
 */
export function acceptOnePhoto(store: Pick<PhotoStore, 'incomingDir'>): RequestHandler {
  const parse = multer({
    dest: store.incomingDir,
    limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 8, headerPairs: 100 },
  }).single('photo');
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next(unsupportedMediaType());
    parse(req, res, (err: unknown) => {
      if (!err) return next();
      void removeUploads(req);
      if (err instanceof multer.MulterError) {
        switch (err.code) {
          case 'LIMIT_FILE_SIZE':
            return next(payloadTooLarge([fieldIssue(['photo'], 'photo_too_large')]));
          case 'LIMIT_FILE_COUNT':
          case 'LIMIT_UNEXPECTED_FILE':
            return next(validationFailed([fieldIssue(['photo'], 'one_photo')]));
          default:
            return next(validationFailed([fieldIssue([err.field ?? 'photo'], 'body_cut')]));
        }
      }
      // busboy: a body that is not well-formed multipart.
      return next(validationFailed([fieldIssue(['photo'], 'body_cut')]));
    });
  };
}

/** The uploaded photo's path; 400 on `photo` when none came. */
export function uploadedPhoto(req: Request): string {
  if (!req.file?.path) throw validationFailed([fieldIssue(['photo'], 'required')]);
  return req.file.path;
}
