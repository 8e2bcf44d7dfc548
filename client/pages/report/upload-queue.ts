/**
 * The photos of a sent report, each uploaded on its own (issue #14): one at a time, a failure retried
 * after a growing pause, a stalled link reported after 20 s without a byte moving. Pure: the sender
 * feeds it events with the time, the page shows what it holds.
 */
export type PhotoStatus = 'waiting' | 'sending' | 'sent' | 'failed' | 'refused';

export interface PhotoUpload {
  /** The photo's own Idempotency-Key: a resend after a lost answer stores nothing twice. */
  key: string;
  name: string;
  bytes: number;
  status: PhotoStatus;
  /** Bytes sent in the current attempt. */
  loaded: number;
  /** Failed attempts so far. */
  failures: number;
  /** When a failed photo is tried again (ms since epoch). */
  retryAt: number | null;
  /** Last time a byte moved for this photo (ms since epoch). */
  activeAt: number | null;
  /** Set when the server refused the photo for good (e.g. not an image): it is not retried. */
  error?: string;
}

export const STALL_AFTER_MS = 20_000;
const FIRST_PAUSE_MS = 2_000;
const LONGEST_PAUSE_MS = 60_000;

/** Pause before attempt n+1 after n failures: 2 s, 4 s, 8 s… at most a minute. */
export function retryDelay(failures: number): number {
  return Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.max(0, failures - 1));
}

export function newUpload(key: string, name: string, bytes: number): PhotoUpload {
  return { key, name, bytes, status: 'waiting', loaded: 0, failures: 0, retryAt: null, activeAt: null };
}

export type QueueEvent =
  | { type: 'start'; key: string; at: number }
  | { type: 'progress'; key: string; loaded: number; at: number }
  | { type: 'activity'; key: string; at: number }
  | { type: 'sent'; key: string }
  | { type: 'failed'; key: string; at: number }
  | { type: 'refused'; key: string; error: string }
  /** The network came back or the reporter asked: failed photos are tried at once. */
  | { type: 'retry_now'; at: number };

export function applyQueueEvent(queue: readonly PhotoUpload[], event: QueueEvent): PhotoUpload[] {
  if (event.type === 'retry_now') {
    return queue.map((p) => (p.status === 'failed' ? { ...p, retryAt: event.at } : p));
  }
  return queue.map((p) => {
    if (p.key !== event.key) return p;
    switch (event.type) {
      case 'start':
        return { ...p, status: 'sending', loaded: 0, retryAt: null, activeAt: event.at };
      case 'progress':
        return { ...p, loaded: Math.min(event.loaded, p.bytes), activeAt: event.at };
      case 'activity':
        return { ...p, activeAt: event.at };
      case 'sent':
        return { ...p, status: 'sent', loaded: p.bytes, retryAt: null };
      case 'failed': {
        const failures = p.failures + 1;
        return { ...p, status: 'failed', loaded: 0, failures, retryAt: event.at + retryDelay(failures) };
      }
      case 'refused':
        return { ...p, status: 'refused', retryAt: null, error: event.error };
    }
  });
}

/** The photo to send now, if any: never two at once (a weak uplink shares badly), in order. */
export function nextToSend(queue: readonly PhotoUpload[], now: number): PhotoUpload | undefined {
  if (queue.some((p) => p.status === 'sending')) return undefined;
  return queue.find((p) => p.status === 'waiting' || (p.status === 'failed' && (p.retryAt ?? 0) <= now));
}

/** When the sender should look again for a failed photo whose pause ends (null: nothing to wait for). */
export function nextWakeUp(queue: readonly PhotoUpload[]): number | null {
  const times = queue.filter((p) => p.status === 'failed' && p.retryAt !== null).map((p) => p.retryAt as number);
  return times.length ? Math.min(...times) : null;
}

export function isStalled(queue: readonly PhotoUpload[], now: number): boolean {
  return queue.some((p) => p.status === 'sending' && p.activeAt !== null && now - p.activeAt >= STALL_AFTER_MS);
}

export function isFinished(queue: readonly PhotoUpload[]): boolean {
  return queue.every((p) => p.status === 'sent' || p.status === 'refused');
}

/** Bytes still to send and a time estimate from the rate measured so far (null: not known yet). */
export function remaining(
  queue: readonly PhotoUpload[],
  bytesPerSecond: number | null,
): { bytes: number; seconds: number | null } {
  const bytes = queue.reduce(
    (sum, p) => sum + (p.status === 'sent' || p.status === 'refused' ? 0 : p.bytes - p.loaded),
    0,
  );
  return { bytes, seconds: bytesPerSecond && bytesPerSecond > 0 ? Math.ceil(bytes / bytesPerSecond) : null };
}

/** A moving average of the upload rate, in bytes/s, from progress samples (a few seconds' window). */
export function updateRate(previous: number | null, bytes: number, ms: number): number | null {
  if (ms <= 0 || bytes < 0) return previous;
  const sample = (bytes * 1000) / ms;
  return previous === null ? sample : previous * 0.8 + sample * 0.2;
}

/**
 * Failures worth another try: no answer, a busy or failing server, a request still running, or an
 * answer that is not ours (a captive portal's or a proxy's page: the request may not have arrived).
 * Anything else is the server's considered "no" and is shown, not repeated.
 */
export function isWorthRetrying(error: { status: number; code: string }): boolean {
  const { status, code } = error;
  return (
    status === 0 ||
    status === 408 ||
    status === 429 ||
    status >= 500 ||
    code === 'idempotency.in_progress' ||
    code === 'unexpected_response'
  );
}
