import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { OPEN_STATUSES } from '../../shared/domain/lifecycle';
import type { ResolveClock } from '../../shared/domain/results';
import type { Status } from '../../shared/domain/statuses';
import { staffAccountsTable } from '../auth/auth.table';
import { categoriesTable, forcesTable, placeTypesTable } from '../meta/meta.table';
import { communesTable, provincesTable } from '../places/places.table';
import { routingDecisionsTable } from '../routing/routing.table';
import { unitsTable } from '../units/units.table';

/**
 * `('received', 'accepted', …)`: constants, not parameters, in an index predicate (and in queries that
 * must match it, so that the planner can use the partial index).
 */
export const openStatusList = sql.raw(`(${OPEN_STATUSES.map((status) => `'${status}'`).join(', ')})`);

/**
 * A report (tin báo). Nothing here identifies an anonymous sender: no address, no user agent, no
 * cookie; contact details, when given, only encrypted (AES-256-GCM).
 */
export const reportsTable = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trackingCode: text('tracking_code').notNull().unique(),
    secretHash: text('secret_hash').notNull(),
    channel: text('channel').notNull(),
    category: text('category')
      .notNull()
      .references(() => categoriesTable.code),
    placeType: text('place_type')
      .notNull()
      .references(() => placeTypesTable.code),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provincesTable.code),
    /** null only for `online` (SPEC.md §3: the province of the seller, else of the reporter, is enough). */
    communeCode: text('commune_code').references(() => communesTable.code),
    /** null only for `online`, where a seller may have no address anyone knows. */
    address: text('address'),
    url: text('url'),
    /** Issue #14: a Zalo or phone number, a social-network account or a shop name, for an online seller. */
    sellerHandle: text('seller_handle'),
    /** The handle reduced by sellerKey() (shared/url-key.ts): what duplicate search compares. */
    sellerKey: text('seller_key'),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
    description: text('description').notNull(),
    /** The description folded like commune names (no diacritics, lower case): what duplicate search compares. */
    searchText: text('search_text').notNull().default(''),
    /**
     * The pg_trgm trigrams of search_text as sorted integers (migration 0008): duplicate search
     * intersects these instead of calling similarity(), which re-extracts trigrams on every row.
     */
    searchTrigrams: integer('search_trigrams')
      .array()
      .generatedAlwaysAs(sql`reports_trigrams(search_text)`),
    /** The shop URL reduced to host and path, so that http/https, www. and a trailing slash still match. */
    urlKey: text('url_key'),
    hasContact: boolean('has_contact').notNull().default(false),
    /** `v1.<iv>.<tag>.<ciphertext>` (base64url) of the contact JSON; null for an anonymous report. */
    contactSealed: text('contact_sealed'),
    /**
     * Issue #17: the reporter who left an e-mail asked to be told when a question or a result arrives
     * (the mail says only that there is news: reporter-notice.ts). Only with a sealed contact.
     */
    reporterNotice: boolean('reporter_notice').notNull().default(false),
    /** The language of the page the reporter asked from (`vi`, `en`), for that mail; null without the request. */
    noticeLanguage: text('notice_language'),
    status: text('status').$type<Status>().notNull(),
    /** Where a `needs_info` or `suspended` report goes back to when the reporter answers or it is resumed. */
    statusBeforeInfo: text('status_before_info').$type<Status>(),
    routingDecisionId: uuid('routing_decision_id')
      .notNull()
      .unique()
      .references(() => routingDecisionsTable.id),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => unitsTable.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** Optimistic concurrency for staff actions (#6). */
    version: integer('version').notNull().default(1),
    /** SPEC.md §5 deadlines, set at receipt; moved forward by the time spent paused and by extensions. */
    acceptDueAt: timestamp('accept_due_at', { withTimezone: true }).notNull(),
    resolveDueAt: timestamp('resolve_due_at', { withTimezone: true }).notNull(),
    /** The deadline that runs now (accept while received, resolve while handled), null while paused or done: what queues sort on. */
    nextDueAt: timestamp('next_due_at', { withTimezone: true }),
    /** Set while the clock stands still (needs_info, suspended). */
    pausedSince: timestamp('paused_since', { withTimezone: true }),
    pausedMs: bigint('paused_ms', { mode: 'number' }).notNull().default(0),
    extensions: integer('extensions').notNull().default(0),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    outcome: text('outcome'),
    /** 6 rõ, a named person: the officer a unit lead gave the report to. */
    assignedTo: uuid('assigned_to').references(() => staffAccountsTable.id),
    /** A duplicate points at the report that survived; its reporter follows that one. */
    mergedInto: uuid('merged_into').references((): AnyPgColumn => reportsTable.id),
    /** A transfer asked for and not yet taken: the lead stays until the receiving unit accepts (or a coordinator decides). */
    transferToUnitId: uuid('transfer_to_unit_id').references(() => unitsTable.id),
    transferReason: text('transfer_reason'),
    transferRequestedAt: timestamp('transfer_requested_at', { withTimezone: true }),
    transferDisputed: boolean('transfer_disputed').notNull().default(false),
    /** Issue #17: "happening now": accepted within URGENT_ACCEPT_MINUTES, first in every queue while open. */
    urgent: boolean('urgent').notNull().default(false),
    /** The head of the report's event chain, kept by the database's insert trigger: deleting the last events shows. */
    /** Issue #18: the goods type (GOODS_TYPES): optional for citizens, set by the officer. */
    goodsType: text('goods_type'),
    /** Issue #18: a typical case (vụ việc điển hình) the committees may use for communication. */
    typicalCase: boolean('typical_case').notNull().default(false),
    /**
     * Issue #18: how resolve_due_at was counted when it was set (RESOLVE_CLOCKS): `calendar_days` (20 days from
     * receipt, BLTTHS 2015 Điều 147) for new reports; `working_days` for those received before migration 0018.
     */
    resolveClock: text('resolve_clock').$type<ResolveClock>().notNull().default('calendar_days'),
    /**
     * Issue #18: a tip about enforcement officers themselves (bao che, tiếp tay, bảo kê): led by the province's
     * Standing Office of the Steering Committee 389, never by a unit of the implicated force.
     */
    misconduct: boolean('misconduct').notNull().default(false),
    /** The force the misconduct tip names, when the reporter knows it. */
    implicatedForce: text('implicated_force').references(() => forcesTable.code),
    eventsSeq: integer('events_seq').notNull().default(0),
    eventsHead: text('events_head'),
  },
  (t) => [
    check(
      'reports_place_unless_online',
      sql`${t.placeType} = 'online' or (${t.communeCode} is not null and ${t.address} is not null)`,
    ),
    check('reports_resolve_clock_known', sql`${t.resolveClock} in ('working_days', 'calendar_days')`),
    check('reports_implicated_only_misconduct', sql`${t.implicatedForce} is null or ${t.misconduct}`),
    check('reports_notice_needs_contact', sql`not ${t.reporterNotice} or ${t.contactSealed} is not null`),
    index('reports_lead_unit_idx').on(t.leadUnitId, t.status),
    index('reports_commune_received_idx').on(t.communeCode, t.category, t.receivedAt),
    index('reports_province_received_idx').on(t.provinceCode, t.receivedAt),
    // reports_stats_idx (migration 0011, by hand: drizzle has no INCLUDE) holds reports in order of receipt with what statistics read.
    index('reports_url_key_idx').on(t.urlKey),
    index('reports_lead_due_idx').on(t.leadUnitId, t.nextDueAt, t.id),
    index('reports_province_due_idx').on(t.provinceCode, t.nextDueAt, t.id),
    // Issue #6 queues (migration 0010): the few reports with a running deadline, in queue order, and
    // the open ones the tabs count, oldest first; with the columns queues filter on, so both are read
    // index-only. Channel and merged_into since migration 0011: the dashboard's overdue count, index-only.
    index('reports_running_idx')
      .on(
        t.nextDueAt,
        t.id,
        t.status,
        t.category,
        t.provinceCode,
        t.leadUnitId,
        t.transferToUnitId,
        t.assignedTo,
        t.placeType,
        t.communeCode,
      )
      .where(sql`${t.nextDueAt} is not null`),
    index('reports_open_idx')
      .on(
        t.receivedAt,
        t.status,
        t.category,
        t.provinceCode,
        t.leadUnitId,
        t.transferToUnitId,
        t.assignedTo,
        t.placeType,
        t.communeCode,
        t.nextDueAt,
        t.id,
        t.channel,
        t.mergedInto,
      )
      .where(sql`${t.status} in ${openStatusList}`),
    // Issue #18 (migration 0020): the reports resolved in a period, whose results the committees' reports sum.
    index('reports_resolved_idx')
      .on(t.resolvedAt)
      .where(sql`${t.resolvedAt} is not null and ${t.mergedInto} is null`),
    // Issue #17: the few urgent open reports, read first by every queue.
    index('reports_urgent_open_idx')
      .on(t.nextDueAt, t.id)
      .where(sql`${t.urgent} and ${t.status} in ${openStatusList}`),
  ],
);

