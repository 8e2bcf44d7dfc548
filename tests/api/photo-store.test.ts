import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import sharp from 'sharp';
import request from 'supertest';
import { createApp } from '../../server/app';
import { assembleDeps } from '../../server/deps';
import { createDiskPhotoStore } from '../../server/reports/photo-store';
import { phoneJpeg } from '../helpers/images';
import { staffSession } from '../helpers/staff';
import { createTestApp, type TestApp } from '../helpers/test-app';

const report = {
  category: 'counterfeit',
  placeType: 'market',
  provinceCode: '04',
  communeCode: '01447',
  address: 'Chợ Trà Lĩnh, gian hàng số 12',
  observedAt: '2026-11-22T08:30:00+07:00',
  description: 'Bán nước hoa giả nhãn hiệu nổi tiếng, giá rẻ bất thường, không có hóa đơn.',
};

describe('two processes on one UPLOAD_DIR (issue #19)', () => {
  let t: TestApp;
  let other: Express;
  beforeAll(async () => {
    t = await createTestApp();
    // A second app as another server process would build it: its own deps and its own photo store,
    // the same database and the same UPLOAD_DIR (a volume both mount).
    const { config, database, clock, logger, secrets } = t.deps;
    const second = assembleDeps({ config, database, clock, logger, secrets });
    expect(second.photos.store).not.toBe(t.deps.photos.store);
    other = createApp(second);
  });
  afterAll(() => t.close());

  it('serves through one process the photos a report sent through the other', async () => {
    let req = request(t.app).post('/api/public/reports');
    for (const [k, v] of Object.entries(report)) req = req.field(k, v);
    const sent = await req.attach('photos', await phoneJpeg(1600, 1200), {
      filename: 'a.jpg',
      contentType: 'image/jpeg',
    });
    expect(sent.status).toBe(201);
    const late = await request(other)
      .post(`/api/public/reports/${sent.body.trackingCode}/photos`)
      .field('secret', sent.body.secret)
      .attach('photo', await phoneJpeg(800, 600), { filename: 'b.jpg', contentType: 'image/jpeg' });
    expect(late.status).toBe(201);

    const officer = await staffSession(t.app, 'market.cao-bang');
    const page = await request(other).get(`/api/staff/cases/${sent.body.trackingCode}`).set('Cookie', officer.cookie);
    expect(page.body.photos).toHaveLength(2);
    for (const app of [t.app, other])
      for (const photo of page.body.photos as { id: string }[])
        for (const size of ['full', 'thumb']) {
          const image = await request(app)
            .get(`/api/staff/photos/${photo.id}?size=${size}`)
            .set('Cookie', officer.cookie)
            .buffer(true);
          expect(image.status).toBe(200);
          expect(image.headers['content-type']).toBe('image/jpeg');
          expect(Number(image.headers['content-length'])).toBe((image.body as Buffer).length);
          expect((await sharp(image.body as Buffer).metadata()).format).toBe('jpeg');
        }
  });
});

describe('the disk photo store (issue #19)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tipline-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its contract across two instances on one directory: put, commit, open, discard', async () => {
    const one = createDiskPhotoStore(dir);
    const two = createDiskPhotoStore(dir);
    const name = await one.put(Buffer.from('photo'), '');
    const thumb = await one.put(Buffer.from('thumb'), '-thumb');
    expect(name).toMatch(/^[A-Za-z0-9_-]{22}\.jpg$/);
    expect(thumb).toMatch(/^[A-Za-z0-9_-]{22}-thumb\.jpg$/);
    // Pending is not served.
    expect(await two.open(name)).toBeNull();
    await one.commit([name, thumb]);
    const opened = await two.open(name);
    expect(opened?.bytes).toBe(5);
    expect(await text(opened!.stream)).toBe('photo');

    const dropped = await two.put(Buffer.from('x'), '');
    await one.discard([dropped]);
    await two.discard([dropped]); // already gone: no error
    expect(await one.open(dropped)).toBeNull();
    // Names that are not ours never become paths.
    expect(await one.open('../secrets.json')).toBeNull();
  });

  it('settles half-stored photos once when two processes start at once on the same directory', async () => {
    const setup = createDiskPhotoStore(dir);
    const committed = new Set<string>();
    const pending: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const name = await setup.put(Buffer.from(`photo ${i}`), i % 2 ? '-thumb' : '');
      pending.push(name);
      if (i % 3 === 0) committed.add(name);
    }
    for (let i = 0; i < 10; i += 1) writeFileSync(path.join(setup.dirs.incoming, `upload-${i}`), 'x');
    const one = createDiskPhotoStore(dir);
    const two = createDiskPhotoStore(dir);
    // Slow database answers, so that the two settlements interleave on every file.
    const isCommitted = async (name: string) => {
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      return committed.has(name);
    };
    const [a, b] = await Promise.all([one.settle(isCommitted, 0), two.settle(isCommitted, 0)]);
    expect(a.kept + b.kept).toBe(committed.size);
    expect(a.removed + b.removed).toBe(pending.length - committed.size + 10);
    expect(readdirSync(setup.dirs.pending)).toEqual([]);
    expect(readdirSync(setup.dirs.incoming)).toEqual([]);
    expect(readdirSync(setup.dirs.stored).sort()).toEqual([...committed].sort());
    // And again: nothing left to do, no error.
    expect(await one.settle(isCommitted, 0)).toEqual({ kept: 0, removed: 0 });
  });

  it('leaves young files to the process that may still be writing them', async () => {
    const store = createDiskPhotoStore(dir);
    await store.put(Buffer.from('in flight'), '');
    expect(await store.settle(() => Promise.resolve(false), 3_600_000)).toEqual({ kept: 0, removed: 0 });
    expect(readdirSync(store.dirs.pending)).toHaveLength(1);
  });
});
