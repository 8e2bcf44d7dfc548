import net from 'node:net';

/**
 * A TCP proxy in front of the test server that behaves like a weak mobile link (issue #14).
 * Chromium's own network emulation cannot drop or stall an upload already under way (STACK.md), so
 * the browser talks to this proxy: each direction is a serial link of `kbps` with half the round-trip
 * latency on every byte, and the link can be cut (connections reset, new ones refused), stalled
 * (nothing forwarded, sockets kept open: a silent dead zone) and restored.
 */
export interface LinkSettings {
  /** Server → browser, kbit/s. */
  downKbps: number;
  /** Browser → server, kbit/s. */
  upKbps: number;
  /** Round trip added to every exchange, ms. */
  latencyMs: number;
}

export const WEAK_3G: LinkSettings = { downKbps: 400, upKbps: 200, latencyMs: 400 };

export type LinkState = 'up' | 'stalled' | 'down';

export interface ThrottleProxy {
  url: string;
  port: number;
  state(): LinkState;
  /** Resets every open connection and refuses new ones until `restore()`. */
  cut(): void;
  /** Stops forwarding in both directions; connections stay open. */
  stall(): void;
  /** Back to a working link (forwarding resumes where it stopped). */
  restore(): void;
  /** Bytes delivered to the server and to the browser since the start (or the last `resetCounters`). */
  bytes(): { up: number; down: number };
  resetCounters(): void;
  close(): Promise<void>;
}

const SLICE = 1024;

/** One direction of one connection: a serial link with a bit rate and a one-way delay. */
class Shaper {
  private queue: Buffer[] = [];
  private queued = 0;
  private linkFreeAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private flight: { slice: Buffer; delivered: boolean }[] = [];
  /** Slices on their way: a cut or closed link drops them (and a very slow link leaves no timer behind). */
  private readonly deliveries = new Set<NodeJS.Timeout>();

  constructor(
    private readonly from: net.Socket,
    private readonly to: net.Socket,
    private readonly kbps: () => number,
    private readonly oneWayMs: () => number,
    private readonly stalled: () => boolean,
    private readonly count: (n: number) => void,
  ) {
    from.on('data', (chunk: Buffer) => {
      for (let i = 0; i < chunk.length; i += SLICE) this.queue.push(chunk.subarray(i, i + SLICE));
      this.queued += chunk.length;
      // Backpressure: a sender sees its bytes leave at the link's speed, not at loopback speed.
      if (this.queued > 16 * SLICE) from.pause();
      this.pump();
    });
  }

  pump(): void {
    if (this.timer || this.stalled() || this.to.destroyed) return;
    const slice = this.queue.shift();
    if (!slice) return;
    const now = Date.now();
    const start = Math.max(now, this.linkFreeAt);
    this.linkFreeAt = start + (slice.length * 8) / this.kbps();
    const deliverIn = this.linkFreeAt + this.oneWayMs() - now;
    // Slices leave in order: a timer that fires before an earlier slice's (a busy event loop can
    // reorder timers of different lengths) delivers that earlier slice first.
    const entry = { slice, delivered: false };
    this.flight.push(entry);
    this.inFlight += 1;
    const delivery = setTimeout(() => {
      this.deliveries.delete(delivery);
      while (!entry.delivered) {
        const next = this.flight.shift();
        if (!next) break;
        next.delivered = true;
        this.inFlight -= 1;
        if (!this.to.destroyed) {
          this.to.write(next.slice);
          this.count(next.slice.length);
        }
      }
      this.endIfDone();
    }, deliverIn);
    this.deliveries.add(delivery);
    this.queued -= slice.length;
    if (this.queued <= 4 * SLICE && this.from.isPaused() && !this.from.destroyed) this.from.resume();
    // The next slice may start as soon as this one has left the link.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, this.linkFreeAt - now);
  }

  private ended = false;
  private wantEnd = false;
  end(): void {
    this.wantEnd = true;
    this.endIfDone();
  }

  private endIfDone(): void {
    if (this.wantEnd && !this.ended && this.queue.length === 0 && this.inFlight === 0) {
      this.ended = true;
      this.to.end();
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = [];
    this.flight = [];
    this.deliveries.forEach((d) => clearTimeout(d));
    this.deliveries.clear();
  }
}

export async function startThrottleProxy(
  target: { host?: string; port: number },
  settings: LinkSettings = WEAK_3G,
): Promise<ThrottleProxy> {
  let link: LinkState = 'up';
  let up = 0;
  let down = 0;
  const open = new Set<{ client: net.Socket; server: net.Socket; shapers: Shaper[] }>();

  const server = net.createServer((client) => {
    if (link === 'down') {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target.port, target.host ?? '127.0.0.1');
    const stalled = () => link !== 'up';
    const toServer = new Shaper(
      client,
      upstream,
      () => settings.upKbps,
      () => settings.latencyMs / 2,
      stalled,
      (n) => (up += n),
    );
    const toClient = new Shaper(
      upstream,
      client,
      () => settings.downKbps,
      () => settings.latencyMs / 2,
      stalled,
      (n) => (down += n),
    );
    const entry = { client, server: upstream, shapers: [toServer, toClient] };
    open.add(entry);
    const finish = () => {
      toServer.stop();
      toClient.stop();
      open.delete(entry);
      if (!client.destroyed) client.destroy();
      if (!upstream.destroyed) upstream.destroy();
    };
    // A side that closes has its last bytes delivered before the other side is ended.
    client.on('end', () => toServer.end());
    upstream.on('end', () => toClient.end());
    upstream.on('close', () => toClient.end());
    client.on('close', finish);
    client.on('error', finish);
    upstream.on('error', finish);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    state: () => link,
    cut() {
      link = 'down';
      for (const { client, server: upstream, shapers } of open) {
        shapers.forEach((s) => s.stop());
        client.resetAndDestroy();
        upstream.destroy();
      }
      open.clear();
    },
    stall() {
      link = 'stalled';
    },
    restore() {
      link = 'up';
      for (const { shapers } of open) shapers.forEach((s) => s.pump());
    },
    bytes: () => ({ up, down }),
    resetCounters() {
      up = 0;
      down = 0;
    },
    async close() {
      for (const { client, server: upstream } of open) {
        client.destroy();
        upstream.destroy();
      }
      open.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
