import { randomBytes } from 'node:crypto';
import { chmodSync, createReadStream, mkdirSync } from 'node:fs';
import { readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Issue #19: where re-encoded photos live, behind one interface. A photo is first `put` as pending
 * (written before its report's transaction), then `commit`ted once the transaction has committed, or
 * `discard`ed when it failed; `settle` finishes at start-up what a crash left between the two. The
 * reports code knows names only, never paths: an S3-compatible store is another implementation of this.
 */
export interface PhotoStore {
  /**
   * This machine's directory where multer streams uploads before they are re-encoded; the originals
   * never reach the store. Removed after each request (upload.ts), left-overs by `settle`.
   */
  readonly incomingDir: string;
  /** Writes a pending photo under a new random name (`<random><suffix>.jpg`) and gives the name. */
  put(data: Buffer, suffix: string): Promise<string>;
  /** The report's transaction committed: these pending photos become stored photos. */
  commit(names: string[]): Promise<void>;
  /** The report's transaction failed: these pending photos go. Never rejects for a name already gone. */
  discard(names: string[]): Promise<void>;
  /** A stored photo to serve, or null when there is none of that name (also when it is still pending). */
  open(name: string): Promise<{ stream: Readable; bytes: number } | null>;
  /**
   * Start-up: pending photos at least `minAgeMs` old are kept if `isCommitted(name)` (the crash came
   * between commit and move) and removed otherwise; so are left-over uploads. Safe with several
   * processes settling the same store at once: each file is counted by the one process that moved or
   * removed it.
   */
  settle(isCommitted: (name: string) => Promise<boolean>, minAgeMs: number): Promise<{ kept: number; removed: number }>;
}

export interface PhotoDirs {
  /** multer's uploads, deleted after each request. */
  incoming: string;
  /** Re-encoded photos of a report not yet committed. */
  pending: string;
  /** Photos of committed reports, served to staff only. */
  stored: string;
}

/** The disk store's layout under UPLOAD_DIR (nothing is created). */
export function diskLayout(uploadDir: string): PhotoDirs {
  return {
    incoming: path.join(uploadDir, 'incoming'),
    pending: path.join(uploadDir, 'pending'),
    stored: path.join(uploadDir, 'photos'),
  };
}

/** Creates the layout, 0700 also when the directories already exist (issue #15). */
export function photoDirs(uploadDir: string): PhotoDirs {
  const dirs = diskLayout(uploadDir);
  // mkdir's mode applies only to a directory it creates.
  for (const dir of Object.values(dirs)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  return dirs;
}

const randomName = (suffix: string) => `${randomBytes(16).toString('base64url')}${suffix}.jpg`;
/** Names are ours (random base64url); anything else is refused before it becomes a path. */
const SAFE_NAME = /^[A-Za-z0-9_-]{22}(-thumb)?\.jpg$/;

const isGone = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/** true when this call removed the file; false when another process (or an earlier call) already had. */
async function removeOnce(file: string): Promise<boolean> {
  try {
    await unlink(file);
    return true;
  } catch (err) {
    if (isGone(err)) return false;
    throw err;
  }
}

/** true when this call moved the file; false when it was gone (moved by another process). */
async function moveOnce(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (err) {
    if (isGone(err)) return false;
    throw err;
  }
}

/**
 * Photos as files under UPLOAD_DIR: `pending/` then `photos/`, moved by rename (atomic on one
 * filesystem). Several processes, on one machine or mounting one shared volume, can use the same
 * directory: names are random, and every operation tolerates a file another process already took.
 */
export function createDiskPhotoStore(uploadDir: string): PhotoStore & { dirs: PhotoDirs } {
  const dirs = photoDirs(uploadDir);
  const stored = (name: string) => {
    if (!SAFE_NAME.test(name)) throw new Error(`not a photo name: ${JSON.stringify(name)}`);
    return path.join(dirs.stored, name);
  };
  return {
    dirs,
    incomingDir: dirs.incoming,
    async put(data, suffix) {
      const name = randomName(suffix);
      // 0600 like every file we write (issue #15).
      await writeFile(path.join(dirs.pending, name), data, { mode: 0o600 });
      return name;
    },
    async commit(names) {
      for (const name of names) await rename(path.join(dirs.pending, name), stored(name));
    },
    async discard(names) {
      await Promise.all(names.map((name) => removeOnce(path.join(dirs.pending, name))));
    },
    async open(name) {
      if (!SAFE_NAME.test(name)) return null;
      const file = stored(name);
      try {
        const { size } = await stat(file);
        const stream = createReadStream(file);
        // Opened before it is handed out: a file removed in between is a 404, not a cut answer.
        await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
        return { stream, bytes: size };
      } catch (err) {
        if (isGone(err)) return null;
        throw err;
      }
    },
    async settle(isCommitted, minAgeMs) {
      let kept = 0;
      let removed = 0;
      // Another process on the same uploads may be in the middle of a request: leave young files.
      // A file gone between listing and looking is another process's: skipped.
      const ripe = async (file: string) => {
        if (minAgeMs === 0) return true;
        try {
          return Date.now() - (await stat(file)).mtimeMs > minAgeMs;
        } catch (err) {
          if (isGone(err)) return false;
          throw err;
        }
      };
      for (const name of await readdir(dirs.pending)) {
        const file = path.join(dirs.pending, name);
        if (!(await ripe(file))) continue;
        if (await isCommitted(name)) {
          if (await moveOnce(file, path.join(dirs.stored, name))) kept += 1;
        } else if (await removeOnce(file)) removed += 1;
      }
      for (const name of await readdir(dirs.incoming)) {
        const file = path.join(dirs.incoming, name);
        if ((await ripe(file)) && (await removeOnce(file))) removed += 1;
      }
      return { kept, removed };
    },
  };
}
