import { ApiError, isAbortError } from '../../lib/api';
import { sendWithProgress } from '../../lib/upload';
import { deleteReport, isDone, newKey, saveReport, toSent, type StoredReport, type SubmitAnswer } from './report-store';
import {
  STALL_AFTER_MS,
  applyQueueEvent,
  isWorthRetrying,
  isFinished,
  nextToSend,
  nextWakeUp,
  retryDelay,
  updateRate,
  type QueueEvent,
} from './upload-queue';

/** After this long without a byte moving the attempt is given up and tried again (a dead link keeps sockets open). */
const GIVE_UP_AFTER_MS = 45_000;

export interface SenderState {
  report: StoredReport | null;
  /** The text's send: waiting = not sent yet (offline, or pausing before the next try). */
  text: 'idle' | 'sending' | 'waiting';
  /** When the next automatic try is (ms since epoch), if one is planned. */
  retryAt: number | null;
  /** No byte moved for 20 s on the request under way. */
  stalled: boolean;
  /** The reporter cancelled: nothing is tried until the network comes back or they ask. */
  paused: boolean;
  /** Upload rate measured on this link, bytes/s. */
  rate: number | null;
  /** The server refused the text for good: the form shows these errors again. */
  refusal: ApiError | null;
}

const INITIAL: SenderState = {
  report: null,
  text: 'idle',
  retryAt: null,
  stalled: false,
  paused: false,
  rate: null,
  refusal: null,
};

const isTransient = (err: unknown) => err instanceof ApiError && isWorthRetrying(err);

/**
 * Sends a completed report (issue #14): its text first (JSON, Idempotency-Key), then each photo on
 * its own (multipart, its own key), each retried after a failure with backoff, all kept in
 * IndexedDB between steps so a closed page or a lost answer loses nothing and sends nothing twice.
 * One sender per page; React reads it through subscribe/getState.
 */
