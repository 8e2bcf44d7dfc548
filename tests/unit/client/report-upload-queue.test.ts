import {
  applyQueueEvent,
  isFinished,
  isStalled,
  newUpload,
  nextToSend,
  nextWakeUp,
  remaining,
  retryDelay,
  type PhotoUpload,
} from '../../../client/pages/report/upload-queue';

const MB = 1_000_000;
const queueOf = (...sizes: number[]): PhotoUpload[] =>
  sizes.map((bytes, i) => newUpload(`k${i + 1}`, `anh-${i + 1}.jpg`, bytes));
const run = (queue: PhotoUpload[], ...events: Parameters<typeof applyQueueEvent>[1][]) =>
  events.reduce(applyQueueEvent, queue);

describe('the photo upload queue of a sent report (issue #14)', () => {
  it('sends one photo at a time, in order', () => {
    let q = queueOf(MB, MB);
    expect(nextToSend(q, 0)?.key).toBe('k1');
    q = run(q, { type: 'start', key: 'k1', at: 0 });
    expect(nextToSend(q, 0)).toBeUndefined();
    q = run(q, { type: 'sent', key: 'k1' });
    expect(nextToSend(q, 0)?.key).toBe('k2');
  });

  it('retries a failed photo on its own after a growing pause, the sent one is never sent again', () => {
    let q = run(
      queueOf(MB, MB),
      { type: 'start', key: 'k1', at: 0 },
      { type: 'sent', key: 'k1' },
      { type: 'start', key: 'k2', at: 1000 },
      { type: 'progress', key: 'k2', loaded: MB / 2, at: 5000 },
    );
    q = run(q, { type: 'failed', key: 'k2', at: 6000 });
    expect(q[1]).toMatchObject({ status: 'failed', loaded: 0, failures: 1, retryAt: 8000 });
    expect(nextToSend(q, 7999)).toBeUndefined();
    expect(nextWakeUp(q)).toBe(8000);
    expect(nextToSend(q, 8000)?.key).toBe('k2');
    q = run(q, { type: 'start', key: 'k2', at: 8000 }, { type: 'failed', key: 'k2', at: 9000 });
    expect(q[1]?.retryAt).toBe(9000 + 4000);
    expect(q[0]?.status).toBe('sent');
  });

  it('pauses 2 s, 4 s, 8 s… and never more than a minute between tries', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelay)).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });

  it('tries failed photos at once when the network comes back', () => {
    const q = run(
      queueOf(MB),
      { type: 'start', key: 'k1', at: 0 },
      { type: 'failed', key: 'k1', at: 0 },
      { type: 'failed', key: 'k1', at: 0 },
      { type: 'retry_now', at: 100 },
    );
    expect(nextToSend(q, 100)?.key).toBe('k1');
  });

  it('calls a link stalled after 20 s without a byte, not before', () => {
    let q = run(
      queueOf(MB),
      { type: 'start', key: 'k1', at: 0 },
      { type: 'progress', key: 'k1', loaded: 1000, at: 5000 },
    );
    expect(isStalled(q, 24_999)).toBe(false);
    expect(isStalled(q, 25_000)).toBe(true);
    q = run(q, { type: 'activity', key: 'k1', at: 25_000 });
    expect(isStalled(q, 30_000)).toBe(false);
  });

  it('does not retry a photo the server refused for good, and is finished without it', () => {
    const q = run(
      queueOf(MB, MB),
      { type: 'start', key: 'k1', at: 0 },
      { type: 'refused', key: 'k1', error: 'photos.limit_reached' },
      { type: 'start', key: 'k2', at: 0 },
      { type: 'sent', key: 'k2' },
    );
    expect(nextToSend(q, 1e12)).toBeUndefined();
    expect(isFinished(q)).toBe(true);
  });

  it('counts the bytes left and the time from the measured rate', () => {
    const q = run(
      queueOf(400_000, 600_000),
      { type: 'start', key: 'k1', at: 0 },
      { type: 'progress', key: 'k1', loaded: 100_000, at: 4000 },
    );
    expect(remaining(q, 25_000)).toEqual({ bytes: 900_000, seconds: 36 });
    expect(remaining(q, null)).toEqual({ bytes: 900_000, seconds: null });
  });
});
