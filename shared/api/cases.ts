import { z } from 'zod';
import { GOODS_TYPES, RESOLVE_CLOCKS, SANCTION_CLOCKS, SANCTION_TYPES } from '../domain/results';
import { STATUSES } from '../domain/statuses';

const isoTime = z.string().meta({ format: 'date-time' });
const status = z.enum(STATUSES);

export const caseQueueSchema = z
  .object({
    items: z.array(
      z.object({
        trackingCode: z.string(),
        status,
        category: z.string(),
        placeType: z.string(),
        communeName: z
          .string()
          .nullable()
          .meta({ description: 'null for an online report that names only its province' }),
        receivedAt: isoTime,
        nextDueAt: isoTime
          .nullable()
          .meta({ description: 'The deadline running now (accept, then resolve); null while paused or done' }),
        overdue: z.boolean(),
        dueSoon: z.boolean(),
        leadUnitName: z.string(),
        assignedTo: z.string().nullable(),
        excerpt: z.string(),
        role: z.enum(['lead', 'coordinating']),
        transferPending: z.boolean(),
        urgent: z
          .boolean()
          .meta({ description: 'Issue #17: "happening now"; urgent open reports come first in every queue' }),
      }),
    ),
    counts: z.record(z.string(), z.number().int()).meta({
      description:
        'Open reports per open status (received, accepted, verifying, needs_info, suspended) with the same filters, for the tabs; resolved and closed reports are not counted',
    }),
    next: z.string().nullable().meta({ description: 'Pass as `after` for the next page; null on the last' }),
  })
  .meta({ id: 'CaseQueue' });
export type CaseQueue = z.infer<typeof caseQueueSchema>;

export const caseViewSchema = z
  .object({
    trackingCode: z.string(),
    version: z.number().int().meta({ description: 'Send it back with every action' }),
    status,
    relation: z.array(z.enum(['lead', 'coordinating', 'receiving', 'coordinator'])),
    allowedActions: z
      .array(z.string())
      .meta({ description: 'What this viewer may do now, e.g. `accept`, `transfer.request`' }),
    channel: z.string(),
    urgent: z.boolean().meta({ description: 'Issue #17: "happening now", accepted within URGENT_ACCEPT_MINUTES' }),
    category: z.string(),
    placeType: z.string(),
    province: z.object({ code: z.string(), name: z.string() }),
    commune: z
      .object({ code: z.string(), name: z.string() })
      .nullable()
      .meta({ description: 'null for an online report that names only its province (SPEC.md §3)' }),
    address: z.string().nullable(),
    url: z.string().nullable(),
    sellerHandle: z
      .string()
      .nullable()
      .meta({ description: "An online seller's Zalo/phone number, account or shop name" }),
    observedAt: isoTime,
    receivedAt: isoTime,
    description: z.string(),
    hasContact: z
      .boolean()
      .meta({ description: 'The contact itself only through reveal-contact (lead unit, audited)' }),
    lead: z.object({ unitId: z.string(), unitName: z.string(), force: z.string() }),
    coordinating: z.array(
      z.object({ unitId: z.string(), unitName: z.string(), force: z.string(), source: z.string() }),
    ),
    routing: z.object({ ruleKey: z.string(), ruleSetVersion: z.string(), explanation: z.string() }),
    deadlines: z.object({
      acceptDueAt: isoTime,
      acceptedAt: isoTime.nullable(),
      resolveDueAt: isoTime,
      resolvedAt: isoTime.nullable(),
      running: isoTime.nullable(),
      paused: z.boolean(),
      overdue: z.boolean(),
      dueSoon: z.boolean(),
      extensions: z.number().int(),
      extensionLimit: isoTime.nullable(),
    }),
    assignedTo: z.object({ id: z.string(), name: z.string() }).nullable(),
    outcome: z.string().nullable(),
    mergedInto: z.string().nullable(),
    transfer: z
      .object({
        toUnitId: z.string(),
        toUnitName: z.string(),
        reason: z.string(),
        requestedAt: isoTime,
        disputed: z.boolean(),
      })
      .nullable(),
    escalations: z.array(z.object({ level: z.enum(['province', 'national']), at: isoTime, dueAt: isoTime })).meta({
      description:
        'Issue #17: open escalations (acceptance deadline passed): to the province coordinators, then the national ones',
    }),
    answerWaitEndsAt: isoTime.nullable().meta({
      description:
        'In needs_info: from when the lead may go on without the answer (NEEDS_INFO_MAX_DAYS after the question)',
    }),
    photos: z.array(z.object({ id: z.string(), width: z.number().int(), height: z.number().int() })),
    assignable: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .meta({ description: 'For a unit lead of the lead unit: whom the report can be given to' }),
    timeline: z.array(
      z.object({
        seq: z.number().int(),
        at: isoTime,
        type: z.string(),
        actor: z.string(),
        public: z.boolean(),
        fromStatus: status.nullable(),
        toStatus: status.nullable(),
        body: z.string().nullable(),
        data: z.record(z.string(), z.unknown()).nullable(),
      }),
    ),
    // Issue #18 (results as data).
    goodsType: z.enum(GOODS_TYPES).nullable(),
    typicalCase: z.boolean().meta({ description: 'A typical case (vụ việc điển hình) for the committees' }),
    resolveClock: z.enum(RESOLVE_CLOCKS).meta({
      description:
        'How deadlines.resolveDueAt was counted: calendar_days (20 days from receipt, BLTTHS 2015 Điều 147) or working_days (reports received before issue #18)',
    }),
    sanction: z
      .object({
        recordNo: z.string(),
        recordDate: z.string().meta({ format: 'date' }),
        clock: z.enum(SANCTION_CLOCKS),
        clockReason: z.string().nullable(),
        dueAt: isoTime.meta({ description: 'The sanction decision is due (Luật XLVPHC Điều 66): end of the last day' }),
        overdue: z.boolean().meta({ description: 'No decision and dueAt passed' }),
        decisionNo: z.string().nullable(),
        decisionDate: z.string().meta({ format: 'date' }).nullable(),
        sanctionTypes: z.array(z.enum(SANCTION_TYPES)),
        fineVnd: z.number().int().nullable(),
      })
      .nullable()
      .meta({ description: 'The violation record and, once taken, the sanction decision' }),
    seizedGoods: z.array(
      z.object({
        goodsType: z.enum(GOODS_TYPES),
        description: z.string().nullable(),
        quantity: z.number(),
        unit: z.string(),
        valueVnd: z.number().int(),
      }),
    ),
    contact: z
      .object({ name: z.string().optional(), phone: z.string().optional(), email: z.string().optional() })
      .optional()
      .meta({ description: 'Only in the answer to reveal-contact' }),
  })
  .meta({ id: 'Case' });
export type CaseViewBody = z.infer<typeof caseViewSchema>;
