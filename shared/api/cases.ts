import { z } from 'zod';
import { PROSECUTION_DECISIONS } from '../domain/results';
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
        role: z
          .enum(['lead', 'coordinating', 'investigating'])
          .meta({ description: 'Issue #18: `investigating` when handed to the unit as investigating body' }),
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
    relation: z.array(z.enum(['lead', 'coordinating', 'receiving', 'coordinator', 'investigating'])),
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
    lead: z.object({
      unitId: z.string(),
      unitName: z.string(),
      force: z
        .string()
        .nullable()
        .meta({ description: 'null: the standing office of a tip about officials (issue #18)' }),
    }),
    coordinating: z.array(
      z.object({ unitId: z.string(), unitName: z.string(), force: z.string().nullable(), source: z.string() }),
    ),
    routing: z.object({
      ruleKey: z.string().nullable().meta({ description: 'null for a tip about officials, which no rule routes' }),
      ruleSetVersion: z.string().nullable(),
      explanation: z.string(),
    }),
    misconduct: z.boolean().meta({
      description: 'Issue #18: a tip about officials, led by the standing office (its province coordinators)',
    }),
    implicatedForce: z.string().nullable(),
    revealRequests: z
      .array(
        z.object({
          id: z.string(),
          requestedByName: z.string(),
          requestedByMe: z.boolean(),
          requestedAt: isoTime,
          reason: z.string(),
          approvedByName: z.string().nullable(),
          approvedAt: isoTime.nullable(),
        }),
      )
      .meta({
        description:
          "Issue #18, coordinators of a tip about officials: requests to reveal its reporter's contact not yet used",
      }),
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
    crime: z
      .object({
        reason: z.string(),
        flaggedAt: isoTime,
        handoverDueAt: isoTime.meta({ description: '24 hours after the flag' }),
        handoverLate: z
          .boolean()
          .meta({ description: 'Handed over after the 24 hours, or not yet handed over and the 24 hours passed' }),
        investigatingUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
        handedOverAt: isoTime.nullable(),
        acceptedAt: isoTime.nullable(),
        dueAt: isoTime
          .nullable()
          .meta({ description: "The investigating body's clock (BLTTHS 2015 Điều 147), from the hand-off" }),
        overdue: z.boolean(),
        extensions: z.number().int(),
        extensionLimit: isoTime
          .nullable()
          .meta({ description: 'How far the next extension reaches; null when none is left or decided' }),
        procuracyApproval: z.string().nullable(),
        decision: z.enum(PROSECUTION_DECISIONS).nullable(),
        decisionNo: z.string().nullable(),
        decisionDate: z.string().nullable(),
      })
      .nullable()
      .meta({
        description:
          'Issue #18, the crime track: flagged with signs of a crime, handed to an investigating body, its clock and decision',
      }),
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
