import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('one error shape, in Vietnamese by default and English on request', () => {
  it('answers an unknown /api path with the JSON 404 in Vietnamese, with a request id', async () => {
    const res = await request(t.app).get('/api/public/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.type).toBe('application/json');
    expect(res.body).toEqual({
      error: {
        code: 'not_found',
        message: 'Không tìm thấy địa chỉ được yêu cầu.',
        fields: [],
        requestId: res.headers['x-request-id'],
      },
    });
  });

  it('gives the same error in English with ?lang=en and with Accept-Language: en', async () => {
    const byQuery = await request(t.app).get('/api/staff/nothing?lang=en');
    const byHeader = await request(t.app).get('/api/nothing').set('Accept-Language', 'en-US,en;q=0.9');
    for (const res of [byQuery, byHeader]) {
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not_found', message: 'The requested address was not found.' });
    }
  });

  it('names the failing field in the message, in the request language', async () => {
    const vi = await request(t.app).get('/api/public/provinces/04/communes?limit=0');
    expect(vi.status).toBe(400);
    expect(vi.body.error.code).toBe('validation_failed');
    expect(vi.body.error.fields).toEqual([{ field: 'limit', message: 'Số kết quả: phải lớn hơn hoặc bằng 1' }]);
    const en = await request(t.app).get('/api/public/provinces/04/communes?limit=0&lang=en');
    expect(en.body.error.fields).toEqual([{ field: 'limit', message: 'Number of results: must be at least 1' }]);
  });

  it('tells a wrong value from a missing one', async () => {
    const res = await request(t.app).get('/api/public/provinces/04/communes?limit=abc');
    expect(res.body.error.fields).toEqual([{ field: 'limit', message: 'Số kết quả: giá trị không hợp lệ' }]);
  });

  it('lists every bad field at once', async () => {
    const res = await request(t.app).get('/api/public/provinces/4/communes?limit=9999');
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['limit', 'provinceCode']);
  });

  it('refuses a body that is not JSON with a 400 in the same shape, not a 500', async () => {
    const res = await request(t.app)
      .post('/api/public/meta')
      .set('Content-Type', 'application/json')
      .send('{"category": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('refuses an oversized JSON body with 413', async () => {
    const res = await request(t.app)
      .post('/api/public/meta')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ description: 'x'.repeat(300_000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('answers a method the path does not have with the JSON 404', async () => {
    const res = await request(t.app).delete('/api/public/provinces');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('rate limits on /api/public', () => {
  it('answers the request past the limit with 429, Retry-After and the error shape', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_DISABLED: '0', RATE_LIMIT_PUBLIC_MAX: '3' } });
    try {
      for (let i = 0; i < 3; i++) expect((await request(limited.app).get('/api/public/meta')).status).toBe(200);
      const res = await request(limited.app).get('/api/public/meta?lang=en');
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('60');
      expect(res.body.error).toMatchObject({
        code: 'rate_limited',
        message: expect.stringMatching(/^Too many requests/),
      });
    } finally {
      await limited.close();
    }
  });
});