export function createReportSender() {
  let state: SenderState = INITIAL;
  const listeners = new Set<() => void>();
  let controller: AbortController | null = null;
  let activeAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let textFailures = 0;
  let running = false;
  let lastProgress: { loaded: number; at: number } | null = null;

  const emit = (patch: Partial<SenderState>) => {
    state = { ...state, ...patch };
    listeners.forEach((l) => l());
  };
  const now = () => Date.now();
  const touch = () => {
    activeAt = now();
    if (state.stalled) emit({ stalled: false });
  };

  async function store(report: StoredReport) {
    emit({ report });
    if (isDone(report)) await deleteReport();
    else await saveReport(report);
  }

  function schedule(at: number | null) {
    clearTimeout(timer);
    emit({ retryAt: at });
    if (at !== null) timer = setTimeout(() => void step(), Math.max(0, at - now()));
  }

  async function applyUpload(event: QueueEvent, persist: boolean) {
    const report = state.report;
    if (!report?.uploads) return;
    const next = { ...report, uploads: applyQueueEvent(report.uploads, event) };
    if (persist) await store(next);
    else emit({ report: next });
  }

  async function sendText(report: StoredReport) {
    if (!navigator.onLine) {
      emit({ text: 'waiting' });
      return;
    }
    controller = new AbortController();
    touch();
    emit({ text: 'sending', retryAt: null });
    try {
      const receipt = await sendWithProgress<SubmitAnswer>('/api/public/reports', {
        body: { json: report.payload },
        headers: { 'Idempotency-Key': report.key },
        onActivity: touch,
        signal: controller.signal,
      });
      textFailures = 0;
      emit({ text: 'idle', stalled: false });
      await store(toSent(report, receipt, new Date()));
    } catch (err) {
      emit({ stalled: false });
      if (isAbortError(err) && state.paused) {
        emit({ text: 'waiting' });
      } else if (isAbortError(err) || isTransient(err)) {
        textFailures += 1;
        emit({ text: 'waiting' });
        const pause =
          err instanceof ApiError && err.code === 'idempotency.in_progress' ? 2_000 : retryDelay(textFailures);
        schedule(now() + pause);
      } else {
        // Refused for good (the server's rules changed under an old page, or a key reused): the
        // reporter sees the form again with the server's words, the draft intact. The server keeps no
        // answer for a refusal, so the old key would do; a fresh one keeps each sent body to its own key.
        await store({ ...report, stage: 'draft', key: newKey() });
        emit({
          text: 'idle',
          refusal: err instanceof ApiError ? err : new ApiError(0, 'unexpected_response', 'Unexpected answer'),
        });
      }
    } finally {
      controller = null;
    }
  }

  async function sendPhoto(report: StoredReport, key: string) {
    const photo = report.photos.find((p) => p.key === key);
    const receipt = report.receipt;
    if (!photo || !receipt) return applyUpload({ type: 'refused', key, error: 'photo.missing' }, true);
    controller = new AbortController();
    touch();
    lastProgress = null;
    await applyUpload({ type: 'start', key, at: now() }, false);
    const form = new FormData();
    form.append('secret', receipt.secret);
    form.append('photo', photo.blob, photo.name);
    try {
      await sendWithProgress(`/api/public/reports/${encodeURIComponent(receipt.trackingCode)}/photos`, {
        body: form,
        headers: { 'Idempotency-Key': key },
        signal: controller.signal,
        onActivity: touch,
        onProgress: ({ loaded }) => {
          const at = now();
          if (lastProgress && loaded > lastProgress.loaded)
            emit({ rate: updateRate(state.rate, loaded - lastProgress.loaded, at - lastProgress.at) });
          lastProgress = { loaded, at };
          void applyUpload({ type: 'progress', key, loaded, at }, false);
        },
      });
      await applyUpload({ type: 'sent', key }, true);
    } catch (err) {
      if (isAbortError(err) || isTransient(err)) {
        await applyUpload({ type: 'failed', key, at: now() }, true);
      } else {
        const code = err instanceof ApiError ? err.code : 'unexpected_response';
        await applyUpload({ type: 'refused', key, error: code }, true);
      }
    } finally {
      controller = null;
      emit({ stalled: false });
    }
  }

  /** Does the next thing the report needs, one request at a time. */
  async function step(): Promise<void> {
    if (running || state.paused) return;
    const report = state.report;
    if (!report || report.stage === 'draft') return;
    running = true;
    clearTimeout(timer);
    try {
      if (report.stage === 'outbox') {
        await sendText(report);
        if (state.report?.stage !== 'sent') return;
      }
      for (;;) {
        const current = state.report;
        if (!current?.uploads || state.paused) return;
        const next = nextToSend(current.uploads, now());
        if (!next) {
          if (!isFinished(current.uploads)) schedule(nextWakeUp(current.uploads));
          else emit({ retryAt: null });
          return;
        }
        if (!navigator.onLine) return;
        await sendPhoto(current, next.key);
      }
    } finally {
      running = false;
    }
  }

  function watch() {
    if (!controller) return;
    const silent = now() - activeAt;
    if (silent >= GIVE_UP_AFTER_MS) controller.abort();
    else if (silent >= STALL_AFTER_MS && !state.stalled) emit({ stalled: true });
  }

  /** The network is back, or the reporter asked: stop waiting and try at once. */
  function retryNow() {
    emit({ paused: false });
    textFailures = 0;
    if (state.stalled) controller?.abort();
    void applyUpload({ type: 'retry_now', at: now() }, false).then(() => step());
  }
  const onOnline = () => retryNow();

  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Takes over a report in the outbox or sent stage and sends what it still needs. */
    async send(report: StoredReport) {
      emit({ report, refusal: null, paused: false });
      await saveReport(report);
      await step();
    },
    retryNow,
    /** Stops the attempt under way; nothing more is tried until the network comes back or retryNow. */
    cancel() {
      emit({ paused: true, stalled: false });
      clearTimeout(timer);
      controller?.abort();
    },
    forgetIfDone() {
      if (state.report && isDone(state.report)) emit({ ...INITIAL });
    },
    async markReceiptSeen() {
      const report = state.report;
      if (report?.stage === 'sent' && !report.receiptSeen) await store({ ...report, receiptSeen: true });
    },
    /** Starts watching the link (stalls, the online event); the returned function stops it. */
    attach() {
      const watchdog = setInterval(watch, 1_000);
      window.addEventListener('online', onOnline);
      return () => {
        clearInterval(watchdog);
        window.removeEventListener('online', onOnline);
      };
    },
  };
}
export type ReportSender = ReturnType<typeof createReportSender>;

let shared: ReportSender | null = null;

/**
 * The page's one sender, kept for the whole visit: photos keep going while the reporter follows
 * the receipt's link to the tracking page, and coming back to the form shows where they are.
 */
export function reportSender(): ReportSender {
  if (!shared) {
    shared = createReportSender();
    shared.attach();
  }
  return shared;
}