type EventType =
  | 'received'
  | 'status_changed'
  | 'question'
  | 'reporter_message'
  | 'unit_message'
  | 'call_appended'
  | 'photos_attached'
  | 'assigned'
  | 'transfer_requested'
  | 'transfer_refused'
  | 'transferred'
  | 'transfer_cancelled'
  | 'coordination_requested'
  | 'deadline_extended'
  | 'note'
  | 'contact_revealed'
  | 'merged'
  // Issue #17: escalation (the sweeper, actor 'system'), a coordinator's moves, the way out of needs_info.
  | 'escalated'
  | 'lead_moved'
  | 'reminder'
  | 'question_withdrawn'
  | 'went_on_without_answer'
  // Issue #18: revealing the reporter of a tip about officials, asked by one coordinator and approved by another.
  | 'contact_reveal_requested'
  | 'contact_reveal_approved'
  // Issue #18 (crime track): flagged, handed to an investigating body, and that body's steps.
  | 'crime_flagged'
  | 'crime_handed_over'
  | 'investigation_accepted'
  | 'investigation_extended'
  | 'prosecution_decided'
  // Issue #18 (results as data): the violation record (sanction clock), the goods type and typical-case flag.
  | 'violation_recorded'
  | 'classified'
  | 'results_recorded';

