import { TZDate } from '@date-fns/tz';
import type { Category } from '../../shared/domain/categories';
import type { Channel } from '../../shared/domain/channels';
import type { Force } from '../../shared/domain/forces';
import type { Outcome } from '../../shared/domain/outcomes';
import { TIME_ZONE } from '../../shared/i18n/format';
import { DEFAULT_RULES_EFFECTIVE_FROM } from '../routing/default-rules';
import {
  ANSWERS,
  CALL_NOTES,
  CAO_BANG_SITES,
  CONTACT_NAMES,
  COORDINATION_REASONS,
  DESCRIPTIONS,
  DONG_THAP_SITES,
  EXTENSION_REASONS,
  LANG_SON_SITES,
  NOTES,
  ONLINE_SITES,
  PUBLIC_OUTCOMES,
  QUESTIONS,
  REVEAL_REASON,
  SHOP_URLS,
  SUSPEND_REASONS,
  TRANSFER_REASONS,
  TRANSFER_REFUSAL,
  UNSTAFFED_SITES,
  type DescriptionTemplate,
  type Site,
} from './sample-texts';

/** A small seeded generator (mulberry32): the same seed gives the same sample set on every machine. */
export interface Rng {
  next(): number;
  between(min: number, max: number): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T extends string>(weights: Record<T, number>): T;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const rng: Rng = {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, max) => Math.floor(min + (max - min + 1) * next()),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from nothing');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (weights) => {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      let left = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, w] of entries) {
        left -= w;
        if (left < 0) return key;
      }
      return entries[entries.length - 1]![0];
    },
  };
  return rng;
}

export type ResolveOutcome = Exclude<Outcome, 'duplicate'>;

/** One thing that happens to a sample report after it is received; when, the run decides from its deadlines. */
export type PlannedStep =
  | { kind: 'accept'; late: boolean }
  | { kind: 'verify' }
  | { kind: 'assign' }
  | { kind: 'ask'; question: string }
  | { kind: 'answer'; text: string }
  | { kind: 'suspend'; reason: string }
  | { kind: 'resume' }
  | { kind: 'coordinate'; forces: Force[]; reason: string }
  | { kind: 'note'; text: string; shared: boolean }
  | { kind: 'extend'; reason: string }
  | { kind: 'resolve'; outcome: ResolveOutcome; publicOutcome: string; late: boolean }
  | { kind: 'close' }
  | { kind: 'merge'; into: number }
  | { kind: 'transfer_request'; forces: Force[]; reason: string }
  | { kind: 'transfer_accept' }
  | { kind: 'transfer_refuse'; reason: string }
  | { kind: 'reveal'; reason: string }
  | { kind: 'call'; note: string };

