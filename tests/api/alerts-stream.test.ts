import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { STREAM_SESSION_CHECK_MS } from '../../server/alerts/stream';
import { staffSession, type StaffSession } from '../helpers/staff';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';

let t: TestApp;
let server: Server;
let base = '';
let officer: StaffSession;

beforeAll(async () => {
  t = await createTestApp();
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  officer = await staffSession(t.app, 'market.cao-bang');
});
afterAll(async () => {
  t.deps.streams.closeAll();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** Reads Server-Sent Events from `body` until `until` returns true for the events so far (or 10 s pass). */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  until: (events: { event: string; data: string }[]) => boolean,
): Promise<{ event: string; data: string }[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: { event: string; data: string }[] = [];
  let buffer = '';
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !until(events)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data });
    }
  }
  reader.releaseLock();
  return events;
}

describe('GET /api/staff/alerts/stream', () => {
  it('sends the officer an `alert` and a `case` event when a citizen files a report for the unit; closes on shutdown', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/staff/alerts/stream`, {
      headers: { Cookie: officer.cookie },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const body = res.body;
    if (!body) throw new Error('no body');
    const filed = await request(t.app)
      .post('/api/public/reports')
      .send({
        category: 'counterfeit',
        placeType: 'market',
        provinceCode: '04',
        communeCode: '01447',
        address: 'Chợ Trà Lĩnh',
        description: 'Bán nước hoa giả nhãn hiệu Chanel ở chợ, giá rất rẻ, không có hóa đơn.',
        observedAt: new Date(FIXED_NOW.getTime() - 3_600_000).toISOString(),
      });
    expect(filed.status).toBe(201);
    const code = filed.body.trackingCode as string;
    const events = await readEvents(
      body,
      (seen) => seen.some((e) => e.event === 'alert') && seen.some((e) => e.event === 'case'),
    );
    const alert = events.find((e) => e.event === 'alert');
    expect(JSON.parse(alert?.data ?? '{}')).toMatchObject({ kind: 'routed', trackingCode: code, readAt: null });
    expect(events.filter((e) => e.event === 'case').map((e) => JSON.parse(e.data))).toContainEqual({
      trackingCode: code,
    });
    // The description never travels on the stream.
    expect(JSON.stringify(events)).not.toContain('Chanel');

    // Shutdown: the server ends every open stream.
    expect(t.deps.streams.size).toBe(1);
    t.deps.streams.closeAll();
    const reader = body.getReader();
    let done = false;
    const until = Date.now() + 5_000;
    while (!done && Date.now() < until) done = (await reader.read()).done;
    expect(done).toBe(true);
    expect(t.deps.streams.size).toBe(0);
  });

  it('ends within the session check interval once the session is signed out', async () => {
    t.deps.streams.sessionCheckMs = 200;
    const other = await staffSession(t.app, 'police.cao-bang');
    try {
      const res = await fetch(`${base}/api/staff/alerts/stream`, { headers: { Cookie: other.cookie } });
      expect(res.status).toBe(200);
      const body = res.body;
      if (!body) throw new Error('no body');
      // Still open after a few checks while the session lives.
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(t.deps.streams.size).toBe(1);
      const out = await request(t.app)
        .delete('/api/staff/session')
        .set('Cookie', other.cookie)
        .set('X-CSRF-Token', other.csrf);
      expect(out.status).toBeLessThan(300);
      const signedOutAt = Date.now();
      const reader = body.getReader();
      let done = false;
      while (!done && Date.now() - signedOutAt < 5_000) done = (await reader.read()).done;
      expect(done).toBe(true);
      expect(Date.now() - signedOutAt).toBeLessThan(2_000);
      expect(t.deps.streams.size).toBe(0);
    } finally {
      t.deps.streams.sessionCheckMs = STREAM_SESSION_CHECK_MS;
    }
  });

  it('refuses without a session (401)', async () => {
    const res = await fetch(`${base}/api/staff/alerts/stream`);
    expect(res.status).toBe(401);
  });
});