/** Every change to a report, appended (SPEC.md §5); `public` events show on the tracking page. */
export const reportEventsTable = pgTable(
  'report_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reportsTable.id),
    type: text('type').$type<EventType>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** 'reporter', 'system', or a staff account id. */
    actor: text('actor').notNull(),
    public: boolean('public').notNull(),
    fromStatus: text('from_status').$type<Status>(),
    toStatus: text('to_status').$type<Status>(),
    body: text('body'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    /** Issue #6, tamper evidence: set by the database (trigger) from the content and the report's previous event. */
    /** 1, 2, 3… within the report, in chain order. */
    seq: integer('seq'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('report_events_report_idx').on(t.reportId, t.id),
    uniqueIndex('report_events_report_seq_idx').on(t.reportId, t.seq),
  ],
);

/** A photo as stored: re-encoded, metadata removed, under a random name; the original is never kept. */
export const reportPhotosTable = pgTable(
  'report_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reportsTable.id),
    /** The message it came with; null for the photos of the report itself. */
    eventId: integer('event_id'),
    fileName: text('file_name').notNull().unique(),
    thumbName: text('thumb_name').notNull().unique(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('report_photos_report_idx').on(t.reportId)],
);

/**
 * Units that coordinate on a report (SPEC.md §4): those the routing decision named, and those a lead
 * unit asked later. Queues and access read this table.
 */
export const reportCoordinationsTable = pgTable(
  'report_coordinations',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reportsTable.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unitsTable.id),
    source: text('source').$type<'routing' | 'requested'>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /**
     * Whether the report is open (any status before resolved), kept by database triggers (migration
     * 0011) so that a queue finds the open reports a unit coordinates in one small index.
     */
    reportOpen: boolean('report_open').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.unitId] }),
    index('report_coordinations_unit_idx').on(t.unitId, t.at, t.reportId),
    index('report_coordinations_open_idx')
      .on(t.unitId, t.reportId)
      .where(sql`${t.reportOpen}`),
  ],
);
