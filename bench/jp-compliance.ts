/**
 * The 20 JP compliance report over the whole instansi: the Asah route (sign-in, scope, validation,
 * the report SQL, serialisation) against the tightest hand-written SQL for the same numbers, on
 * 2,000,000 learning records. Both answers are compared unit by unit before timing.
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import type { Database } from '../src/server/db/client.js';
import { seedLearningHistory } from '../src/server/seed/learning.js';
import { fmt, medianMs, sectionRows, type DatabaseKind } from './sections.js';

export const JP_HEADING = '## 5. 20 JP compliance report';

/**
 * The hand-written answer: each employee's OPD straight from the materialised path, the year's JP
 * summed per employee once, one aggregation.
 */
const HAND_SQL = `
  with tot as (
    select employee_id, sum(jp) as jp from learning_records
    where tenant_id = $1 and year = $2 group by employee_id
  )
  select k.id as unit_id, count(*)::int as employees,
    (count(*) filter (where coalesce(tot.jp, 0) >= $3))::int as compliant
  from employees e
  join org_units s on s.id = e.unit_id
  join org_units k on k.id = nullif(split_part(s.path, '/', 3), '')::uuid and k.active
  left join tot on tot.employee_id = e.id
  where e.tenant_id = $1 and e.active
  group by k.id`;

/**
 * Replaces the demo history with eight years of it (about 2.5 activities per employee a year, the
 * demo's shares): some 2,000,000 records at 100,000 employees, of which the report reads one year.
 */
async function fill(database: Database): Promise<number> {
  const t = (await database.pool.query<{ id: string }>('select id from tenants limit 1')).rows[0]!.id;
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`delete from learning_records where tenant_id = ${t} and source = 'import'`);
    await seedLearningHistory(tx, t, { yearsBack: 7 });
  });
  await database.pool.query('analyze learning_records');
  return Number((await database.pool.query('select count(*) from learning_records')).rows[0].count);
}

export async function benchJpCompliance(o: {
  url: string;
  database: Database;
  kind: DatabaseKind;
  employees: number;
  previous?: string;
  runs?: number;
}): Promise<string> {
  const runs = o.runs ?? 5;
  const records = await fill(o.database);
  const config = loadConfig({
    NODE_ENV: 'production',
    ASAH_DEMO: 'false',
    LOG_LEVEL: 'silent',
    DATABASE_URL: o.url,
    COOKIE_SECURE: 'false',
  });
  const app = await buildApp({ config, database: o.database, serveWeb: false });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: 'asah-demo' },
  });
  const cookie = `asah_session=${login.cookies.find((c) => c.name === 'asah_session')!.value}`;
  type Report = {
    year: number;
    targetJp: number;
    units: { unitId: string; employees: number; compliant: number }[];
  };
  const api = async () => {
    const r = await app.inject({ method: 'GET', url: '/api/reports/jp-compliance', headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(`jp-compliance ${r.statusCode}: ${r.body}`);
    return r.json() as Report;
  };
  const first = await api();
  const tenant = (await o.database.pool.query<{ id: string }>('select id from tenants limit 1')).rows[0]!.id;
  const hand = async () =>
    (
      await o.database.pool.query<{ unit_id: string; employees: number; compliant: number }>(HAND_SQL, [
        tenant,
        first.year,
        first.targetJp,
      ])
    ).rows;

  // Same answer first (units without employees appear only in the route's answer).
  const key = (u: string, e: number, c: number) => `${u}/${e}/${c}`;
  const a = first.units
    .filter((u) => u.employees > 0)
    .map((u) => key(u.unitId, u.employees, u.compliant))
    .sort();
  const handRows = await hand();
  const h = handRows.map((u) => key(u.unit_id, u.employees, u.compliant)).sort();
  if (a.length !== h.length || a.some((v, i) => v !== h[i]))
    throw new Error(`jp-compliance and hand-written SQL disagree (${a.length} vs ${h.length} units)`);
  const employees = handRows.reduce((s, u) => s + u.employees, 0);
  const compliant = handRows.reduce((s, u) => s + u.compliant, 0);

  const time = (f: () => Promise<unknown>) => medianMs(f, runs);
  await time(hand);
  const handMs = await time(hand);
  const apiMs = await time(api);
  await app.close();
  const version = (
    await o.database.pool.query<{ v: string }>(`select current_setting('server_version') as v`)
  ).rows[0]!.v.split(' ')[0];
  const rows = sectionRows(o.previous ?? '', JP_HEADING);
  rows.set(
    o.kind,
    `| ${o.kind} (PostgreSQL ${version}, ${fmt(o.employees)} employees, ${fmt(records)} records) | ${fmt(apiMs)} | ${fmt(handMs)} | ${fmt(apiMs / handMs, 2)} × |`,
  );
  return [
    `${JP_HEADING} over the whole instansi`,
    '',
    `Target: the Asah route ≤ 3 × the best hand-written SQL for the same answer. Year ${first.year}, ` +
      `${fmt(h.length)} OPD rows over ${fmt(employees)} active employees (${fmt(compliant)} reached ${first.targetJp} JP); ` +
      'both answers compared unit by unit before timing (identical). Median of ' +
      `${runs} runs, warm cache.`,
    '',
    "The hand-written SQL reads each employee's OPD straight from the materialised path and sums the year's JP " +
      'once; Asah signs in, checks the scope, reads the target from the JP rule set in effect, runs the report SQL ' +
      '(one pass, OPD read from the path as well), and serialises through the validated response schema.',
    '',
    '| database | Asah route ms | hand-written SQL ms | Asah / SQL |',
    '|---|---:|---:|---:|',
    ...(['embedded', 'server'] as const).flatMap((k) => (rows.has(k) ? [rows.get(k)!] : [])),
    '',
    '`npm run bench -- --only jp` runs the seed and this section alone.',
    '',
  ].join('\n');
}