export interface PlannedReport {
  index: number;
  receivedAt: Date;
  channel: Channel;
  site: Site;
  category: Category;
  url?: string;
  observedAt: Date;
  description: string;
  contact?: { name?: string; phone?: string; email?: string };
  /** The hotline call that opened it: the caller's number unless anonymous, and its length. */
  call?: { number?: string; minutes: number };
  steps: PlannedStep[];
  /** Showcase reports move briskly, so that they stand at their stage at the moment of the first start. */
  brisk: boolean;
  /** Its receipt is printed at the first start, with what it shows on the tracking page. */
  receipt?: 'needs_info' | 'resolved';
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

const CATEGORY_WEIGHTS: Record<Category, number> = {
  smuggling: 16,
  illegal_transport: 8,
  counterfeit: 18,
  ip_infringement: 6,
  trade_fraud: 12,
  banned_goods: 12,
  poor_quality: 12,
  ecommerce: 8,
  false_advertising: 8,
};
const CHANNEL_WEIGHTS: Record<Channel, number> = { web: 50, hotline: 30, zalo: 8, email: 7, walk_in: 5, letter: 2 };
const OUTCOME_WEIGHTS: Record<ResolveOutcome, number> = {
  violation_handled: 34,
  goods_seized: 24,
  unfounded: 20,
  criminal_case: 6,
  no_prosecution: 4,
  out_of_scope: 6,
};
const FORCED_OUTCOMES: ResolveOutcome[] = [
  'violation_handled',
  'criminal_case',
  'no_prosecution',
  'goods_seized',
  'unfounded',
  'out_of_scope',
];

/** The hour a Vietnamese reporter would say: "5 giờ sáng", "2 giờ chiều", "10 giờ đêm". */
export function hourPhrase(at: Date): string {
  const hour = new TZDate(at.getTime(), TIME_ZONE).getHours();
  if (hour === 0) return '12 giờ đêm';
  if (hour < 11) return `${hour} giờ sáng`;
  if (hour < 13) return `${hour} giờ trưa`;
  if (hour < 18) return `${hour - 12} giờ chiều`;
  if (hour < 22) return `${hour - 12} giờ tối`;
  return `${hour - 12} giờ đêm`;
}

/** `at`'s day in Vietnam at `hour` (fractional hours allowed). */
export function atVietnamHour(at: Date, hour: number): Date {
  const day = new TZDate(at.getTime(), TIME_ZONE);
  day.setHours(0, 0, 0, 0);
  return new Date(day.getTime() + hour * HOUR);
}

function fits(template: DescriptionTemplate, site: Site): boolean {
  return (
    template.placeTypes.includes(site.placeType) &&
    (!template.terrain || !site.terrain || template.terrain.includes(site.terrain))
  );
}

function describe(rng: Rng, template: DescriptionTemplate, site: Site, observedAt: Date): string {
  const plate = `${site.plate}${rng.pick(['A', 'B', 'C', 'H', 'LD'])}-${rng.int(1, 9)}x.xxx`;
  return template.write({ where: site.where, when: hourPhrase(observedAt), plate, pick: rng.pick, between: rng.int });
}

const fakePhone = (rng: Rng) => `0${rng.pick(['3', '7', '8', '9'])}99000${String(rng.int(100, 999))}`;

interface Facts {
  site: Site;
  category: Category;
  template: DescriptionTemplate;
  url?: string;
}

/** A category by weight, then a story of it, then a place in the pool where that story can happen. */
function chooseFacts(rng: Rng, pool: Site[], want: { category?: Category; placeType?: Site['placeType'] } = {}): Facts {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const category = want.category ?? rng.weighted(CATEGORY_WEIGHTS);
    const template = rng.pick(DESCRIPTIONS.filter((t) => t.category === category));
    const sites = pool.filter((s) => fits(template, s) && (!want.placeType || s.placeType === want.placeType));
    if (sites.length === 0) continue;
    const site = rng.pick(sites);
    return { site, category, template, url: site.placeType === 'online' ? rng.pick(SHOP_URLS) : undefined };
  }
  throw new Error(`no sample site fits ${JSON.stringify(want)}`);
}

/** Reporters write at any hour but mostly by day; hotline calls come while the line is staffed. */
function receiptTime(rng: Rng, day: Date, channel: Channel): Date {
  if (channel === 'hotline') return atVietnamHour(day, rng.between(7, 22));
  const part = rng.weighted({ night: 1, morning: 4, afternoon: 4, evening: 3 });
  const [from, to] = { night: [0, 6], morning: [6, 12], afternoon: [12, 18], evening: [18, 24] }[part];
  return atVietnamHour(day, rng.between(from ?? 0, to ?? 24));
}

function contactFor(rng: Rng, channel: Channel, always: boolean): PlannedReport['contact'] {
  const p = { web: 0.22, hotline: 0, zalo: 0.3, email: 0.6, walk_in: 0.5, letter: 0.5 }[channel];
  if (!rng.chance(p) && !always) return undefined;
  const name = rng.pick(CONTACT_NAMES);
  if (channel === 'email' || (channel === 'web' && rng.chance(0.6)))
    return { name, email: `nguoibaotin.${rng.int(10, 99)}@example.com` };
  return { name, phone: fakePhone(rng) };
}

