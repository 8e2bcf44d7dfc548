import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startThrottleProxy, type ThrottleProxy } from '../../helpers/throttle-proxy';

/** The weak-link proxy the browser tests of issue #14 rely on: if it lies, they prove nothing. */
describe('throttle proxy', () => {
  const body = Buffer.alloc(50_000, 'x');
  let origin: http.Server;
  let proxy: ThrottleProxy;

  beforeAll(async () => {
    origin = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end(body));
    });
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    proxy = await startThrottleProxy(
      { port: (origin.address() as AddressInfo).port },
      { downKbps: 1000, upKbps: 500, latencyMs: 200 },
    );
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((resolve) => origin.close(resolve));
  });
  afterEach(() => proxy.restore());

  const get = () => fetch(`${proxy.url}/`, { headers: { connection: 'close' } }).then((r) => r.arrayBuffer());

  it('delivers at the link speed plus latency', async () => {
    const started = Date.now();
    const received = await get();
    const elapsed = Date.now() - started;
    expect(received.byteLength).toBe(body.length);
    // 50 kB at 1 Mbit/s is 400 ms, plus at least one round trip.
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(3000);
  });

  it('uploads at the uplink speed', async () => {
    const started = Date.now();
    await fetch(`${proxy.url}/`, {
      method: 'POST',
      body: Buffer.alloc(25_000, 'y'),
      headers: { connection: 'close' },
    }).then((r) => r.arrayBuffer());
    // 25 kB up at 500 kbit/s is 400 ms; 50 kB down at 1 Mbit/s another 400 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
  });

  it('a stall holds the answer until the link is restored', async () => {
    proxy.stall();
    let done = false;
    const pending = get().then((r) => {
      done = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(done).toBe(false);
    proxy.restore();
    expect((await pending).byteLength).toBe(body.length);
  });

  it('a cut fails the request in flight and refuses new ones until restored', async () => {
    const inFlight = get();
    await new Promise((resolve) => setTimeout(resolve, 150));
    proxy.cut();
    await expect(inFlight).rejects.toThrow();
    await expect(get()).rejects.toThrow();
    proxy.restore();
    expect((await get()).byteLength).toBe(body.length);
  });
});
