import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../server/db/client';
import { createDiskPhotoStore } from '../../server/reports/photo-store';
import { reencodePhoto } from '../../server/reports/photos';
import { phoneJpeg } from '../helpers/images';

/** Every file and directory under `dir` with its permission bits, e.g. ['f600', 'd700']. */
function modesUnder(dir: string): Set<string> {
  const seen = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    seen.add(`${entry.isDirectory() ? 'd' : 'f'}${(statSync(full).mode & 0o777).toString(8)}`);
    if (entry.isDirectory()) for (const mode of modesUnder(full)) seen.add(mode);
  }
  return seen;
}
const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('files on disk are readable by the server account only (issue #15)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'tipline-modes-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps the embedded database 0700/0600, also in a DATA_DIR that already existed open to everyone', async () => {
    const dataDir = path.join(root, 'data');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o777);
    const database = await openDatabase({ dataDir });
    expect(modeOf(dataDir)).toBe('700');
    expect(modesUnder(dataDir)).toEqual(new Set(['d700', 'f600']));
    // Files PGlite makes while running (it writes them 0666) are behind the 0700 directory, and 0600 once closed.
    await database.pglite?.query('create table written_while_running (a int)');
    await database.close();
    expect(modeOf(dataDir)).toBe('700');
    expect(modesUnder(dataDir)).toEqual(new Set(['d700', 'f600']));
  }, 60_000);

  it('writes photos and thumbnails 0600 into upload directories kept 0700, even ones that existed open', async () => {
    const uploadDir = path.join(root, 'uploads');
    for (const sub of ['incoming', 'pending', 'photos']) {
      mkdirSync(path.join(uploadDir, sub), { recursive: true });
      chmodSync(path.join(uploadDir, sub), 0o777);
    }
    const store = createDiskPhotoStore(uploadDir);
    const { dirs } = store;
    const source = path.join(dirs.incoming, 'upload');
    writeFileSync(source, await phoneJpeg(800, 600, 1), { mode: 0o600 });
    const photo = await reencodePhoto(source, store);
    expect([dirs.incoming, dirs.pending, dirs.stored].map(modeOf)).toEqual(['700', '700', '700']);
    expect(modeOf(path.join(dirs.pending, photo.fileName))).toBe('600');
    expect(modeOf(path.join(dirs.pending, photo.thumbName))).toBe('600');
  });
});