interface Draft {
  receivedAt: Date;
  channel: Channel;
  facts: Facts;
  steps: PlannedStep[];
  brisk?: boolean;
  receipt?: PlannedReport['receipt'];
  withContact?: boolean;
  /** Index of the draft this one repeats (a duplicate, written like it). */
  repeats?: number;
}

function finish(rng: Rng, draft: Draft, index: number, drafts: Draft[]): PlannedReport {
  const source = draft.repeats !== undefined ? drafts[draft.repeats]! : draft;
  const { site, category, template, url } = source.facts;
  const observedAt = new Date(draft.receivedAt.getTime() - rng.between(0.5 * HOUR, 3 * DAY));
  const contact = contactFor(rng, draft.channel, draft.withContact ?? false);
  return {
    index,
    receivedAt: draft.receivedAt,
    channel: draft.channel,
    site,
    category,
    url,
    observedAt,
    description: describe(rng, template, site, observedAt),
    contact,
    call:
      draft.channel === 'hotline'
        ? { number: rng.chance(0.35) ? fakePhone(rng) : undefined, minutes: rng.between(3, 12) }
        : undefined,
    steps: draft.steps,
    brisk: draft.brisk ?? false,
    receipt: draft.receipt,
  };
}

const resolveStep = (rng: Rng, outcome: ResolveOutcome, late: boolean): PlannedStep => ({
  kind: 'resolve',
  outcome,
  publicOutcome: rng.pick(PUBLIC_OUTCOMES[outcome]),
  late,
});
const note = (rng: Rng, shared = false): PlannedStep => ({ kind: 'note', text: rng.pick(NOTES), shared });

/** An ordinary report's life from acceptance to archive, as the ratios of a working province give it. */
function ordinaryLife(rng: Rng, channel: Channel, outcome?: ResolveOutcome): PlannedStep[] {
  const steps: PlannedStep[] = [{ kind: 'accept', late: !outcome && rng.chance(0.05) }];
  if (channel === 'hotline' && rng.chance(0.12)) steps.push({ kind: 'call', note: rng.pick(CALL_NOTES) });
  if (rng.chance(0.45)) steps.push({ kind: 'assign' });
  if (rng.chance(0.3)) steps.push(note(rng, rng.chance(0.3)));
  if (rng.chance(0.1))
    steps.push({
      kind: 'coordinate',
      forces: ['border', 'police', 'customs', 'market'],
      reason: rng.pick(COORDINATION_REASONS),
    });
  if (rng.chance(0.02))
    steps.push(
      { kind: 'transfer_request', forces: ['police', 'market'], reason: TRANSFER_REASONS.police },
      { kind: 'transfer_accept' },
    );
  if (rng.chance(0.85)) steps.push({ kind: 'verify' });
  if (rng.chance(0.12))
    steps.push({ kind: 'ask', question: rng.pick(QUESTIONS) }, { kind: 'answer', text: rng.pick(ANSWERS) });
  if (rng.chance(0.06)) steps.push({ kind: 'suspend', reason: rng.pick(SUSPEND_REASONS) }, { kind: 'resume' });
  const extended = !outcome && rng.chance(0.08);
  if (extended) {
    steps.push({ kind: 'extend', reason: rng.pick(EXTENSION_REASONS) });
    if (rng.chance(0.25)) steps.push({ kind: 'extend', reason: rng.pick(EXTENSION_REASONS) });
  }
  steps.push(
    resolveStep(rng, outcome ?? rng.weighted(OUTCOME_WEIGHTS), !outcome && rng.chance(extended ? 0.05 : 0.12)),
  );
  if (outcome || rng.chance(0.8)) steps.push({ kind: 'close' });
  return steps;
}

