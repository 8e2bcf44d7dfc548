import { del, get, set } from 'idb-keyval';
import type { Receipt } from '../../../shared/api/reports';
import { FORM_FIELDS, type ReportFormValues, type ReportPayload } from './report-form';
import { newUpload, type PhotoUpload } from './upload-queue';

/**
 * The report being written, kept on the phone (IndexedDB) from the first field until its receipt
 * has been seen and its photos are sent (issue #14). One at a time. Its stages:
 * - draft: being written; offered back on return;
 * - outbox: completed, not yet accepted by the server ("chưa gửi — sẽ tự gửi khi có mạng");
 * - sent: the server's receipt is here (code and secret: kept until shown), photos may still be going.
 */
export type Stage = 'draft' | 'outbox' | 'sent';

export interface StoredPhoto {
  /** The photo's own Idempotency-Key, made when it was picked. */
  key: string;
  name: string;
  blob: Blob;
}

/** The receipt with what the text-first API adds (issue #14). */
export type SubmitAnswer = Receipt & { photoUploadUntil?: string; photosAccepted?: number };

export interface StoredReport {
  version: 1;
  /** The report's Idempotency-Key, made when the draft was started: a resend gives the same receipt. */
  key: string;
  stage: Stage;
  values: ReportFormValues;
  /** What was typed in the commune search, so the chosen commune shows again on return. */
  communeQuery?: string;
  photos: StoredPhoto[];
  /** The JSON body, frozen when the reporter pressed "send". */
  payload?: ReportPayload;
  receipt?: SubmitAnswer;
  receiptSeen?: boolean;
  uploads?: PhotoUpload[];
  savedAt: string;
}

const STORE_KEY = 'tipline389.report';

export function newReport(key: string, values: ReportFormValues, now: Date): StoredReport {
  return { version: 1, key, stage: 'draft', values, photos: [], savedAt: now.toISOString() };
}

/** The report once the reporter pressed "send": its body frozen, each photo given its upload entry. */
export function toOutbox(report: StoredReport, payload: ReportPayload, now: Date): StoredReport {
  return {
    ...report,
    stage: 'outbox',
    payload,
    uploads: report.photos.map((p) => newUpload(p.key, p.name, p.blob.size)),
    savedAt: now.toISOString(),
  };
}

/** The report once the server answered: the receipt kept, photos the server will not take dropped. */
export function toSent(report: StoredReport, receipt: SubmitAnswer, now: Date): StoredReport {
  const accepted = receipt.photosAccepted ?? report.photos.length;
  const uploads = (report.uploads ?? []).map((u, i) =>
    i < accepted ? u : { ...u, status: 'refused' as const, error: 'photos.limit_reached' },
  );
  return { ...report, stage: 'sent', receipt, uploads, savedAt: now.toISOString() };
}

/** Whether nothing of it is needed any more: the receipt seen and no photo left to send. */
export function isDone(report: StoredReport): boolean {
  return (
    report.stage === 'sent' &&
    report.receiptSeen === true &&
    (report.uploads ?? []).every((u) => u.status === 'sent' || u.status === 'refused')
  );
}

const isText = (v: unknown): v is string => typeof v === 'string';

/**
 * What was read back from storage, checked: a record written by another version of the page, or
 * damaged, is not trusted (null) rather than half-used. Photos must still be Blobs.
 */
export function readStoredReport(value: unknown): StoredReport | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Partial<StoredReport>;
  if (
    r.version !== 1 ||
    !isText(r.key) ||
    !isText(r.savedAt) ||
    !['draft', 'outbox', 'sent'].includes(r.stage as string)
  )
    return null;
  if (typeof r.values !== 'object' || r.values === null) return null;
  const text = Object.fromEntries(FORM_FIELDS.map((f) => [f, isText(r.values?.[f]) ? r.values[f] : '']));
  // A draft kept before issue #17 has no urgent mark: not urgent.
  const values: ReportFormValues = {
    ...(text as Record<(typeof FORM_FIELDS)[number], string>),
    urgent: r.values.urgent === true,
    misconduct: r.values.misconduct === true,
  };
  if (!Array.isArray(r.photos) || !r.photos.every((p) => isText(p?.key) && isText(p?.name) && p?.blob instanceof Blob))
    return null;
  if (r.stage !== 'draft' && (typeof r.payload !== 'object' || !Array.isArray(r.uploads))) return null;
  if (r.stage === 'sent' && (!isText(r.receipt?.trackingCode) || !isText(r.receipt?.secret))) return null;
  // A photo being sent when the page went away was cut short: it waits for its turn again.
  const uploads = r.uploads?.map((u) => (u.status === 'sending' ? { ...u, status: 'waiting' as const, loaded: 0 } : u));
  return { ...(r as StoredReport), values, ...(uploads ? { uploads } : {}) };
}

export async function loadReport(): Promise<StoredReport | null> {
  try {
    return readStoredReport(await get(STORE_KEY));
  } catch {
    // IndexedDB can be missing or blocked (private mode): the form works without a draft.
    return null;
  }
}

export async function saveReport(report: StoredReport): Promise<void> {
  try {
    await set(STORE_KEY, report);
  } catch {
    // Not kept on this phone; sending still works while the page stays open.
  }
}

export async function deleteReport(): Promise<void> {
  try {
    await del(STORE_KEY);
  } catch {
    // Nothing to delete if storage is unavailable.
  }
}

/**
 * A random UUID (v4) for an Idempotency-Key. crypto.randomUUID exists only on secure pages (https,
 * localhost); a portal on a plain-http LAN address still has getRandomValues.
 */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
