import { sql } from 'drizzle-orm';
import { quantile, withBenchDatabase } from './server-database';
import { queryRows } from '../server/db/query-rows';
import { seedDemo } from '../server/demo/seed-demo';
import { findDuplicateCandidates } from '../server/reports/reports.repository';
import { CATEGORIES } from '../shared/domain/categories';
import { foldForSearch } from '../shared/domain/text';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const SEARCHES = 300;
const DATABASE = 'tipline_bench_duplicates';

// Words of real reports, folded as search_text is: descriptions are 10-16 of them in random order.
const WORDS = (
  'ban hang gia nhan hieu noi tieng tai cho gia re bat thuong khong co hoa don xe tai cho thuoc la lau tu bien gioi ' +
  've thanh pho moi dem kho hang my pham khong ro nguon goc shop online giao hang toan quoc ruou ngoai nhap lau ' +
  'dong ho dien thoai quan ao giay dep thuc pham chuc nang sua bot banh keo phao hoa dong vat hoang da can gian lan'
).split(' ');

/** Issue #5 target: duplicate search p95 under 50 ms with 1,000,000 reports in the PostgreSQL server. */
export async function duplicatesBenchmark(): Promise<void> {
  await withBenchDatabase(DATABASE, 'duplicates', async (database) => {
    await seedDemo(database.db, { password: 'benchmark-password' });
    const db = database.db;
    const [ref] = await queryRows<{ rule_id: number; rule_set_id: number; unit_id: string }>(
      db,
      sql`select r.id as rule_id, r.rule_set_id, (select id from units where code = 'market-04') as unit_id from routing_rules r limit 1`,
    );
    if (!ref) throw new Error('no routing rule');

    const started = performance.now();
    // Bulk load without the secondary indexes, then build them: what a restore would do.
    const indexes = await queryRows<{ indexdef: string; indexname: string }>(
      db,
      sql`select indexname, indexdef from pg_indexes where tablename = 'reports' and indexname not in (select conname from pg_constraint)`,
    );
    for (const i of indexes) await db.execute(sql.raw(`drop index ${i.indexname}`));
    await db.execute(
      sql.raw(`
      create temporary table picks as
        select c.code, c.province_code, row_number() over () as n from communes c;
      insert into routing_decisions (id, decided_at, category, place_type, commune_code, rule_set_id, rule_set_version, rule_id, rule_key,
          lead_force, lead_unit_id, lead_unit_name, coordinating, explanation_vi, explanation_en)
        select md5('d' || g)::uuid, now() - (g % 365) * interval '1 day', 'counterfeit', 'market', '01447', ${ref.rule_set_id}, 'national@1',
          ${ref.rule_id}, 'national/market/*', 'market', '${ref.unit_id}', 'bench', '[]'::jsonb, '', ''
        from generate_series(1, ${REPORTS}) g;
      insert into reports (id, tracking_code, secret_hash, channel, category, place_type, province_code, commune_code, address, url,
          observed_at, description, search_text, url_key, has_contact, status, routing_decision_id, lead_unit_id, received_at,
          accept_due_at, resolve_due_at)
        select md5('r' || g)::uuid, 'B' || g, 'x', 'web', (array['${CATEGORIES.join("','")}'])[1 + g % ${CATEGORIES.length}], 'market', p.province_code, p.code, 'bench', null,
          now() - (g % 365) * interval '1 day' - interval '1 hour', words.text, words.text,
          case when g % 10 = 0 then 'shopee.vn/shop-' || (g % 5000) else null end, false, 'received',
          md5('d' || g)::uuid, '${ref.unit_id}', now() - (g % 365) * interval '1 day' - (g % 1440) * interval '1 minute',
          now() - (g % 365) * interval '1 day' + interval '1 day', now() - (g % 365) * interval '1 day' + interval '28 days'
        from generate_series(1, ${REPORTS}) g
        join picks p on p.n = 1 + (g::bigint * 7919) % (select count(*) from picks)
        join lateral (
          select string_agg(w, ' ') as text from (
            select (array['${WORDS.join("','")}'])[(1 + (g::bigint * k * 2654435761) % ${WORDS.length})::int] as w
            from generate_series(1, 10 + g % 7) k
          ) ws
        ) words on true;
    `),
    );
    const loaded = performance.now();
    for (const i of indexes) await db.execute(sql.raw(i.indexdef));
    await db.execute(sql.raw('analyze reports'));
    const indexed = performance.now();

    // Searches as the console makes them: a commune and category, and a description near an existing one.
    const samples = await queryRows<{
      province_code: string;
      commune_code: string;
      category: string;
      description: string;
      url_key: string | null;
    }>(
      db,
      sql`select province_code, commune_code, category, description, url_key from reports
          where received_at > now() - interval '30 days' order by random() limit ${SEARCHES}`,
    );
    const times: number[] = [];
    let results = 0;
    const since = new Date(Date.now() - 30 * 86_400_000);
    for (const s of samples) {
      const words = s.description.split(' ');
      const typed = words
        .slice(1)
        .concat(words[0] ?? '')
        .join(' '); // reordered, as a caller retells it
      const t0 = performance.now();
      const found = await findDuplicateCandidates(db, {
        provinceCode: s.province_code,
        communeCode: s.commune_code,
        category: s.category,
        searchText: foldForSearch(typed),
        urlKey: s.url_key,
        sellerKey: null,
        since,
        limit: 10,
      });
      times.push(performance.now() - t0);
      results += found.length;
    }
    if (times.length === 0) throw new Error('no sample reports to search for');
    times.sort((a, b) => a - b);
    const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from reports`);
    const lines = [
      `duplicates: ${count?.n.toLocaleString('en-US')} reports over 12 months in the PostgreSQL server, ${times.length} searches (commune + category + a retold description + URL when any)`,
      `load ${((loaded - started) / 1000).toFixed(0)} s, index ${((indexed - loaded) / 1000).toFixed(0)} s`,
      `search p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, max ${(times[times.length - 1] ?? 0).toFixed(1)} ms; ${(results / times.length).toFixed(1)} candidates per search`,
      `Target (issue #5): p95 < 50 ms: ${quantile(times, 0.95) < 50 ? 'met' : 'NOT met'}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