/** Recent reports standing at every stage a newcomer should find (SPEC.md §5), whatever the random mix gives. */
function showcases(rng: Rng, now: Date): Draft[] {
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const cb = CAO_BANG_SITES;
  const dt = DONG_THAP_SITES;
  const accept: PlannedStep = { kind: 'accept', late: false };
  const verify: PlannedStep = { kind: 'verify' };
  const show = (
    hours: number,
    pool: Site[],
    want: Parameters<typeof chooseFacts>[2],
    steps: PlannedStep[],
    channel: Channel = 'web',
    extra: Partial<Draft> = {},
  ): Draft => ({
    receivedAt: ago(hours),
    channel,
    facts: chooseFacts(rng, pool, want),
    steps,
    brisk: true,
    ...extra,
  });
  const drafts: Draft[] = [
    show(
      8 * 24,
      cb,
      { category: 'counterfeit', placeType: 'market' },
      [accept, verify, { kind: 'ask', question: QUESTIONS[3]! }],
      'web',
      { receipt: 'needs_info' },
    ),
    show(
      14 * 24,
      dt,
      { category: 'poor_quality', placeType: 'market' },
      [accept, verify, resolveStep(rng, 'goods_seized', false)],
      'web',
      { receipt: 'resolved' },
    ),
    show(0.7, dt, { category: 'trade_fraud', placeType: 'market' }, []),
    show(30, cb, { category: 'smuggling', placeType: 'transport_route' }, [], 'zalo'),
    show(3, cb, { category: 'smuggling', placeType: 'border_area' }, [], 'hotline'),
    show(2 * 24, cb, { category: 'ip_infringement', placeType: 'market' }, [accept, { kind: 'assign' }]),
    show(6 * 24, cb, { category: 'illegal_transport', placeType: 'border_area' }, [
      accept,
      verify,
      { kind: 'coordinate', forces: ['police'], reason: COORDINATION_REASONS[0]! },
      note(rng, true),
    ]),
    show(40 * 24, dt, { category: 'trade_fraud', placeType: 'market' }, [accept, verify, note(rng)]),
    show(12 * 24, dt, { category: 'poor_quality', placeType: 'production_site' }, [
      accept,
      verify,
      { kind: 'suspend', reason: SUSPEND_REASONS[3]! },
    ]),
    show(3 * 24, cb, { category: 'counterfeit', placeType: 'market' }, [
      accept,
      { kind: 'transfer_request', forces: ['police'], reason: TRANSFER_REASONS.police },
    ]),
    show(10 * 24, dt, { category: 'counterfeit', placeType: 'market' }, [
      accept,
      { kind: 'transfer_request', forces: ['police'], reason: TRANSFER_REASONS.police },
      { kind: 'transfer_accept' },
      verify,
    ]),
    show(4 * 24, cb, { category: 'smuggling', placeType: 'border_area' }, [
      accept,
      { kind: 'transfer_request', forces: ['market'], reason: TRANSFER_REASONS.market },
      { kind: 'transfer_refuse', reason: TRANSFER_REFUSAL },
    ]),
    show(
      33 * 24,
      cb,
      { category: 'smuggling', placeType: 'border_gate' },
      [accept, verify, { kind: 'extend', reason: EXTENSION_REASONS[0]! }],
      'hotline',
    ),
    show(
      9 * 24,
      ONLINE_SITES.filter((site) => site.provinceCode === '82'),
      { category: 'ecommerce', placeType: 'online' },
      [accept, { kind: 'ask', question: QUESTIONS[5]! }, { kind: 'answer', text: ANSWERS[4]! }, verify],
    ),
    show(
      7 * 24,
      cb,
      { category: 'banned_goods', placeType: 'market' },
      [accept, { kind: 'reveal', reason: REVEAL_REASON }, verify],
      'walk_in',
      { withContact: true },
    ),
  ];
  // A duplicate and the report it repeats, merged by the lead unit.
  const original = show(8 * 24, dt, { category: 'counterfeit', placeType: 'market' }, [accept, verify]);
  drafts.push(original, {
    ...original,
    receivedAt: ago(6 * 24),
    steps: [{ kind: 'merge', into: drafts.length }],
    repeats: drafts.length,
    receipt: undefined,
  });
  return drafts;
}

/** The earliest sample: twelve months back, never before the routing rules and units exist. */
export function sampleStart(now: Date): Date {
  return new Date(Math.max(now.getTime() - 365 * DAY, DEFAULT_RULES_EFFECTIVE_FROM.getTime() + DAY));
}

