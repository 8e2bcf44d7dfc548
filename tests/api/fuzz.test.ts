import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { errorHandler } from '../../server/http/error-handler';
import { createLogger } from '../../server/logger';
import { FUZZ_SENTINEL, fuzzApi, type OpenApiDocument } from '../helpers/fuzz';
import { staffSession, type StaffSession } from '../helpers/staff';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Issue #15: every documented route, fuzzed from the OpenAPI document. Reproduce a failure with the
 * seed it printed: `FUZZ_SEED=<seed> npm test -- -w 1 tests/api/fuzz.test.ts`; `FUZZ_RUNS` sets the
 * requests per route (default 20: about 1,400 requests, well under a minute per engine).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 389_015);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);

jest.setTimeout(180_000);

const STAFF = {
  admin: 'admin',
  coordinator: 'coordinator',
  operator: 'operator',
  officer: 'customs.cao-bang',
  lead: 'lead.market.cao-bang',
} as const;
/** A route that acts on the caller's own account (sign out, change password) gets an account of its own. */
const OWN_ACCOUNT = /^\/api\/staff\/(session|sessions|password)$/;
const PASSWORD_HASHING = /^\/api\/staff\/(session|sessions|password|accounts|accounts\/\{accountId\}\/password)$/;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the API under fuzz (issue #15)', () => {
  it(`answers every documented route below 500, in the error shape, without logging what it was sent (seed ${SEED}, ${RUNS} runs a route)`, async () => {
    const document = (await request(t.app).get('/api/openapi.json')).body as OpenApiDocument;
    const usernames: Record<string, string> = { ...STAFF };
    const passwords: Record<string, string | undefined> = {};
    const sessions = new Map<string, StaffSession>();
    const session = async (role: string) => {
      const known = sessions.get(role);
      if (known) return known;
      const fresh = await staffSession(t.app, usernames[role] ?? role, passwords[role]);
      sessions.set(role, fresh);
      return fresh;
    };
    const admin = await session('admin');
    const own = await request(t.app)
      .post('/api/staff/accounts')
      .set('Cookie', admin.cookie)
      .set('X-CSRF-Token', admin.csrf)
      .send({ username: 'fuzz.self', displayName: 'Fuzz', role: 'operator' });
    usernames.self = 'fuzz.self';
    passwords.self = own.body.password as string;

    // Values that exist, so that the fuzz reaches past "not found": a report, units, rule sets.
    const receipt = await request(t.app).post('/api/public/reports').send({
      category: 'counterfeit',
      placeType: 'market',
      provinceCode: '04',
      communeCode: '01447',
      address: 'Chợ Trà Lĩnh',
      observedAt: '2026-11-22T08:30:00+07:00',
      description: 'Bán nước hoa giả nhãn hiệu nổi tiếng, giá rẻ bất thường.',
    });
    const units = await request(t.app).get('/api/staff/units').set('Cookie', admin.cookie);
    const coordinator = await session('coordinator');
    const ruleSets = await request(t.app)
      .get('/api/staff/routing/rule-sets?province=04')
      .set('Cookie', coordinator.cookie);
    const unitIds = ((units.body.units ?? []) as { id: string }[]).map((u) => u.id).slice(0, 3);
    const known = {
      code: [receipt.body.trackingCode as string],
      trackingCode: [receipt.body.trackingCode as string],
      unitId: unitIds,
      unit: unitIds,
      ruleSetId: ((ruleSets.body.ruleSets ?? ruleSets.body.versions ?? []) as { id: number }[])
        .map((r) => r.id)
        .slice(0, 3),
      into: [receipt.body.trackingCode as string],
      version: [1, 2, 3, 4],
      provinceCode: ['04'],
      communeCode: ['01447'],
      province: ['04', 'national'],
      url: ['https://shopee.vn/shop-abc'],
      line: ['0981.389.389'],
      callerNumber: ['0912 345 678'],
      contactPhone: ['0912 345 678'],
      day: ['2026-12-25'],
      from: ['2026-01-01', '2026-06-01'],
      to: ['2026-10-31', '2026-11-22'],
    };

    const failures = await fuzzApi({
      app: t.app,
      document,
      logs: t.logs,
      session,
      forget: (role) => sessions.delete(role),
      rolesFor: (method, path) => {
        if (!path.startsWith('/api/staff/') || (method === 'post' && path === '/api/staff/session')) return [];
        return OWN_ACCOUNT.test(path) ? ['self'] : Object.keys(STAFF);
      },
      // Each of these hashes a password (scrypt, tens of milliseconds by design): a quarter of the runs.
      runsFor: (method, path) =>
        PASSWORD_HASHING.test(path) && method !== 'get' ? Math.max(5, Math.round(RUNS / 4)) : undefined,
      last: (method, path) => method === 'post' && path === '/api/staff/session',
      known,
      numRuns: RUNS,
      seed: SEED,
    });
    expect(failures).toEqual([]);
    expect((await request(t.app).get('/readyz')).status).toBe(200);
    expect(JSON.stringify(t.logs)).not.toContain(FUZZ_SENTINEL);
  });
});

describe('the fuzz driver', () => {
  it('reports a planted 500 and a planted log of request data, and the server that died', async () => {
    const logs: Record<string, unknown>[] = [];
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line));
          done();
        },
      }),
    );
    const planted = express();
    planted.use(express.json());
    planted.get('/api/planted/:n', (req, res) => {
      // The bug the fuzz must find: an id past int4 reaches a query.
      if (!(Number(req.params.n) <= 2 ** 31 - 1)) throw new Error('integer out of range');
      res.json({ ok: true });
    });
    planted.post('/api/leaky', (req, res) => {
      logger.info({ note: (req.body as { note?: unknown } | undefined)?.note }, 'a route that logs what it was sent');
      res.status(204).end();
    });
    planted.get('/healthz', (_req, res) =>
      res.status(503).json({ error: { code: 'down', message: 'down', fields: [] } }),
    );
    planted.use(errorHandler(logger));
    const document: OpenApiDocument = {
      paths: {
        '/api/planted/{n}': {
          get: { parameters: [{ name: 'n', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }] },
        },
        '/api/leaky': {
          post: {
            requestBody: {
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { note: { type: 'string' } }, required: ['note'] },
                },
              },
            },
          },
        },
      },
    };
    const failures = await fuzzApi({
      app: planted,
      document,
      logs,
      session: () => Promise.reject(new Error('no staff here')),
      forget: () => undefined,
      rolesFor: () => [],
      numRuns: 50,
      seed: SEED,
    });
    expect(failures).toEqual([
      expect.objectContaining({ route: 'GET /api/planted/{n}', problem: expect.stringMatching(/^answered 500/) }),
      expect.objectContaining({
        route: 'POST /api/leaky',
        problem: expect.stringMatching(/^logged what the request carried/),
      }),
      expect.objectContaining({ route: 'GET /healthz', problem: expect.stringMatching(/no longer answers/) }),
    ]);
  });
});
