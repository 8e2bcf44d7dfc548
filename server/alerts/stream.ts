import type { Response } from 'express';
import { sql } from 'drizzle-orm';
import type { StaffUser } from '../auth/auth.service';
import { scopeOf } from '../auth/scope';
import { queryRows } from '../db/query-rows';
import type { AppDeps } from '../deps';
import { loggableError } from '../logger';
import { findAlerts } from './alerts.service';

/** How often a stream asks the database for news (see `openAlertStream`). */
export const STREAM_POLL_MS = 2_000;
/** A comment line this often keeps proxies from closing a quiet stream. */
export const STREAM_HEARTBEAT_MS = 25_000;
/** Alerts stamped this long before the last poll are still looked at: clocks of two processes differ a little. */
const CLOCK_MARGIN_MS = 60_000;
/** Report events looked at behind the highest id seen: a transaction that took its id earlier may commit later. */
const EVENT_ID_MARGIN = 500;

/** How often an open stream checks its session again (signed out, expired, account disabled: it ends). */
export const STREAM_SESSION_CHECK_MS = 15_000;

/** The open streams of this process, closed on shutdown (a stream would otherwise hold the server open). */
export interface StreamHub {
  add(close: () => void): () => void;
  closeAll(): void;
  readonly size: number;
  /** STREAM_SESSION_CHECK_MS; a test sets it short. */
  sessionCheckMs: number;
}

export function createStreamHub(): StreamHub {
  const open = new Set<() => void>();
  return {
    sessionCheckMs: STREAM_SESSION_CHECK_MS,
    add(close) {
      open.add(close);
      return () => open.delete(close);
    },
    closeAll() {
      for (const close of [...open]) close();
      open.clear();
    },
    get size() {
      return open.size;
    },
  };
}

function send(res: Response, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * `GET /api/staff/alerts/stream` (issue #17). Each stream polls the database every STREAM_POLL_MS for the
 * viewer's new alerts (event `alert`) and for the reports in the viewer's scope that changed (event
 * `case`). Polling rather than LISTEN/NOTIFY: it works the same on PGlite and on a server, sees what any
 * process wrote, costs one indexed query per stream and poll, and needs no connection held per process.
 */
export async function openAlertStream(
  deps: AppDeps,
  staff: StaffUser,
  res: Response,
  recheck: () => Promise<StaffUser | undefined>,
): Promise<void> {
  // Rebuilt from a fresh session at each check: a changed role, unit or province changes what is seen.
  let inScope = (await scopeOf(deps.db, staff)).reportsWhere({});
  const seenAlerts = new Set(
    (await findAlerts(deps.db, staff.id, sql`a.created_at >= ${margin(deps.clock.now())}`, 1000)).map((a) => a.id),
  );
  const [head] = await queryRows<{ max: number | string | null }>(
    deps.db,
    sql`select max(id) as max from report_events`,
  );
  let lastEventId = Number(head?.max ?? 0);
  const seenEvents = new Set<number>();

  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    // nginx: do not buffer the stream.
    'X-Accel-Buffering': 'no',
  });
  res.write(`retry: ${STREAM_POLL_MS}\n: open\n\n`);

  let busy = false;
  let closed = false;
  const poll = async () => {
    if (busy || closed) return;
    busy = true;
    try {
      const fresh = (await findAlerts(deps.db, staff.id, sql`a.created_at >= ${margin(deps.clock.now())}`, 200)).filter(
        (a) => !seenAlerts.has(a.id),
      );
      const changed = new Set<string>();
      for (const alert of fresh.reverse()) {
        seenAlerts.add(alert.id);
        if (!closed) send(res, 'alert', alert);
        changed.add(alert.trackingCode);
      }
      if (inScope) {
        const events = await queryRows<{ id: number | string; tracking_code: string }>(
          deps.db,
          sql`select e.id, r.tracking_code from report_events e join reports r on r.id = e.report_id
               where e.id > ${lastEventId - EVENT_ID_MARGIN} and ${inScope}
               order by e.id limit 500`,
        );
        for (const event of events) {
          const id = Number(event.id);
          if (seenEvents.has(id)) continue;
          seenEvents.add(id);
          lastEventId = Math.max(lastEventId, id);
          changed.add(event.tracking_code);
        }
        for (const id of seenEvents) if (id <= lastEventId - EVENT_ID_MARGIN) seenEvents.delete(id);
      }
      for (const trackingCode of changed) if (!closed) send(res, 'case', { trackingCode });
    } catch (err) {
      deps.logger.warn({ err: loggableError(err) }, 'alert stream poll failed');
    } finally {
      busy = false;
    }
  };

  const checkSession = async () => {
    if (closed) return;
    try {
      const fresh = await recheck();
      if (!fresh || fresh.id !== staff.id) return close();
      inScope = (await scopeOf(deps.db, fresh)).reportsWhere({});
    } catch (err) {
      deps.logger.warn({ err: loggableError(err) }, 'alert stream session check failed');
    }
  };

  const pollTimer = setInterval(() => void poll(), STREAM_POLL_MS);
  const sessionTimer = setInterval(() => void checkSession(), deps.streams.sessionCheckMs);
  const heartbeat = setInterval(() => res.write(': ping\n\n'), STREAM_HEARTBEAT_MS);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(pollTimer);
    clearInterval(sessionTimer);
    clearInterval(heartbeat);
    forget();
    res.end();
  };
  const forget = deps.streams.add(close);
  res.on('close', close);
}

const margin = (now: Date) => new Date(now.getTime() - CLOCK_MARGIN_MS);