/**
 * Issue #7: `count` sample reports received over the twelve months before `now`, mostly in Cao Bằng
 * and Đồng Tháp (the provinces with commune units and demo staff), with the life each will have.
 * Pure and seeded: the same count and seed give the same mix; only the times follow `now`.
 */
export function planSampleReports(count: number, now: Date, seed = 389): PlannedReport[] {
  const rng = createRng(seed);
  const start = sampleStart(now);
  const span = now.getTime() - start.getTime();
  const drafts = showcases(rng, now).slice(0, count);
  const rest = count - drafts.length;
  const unstaffed = Math.round(rest * 0.02);
  const langSon = Math.round(rest * 0.03);
  const ordinaryFrom = drafts.length;

  for (let i = 0; i < rest - unstaffed; i += 1) {
    const channel = rng.weighted(CHANNEL_WEIGHTS);
    // More reports lately, as a hotline becomes known: density rises from 0.6 to 1.4 over the year.
    const u = rng.next();
    const x = (-0.6 + Math.sqrt(0.36 + 1.6 * u)) / 0.8;
    let receivedAt = receiptTime(rng, new Date(start.getTime() + x * span), channel);
    if (receivedAt.getTime() > now.getTime() - 0.5 * HOUR) receivedAt = new Date(receivedAt.getTime() - DAY);
    if (receivedAt.getTime() < start.getTime()) receivedAt = new Date(receivedAt.getTime() + DAY);
    const pool =
      i < langSon
        ? LANG_SON_SITES
        : rng.chance(0.12)
          ? ONLINE_SITES
          : rng.chance(0.52)
            ? CAO_BANG_SITES
            : DONG_THAP_SITES;
    const facts = chooseFacts(rng, pool, i < langSon ? { placeType: 'border_gate' } : {});
    drafts.push({ receivedAt, channel, facts, steps: [] });
  }
  // The oldest ordinary reports end with each outcome once, so that every outcome is in the sample.
  const ordinary = drafts.slice(ordinaryFrom).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  ordinary.forEach((draft, i) => {
    draft.steps = ordinaryLife(rng, draft.channel, FORCED_OUTCOMES[i]);
  });
  // About one in twenty-five repeats an earlier report of the same place a few days later, and is merged into it.
  ordinary.slice(FORCED_OUTCOMES.length).forEach((draft) => {
    if (!rng.chance(0.04)) return;
    const earlier = ordinary.filter(
      (o) =>
        o.repeats === undefined &&
        o.receivedAt < draft.receivedAt &&
        draft.receivedAt.getTime() - o.receivedAt.getTime() < 5 * DAY &&
        !o.steps.some((s) => s.kind === 'transfer_request'),
    );
    if (earlier.length === 0) return;
    draft.repeats = drafts.indexOf(rng.pick(earlier));
    draft.steps = [
      ...(rng.chance(0.5) ? [{ kind: 'accept', late: false } as const] : []),
      { kind: 'merge', into: draft.repeats },
    ];
  });
  for (let i = 0; i < unstaffed; i += 1) {
    const channel = rng.weighted(CHANNEL_WEIGHTS);
    const receivedAt = receiptTime(rng, new Date(now.getTime() - rng.between(1, 12) * DAY), channel);
    drafts.push({ receivedAt, channel, facts: chooseFacts(rng, UNSTAFFED_SITES), steps: [] });
  }
  return drafts.map((draft, index) => {
    const planned = finish(rng, draft, index, drafts);
    if (planned.contact && !draft.brisk) planned.steps = withReveal(rng, planned.steps);
    return planned;
  });
}

/** A reporter who left a contact is called back now and then: the lead reveals it, audited. */
function withReveal(rng: Rng, steps: PlannedStep[]): PlannedStep[] {
  const at = steps.findIndex((s) => s.kind === 'accept');
  if (at < 0 || !rng.chance(0.4) || steps.some((s) => s.kind === 'merge')) return steps;
  return [...steps.slice(0, at + 1), { kind: 'reveal', reason: REVEAL_REASON }, ...steps.slice(at + 1)];
}
