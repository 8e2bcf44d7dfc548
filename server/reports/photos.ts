import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { MAX_PHOTO_PIXELS } from '../../shared/schemas/report';
import { AppError } from '../http/errors';

// Every upload is a new image: libvips' operation cache would only hold memory (up to 50 MB) for nothing.
sharp.cache(false);

/** Formats accepted as decided by sharp from the bytes; AVIF is HEIF with AV1 compression. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif']);
const LONG_SIDE = 2560;
const THUMB_SIDE = 400;

export type PhotoProblem = 'photo_not_image' | 'photo_unreadable' | 'photo_too_many_pixels';

/** A photo the client sent that cannot be taken; the route names it `photos.<index>`. */
export class PhotoRefused extends Error {
  constructor(readonly problem: PhotoProblem) {
    super(problem);
    this.name = 'PhotoRefused';
  }
}

export const busy = (retryAfterSeconds: number) =>
  new AppError('busy', 503, {}, [], { 'Retry-After': String(retryAfterSeconds) });

export interface ProcessedPhoto {
  fileName: string;
  thumbName: string;
  width: number;
  height: number;
  bytes: number;
}

export interface PhotoDirs {
  /** multer's uploads, deleted after each request. */
  incoming: string;
  /** Re-encoded photos of a report not yet committed. */
  pending: string;
  /** Photos of committed reports, served to staff only. */
  stored: string;
}

export function photoDirs(uploadDir: string): PhotoDirs {
  const dirs = {
    incoming: path.join(uploadDir, 'incoming'),
    pending: path.join(uploadDir, 'pending'),
    stored: path.join(uploadDir, 'photos'),
  };
  // 0700 also when they already exist (issue #15): mkdir's mode applies only to a directory it creates.
  for (const dir of Object.values(dirs)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  return dirs;
}

const randomName = (suffix: string) => `${randomBytes(16).toString('base64url')}${suffix}.jpg`;

function classify(err: unknown): PhotoProblem {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) return 'photo_too_many_pixels';
  if (/unsupported image format|empty|missing/i.test(message)) return 'photo_not_image';
  return 'photo_unreadable';
}

/**
 * SPEC.md §6: decide the type from the bytes, refuse what is not an accepted image or too big in
 * pixels (read from the header, before decoding), then re-encode: orientation applied, every metadata
 * block dropped (sharp keeps none unless asked), at most 2,560 px plus a 400 px thumbnail, random names.
 */
export async function reencodePhoto(source: string, dirs: PhotoDirs): Promise<ProcessedPhoto> {
  const options = { failOn: 'error', limitInputPixels: MAX_PHOTO_PIXELS, animated: false } as const;
  let meta: sharp.Metadata;
  try {
    meta = await sharp(source, options).metadata();
  } catch (err) {
    throw new PhotoRefused(classify(err));
  }
  const isAvif = meta.format === 'heif' && meta.compression === 'av1';
  if (!meta.format || (!ACCEPTED.has(meta.format) && !isAvif)) throw new PhotoRefused('photo_not_image');
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PHOTO_PIXELS) throw new PhotoRefused('photo_too_many_pixels');

  const fileName = randomName('');
  const thumbName = randomName('-thumb');
  try {
    // Mitchell instead of the default Lanczos: about 12% less time on a 12 MP photo, and as sharp to
    // the eye on a downscale. One full decode per photo: the thumbnail is made from the re-encoded photo, which is smaller
    // and already upright. Only images with transparency need flattening onto white.
    let pipeline = sharp(source, options).autoOrient();
    if (meta.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
    const main = await pipeline
      .resize({ width: LONG_SIDE, height: LONG_SIDE, fit: 'inside', withoutEnlargement: true, kernel: 'mitchell' })
      // Huffman optimisation is an extra pass over the image: ~15% of the time for ~5% of the size.
      .jpeg({ quality: 82, optimiseCoding: false })
      .toBuffer({ resolveWithObject: true });
    await writeFile(path.join(dirs.pending, fileName), main.data, { mode: 0o600 });
    // To a buffer, then written 0600 like the photo: sharp's toFile() creates files 0644 (issue #15).
    const thumb = await sharp(main.data)
      .resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75 })
      .toBuffer();
    await writeFile(path.join(dirs.pending, thumbName), thumb, { mode: 0o600 });
    return { fileName, thumbName, width: main.info.width, height: main.info.height, bytes: main.info.size };
  } catch (err) {
    await discardPending(dirs, [{ fileName, thumbName }]);
    throw new PhotoRefused(classify(err));
  }
}

export async function discardPending(
  dirs: PhotoDirs,
  photos: Pick<ProcessedPhoto, 'fileName' | 'thumbName'>[],
): Promise<void> {
  await Promise.all(
    photos.flatMap((p) => [p.fileName, p.thumbName]).map((name) => rm(path.join(dirs.pending, name), { force: true })),
  );
}

/** After the report's transaction committed: its photos become stored photos. */
export async function commitPending(
  dirs: PhotoDirs,
  photos: Pick<ProcessedPhoto, 'fileName' | 'thumbName'>[],
): Promise<void> {
  for (const name of photos.flatMap((p) => [p.fileName, p.thumbName])) {
    await rename(path.join(dirs.pending, name), path.join(dirs.stored, name));
  }
}

/**
 * At start-up: photos left pending by a crash are kept if their report committed (the crash came
 * between commit and rename) and removed otherwise; leftover uploads are removed.
 */
export async function settlePending(
  dirs: PhotoDirs,
  isCommitted: (name: string) => Promise<boolean>,
  minAgeMs: number,
): Promise<{ kept: number; removed: number }> {
  let kept = 0;
  let removed = 0;
  // Another server process on the same uploads may be in the middle of a request: leave young files.
  const settled = async (dir: string, name: string) =>
    minAgeMs === 0 || Date.now() - (await stat(path.join(dir, name))).mtimeMs > minAgeMs;
  for (const name of await readdir(dirs.pending)) {
    if (!(await settled(dirs.pending, name))) continue;
    if (await isCommitted(name)) {
      await rename(path.join(dirs.pending, name), path.join(dirs.stored, name));
      kept += 1;
    } else {
      await rm(path.join(dirs.pending, name), { force: true });
      removed += 1;
    }
  }
  for (const name of await readdir(dirs.incoming)) {
    if (!(await settled(dirs.incoming, name))) continue;
    await rm(path.join(dirs.incoming, name), { force: true });
    removed += 1;
  }
  return { kept, removed };
}

/**
 * STACK.md: sharp takes one core per image, so photos wait for one of `concurrency` slots; past
 * `queueMax` waiting, the request is refused with 503 before memory runs out.
 */
export function createPhotoQueue(limits: { concurrency: number; queueMax: number }) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    /** Reserves slots for `count` photos at once, or refuses the whole request. */
    admit(count: number): void {
      const inLine = active + waiting.length;
      // An idle queue takes any one report, however small the limits are set.
      if (count > 0 && inLine > 0 && inLine + count > limits.concurrency + limits.queueMax) throw busy(5);
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      // A finishing task hands its slot straight to the next in line, so `active` never overshoots.
      if (active >= limits.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
      else active += 1;
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else active -= 1;
      }
    },
  };
}
export type PhotoQueue = ReturnType<typeof createPhotoQueue>;
