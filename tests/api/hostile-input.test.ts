import { readdirSync } from 'node:fs';
import request from 'supertest';
import { staffSession, type StaffSession } from '../helpers/staff';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { diskLayout } from '../../server/reports/photo-store';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Issue #15 part 1, verbatim: a `photos` part cut before its closing boundary. */
const TRUNCATED =
  '--XYZ\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\nABCDEF';

describe('a truncated multipart upload (issue #15, part 1)', () => {
  it.each(['/api/public/reports', '/api/public/track/messages'])(
    '%s answers 400 and the server keeps answering, with nothing left in incoming/',
    async (route) => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      try {
        const res = await request(t.app)
          .post(route)
          .set('Content-Type', 'multipart/form-data; boundary=XYZ')
          .send(TRUNCATED);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
        // The reporter is told what happened in words, not a placeholder field name.
        expect(res.body.error.fields).toEqual([
          { field: 'body', message: expect.stringMatching(/^Nội dung gửi lên: .*cắt ngang.*gửi lại$/) },
        ]);
        // Let any clean-up still running settle before looking.
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(unhandled).toEqual([]);
        expect((await request(t.app).get('/healthz')).status).toBe(200);
        expect(readdirSync(diskLayout(t.deps.config.paths.uploadDir).incoming)).toEqual([]);
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    },
  );
});

describe('a truncated photo on the photo route of issue #14', () => {
  it('answers 400 on `photo` and the server keeps answering, with nothing left in incoming/', async () => {
    const cut = TRUNCATED.replace('name="photos"', 'name="photo"');
    const res = await request(t.app)
      .post('/api/public/reports/389-7K4M-Q2XP/photos')
      .set('Content-Type', 'multipart/form-data; boundary=XYZ')
      .send(cut);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['photo']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await request(t.app).get('/healthz')).status).toBe(200);
    expect(readdirSync(diskLayout(t.deps.config.paths.uploadDir).incoming)).toEqual([]);
  });
});

const SENTINEL = 'SENTINEL-9153';
const cursor = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const report = {
  category: 'counterfeit',
  placeType: 'online',
  provinceCode: '04',
  communeCode: '01447',
  address: `Kho hàng của shop ${SENTINEL}`,
  url: 'https://shopee.vn/shop-abc',
  observedAt: '2026-11-22T08:30:00+07:00',
  description: `Shop bán nước hoa giả nhãn hiệu nổi tiếng, giá rẻ bất thường ${SENTINEL}.`,
};
const call = {
  line: '0981.389.389',
  callStartedAt: '2026-11-23T09:00:00+07:00',
  callEndedAt: '2026-11-23T09:05:00+07:00',
  callerAnonymous: true,
};

describe('inputs the database cannot hold are refused before any query, naming the field (issue #15, parts 2 and 3)', () => {
  let sessions: Record<'operator' | 'coordinator' | 'officer', StaffSession>;
  beforeAll(async () => {
    sessions = {
      operator: await staffSession(t.app, 'operator'),
      coordinator: await staffSession(t.app, 'coordinator'),
      officer: await staffSession(t.app, 'customs.cao-bang'),
    };
  });

  const send = (who: keyof typeof sessions | 'public', method: 'get' | 'post', url: string, body?: object) => {
    let req = request(t.app)[method](url);
    if (who !== 'public') req = req.set('Cookie', sessions[who].cookie).set('X-CSRF-Token', sessions[who].csrf);
    return body ? req.send(body) : req;
  };

  it.each([
    [
      'a URL whose path decodes to a NUL',
      'url',
      'public',
      'post',
      '/api/public/reports',
      { ...report, url: 'https://shopee.vn/shop%00abc' },
    ],
    [
      'observedAt in year 0000 at +14:00',
      'observedAt',
      'public',
      'post',
      '/api/public/reports',
      { ...report, observedAt: '0000-01-01T00:00:00+14:00' },
    ],
    [
      'observedAt in year 0001 at +14:00',
      'observedAt',
      'public',
      'post',
      '/api/public/reports',
      { ...report, observedAt: '0001-01-01T00:00:00+14:00' },
    ],
    ['a NUL in a public commune search', 'q', 'public', 'get', '/api/public/provinces/04/communes?q=tr%00a', undefined],
    [
      'a NUL in a tracking message',
      'trackingCode',
      'public',
      'post',
      '/api/public/track',
      { trackingCode: '389-7K4M-Q2XP\u0000', secret: 'ABCDEFGHJKMNPQRS' },
    ],
    [
      'a URL with %00 in the duplicates search',
      'url',
      'operator',
      'post',
      '/api/staff/duplicates',
      { communeCode: '01447', category: 'counterfeit', url: 'https://shopee.vn/shop%00abc' },
    ],
    [
      'a call started in year 0000',
      'callStartedAt',
      'operator',
      'post',
      '/api/staff/intake/reports',
      { ...call, ...report, callStartedAt: '0000-01-01T00:00:00+14:00' },
    ],
    [
      'observedAt in year 0001 from the intake console',
      'observedAt',
      'operator',
      'post',
      '/api/staff/intake/reports',
      { ...call, ...report, observedAt: '0001-01-01T00:00:00+14:00' },
    ],
    ['a NUL in the queue search', 'q', 'officer', 'get', '/api/staff/cases?q=ab%00c', undefined],
    [
      'a queue cursor in year 0',
      'after',
      'officer',
      'get',
      `/api/staff/cases?after=${cursor({ d: '0000-01-01T00:00:00Z', i: '00000000-0000-4000-8000-000000000000' })}`,
      undefined,
    ],
    [
      'a queue cursor of 36 dashes',
      'after',
      'officer',
      'get',
      `/api/staff/cases?after=${cursor({ d: null, i: '-'.repeat(36) })}`,
      undefined,
    ],
    [
      'a drill-down cursor in year 0',
      'after',
      'coordinator',
      'get',
      `/api/staff/stats/reports?after=${cursor({ us: '-62167219200000000', id: '00000000-0000-4000-8000-000000000000' })}`,
      undefined,
    ],
    ['a rule-set id past 2³¹', 'ruleSetId', 'coordinator', 'get', '/api/staff/routing/rule-sets/2147483648', undefined],
    [
      'a NUL in a rule-set scope',
      'province',
      'coordinator',
      'get',
      '/api/staff/routing/rule-sets?province=0%004',
      undefined,
    ],
    ['a holiday in year 0000', 'year', 'coordinator', 'get', '/api/staff/holidays?year=0', undefined],
    [
      'a NUL in a username',
      'username',
      'public',
      'post',
      '/api/staff/session',
      { username: 'admin\u0000', password: 'x' },
    ],
  ] as const)('%s: 400 naming %s, nothing of it in the log', async (_what, field, who, method, url, body) => {
    const before = t.logs.length;
    const res = await send(who, method, url, body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    const logged = JSON.stringify(t.logs.slice(before));
    expect(logged).not.toContain(SENTINEL);
    expect(logged).not.toContain('unhandled error');
  });
});

describe('a path segment that does not decode (found by the fuzz)', () => {
  it('half a surrogate pair in a path is a 400 in the error shape, not a 500', async () => {
    const res = await request(t.app).get('/api/public/provinces/%ED%A0%80/communes?lang=en');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'invalid_path',
      message: 'The requested address holds characters that are not valid.',
      fields: [],
    });
  });
});
