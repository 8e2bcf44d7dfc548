import { languageRequests, settledWithin } from '../../../client/lib/language-requests';

type Language = 'vi' | 'en';

/** A loader whose loads finish when the test says, in any order. */
function controlledLoads() {
  const pending = new Map<Language, { resolve(): void; reject(error: Error): void }>();
  const load = (lang: Language) =>
    new Promise<void>((resolve, reject) => {
      if (lang === 'vi') resolve();
      else pending.set(lang, { resolve, reject });
    });
  return { load, pending };
}

describe('the language asked for last wins (issue #17 review)', () => {
  it('vi → en → vi quickly ends in vi, even when English arrives last', async () => {
    const { load, pending } = controlledLoads();
    const request = languageRequests(load);
    const english = request('en');
    const vietnamese = request('vi');
    expect(await vietnamese).toBe(true);
    pending.get('en')!.resolve();
    expect(await english).toBe(false);
  });

  it('a load that finishes while still the latest wins', async () => {
    const { load, pending } = controlledLoads();
    const request = languageRequests(load);
    const english = request('en');
    pending.get('en')!.resolve();
    expect(await english).toBe(true);
  });

  it('a failed load rejects only while it is the latest (the page then says so and can retry)', async () => {
    const { load, pending } = controlledLoads();
    const request = languageRequests(load);
    const first = request('en');
    pending.get('en')!.reject(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    const second = request('en');
    const back = request('vi');
    pending.get('en')!.reject(new Error('offline'));
    expect(await second).toBe(false);
    expect(await back).toBe(true);
  });
});

describe('the first drawing waits for the dictionary at most a while', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('settles at the deadline when the load hangs, never rejects', async () => {
    let settled = false;
    void settledWithin(new Promise(() => undefined), 3_000).then(() => (settled = true));
    await jest.advanceTimersByTimeAsync(2_999);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });

  it('settles as soon as the load does, failed or not', async () => {
    await expect(settledWithin(Promise.resolve(), 3_000)).resolves.toBeUndefined();
    await expect(settledWithin(Promise.reject(new Error('offline')), 3_000)).resolves.toBeUndefined();
  });
});
