/**
 * The gap heatmap over the whole instansi: the Asah route (sign-in, scope, validation, the shared
 * reconciliation SQL, serialisation) against the tightest hand-written SQL for the same numbers.
 * Both answers are compared cell by cell before timing.
 */
import type pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import type { Database } from '../src/server/db/client.js';
import { fmt, medianMs, sectionRows, type DatabaseKind } from './sections.js';

/** Tops the dictionary up to `target` competencies (teknis), with standards and assessments. */
async function topUp(pool: pg.Pool, target: number) {
  const t = (await pool.query<{ id: string }>('select id from tenants limit 1')).rows[0]!.id;
  const have = Number(
    (await pool.query('select count(*) from competencies where tenant_id = $1 and active', [t])).rows[0]
      .count,
  );
  for (let i = 1; i <= target - have; i++) {
    const code = `T.B${i}`;
    const c = await pool.query<{ id: string }>(
      `insert into competencies (tenant_id, code, "group") values ($1, $2, 'T') returning id`,
      [t, code],
    );
    const levels = [1, 2, 3, 4, 5].map((l) => ({
      level: l,
      title: `Level ${l}`,
      description: '',
      indicators: [],
    }));
    const v = await pool.query<{ id: string }>(
      `insert into competency_versions (tenant_id, competency_id, version, name, definition, levels, effective_from)
       values ($1, $2, 1, $3, 'Kompetensi teknis untuk pengukuran.', $4, '2020-01-01') returning id`,
      [t, c.rows[0]!.id, `Teknis pengukuran ${i}`, JSON.stringify(levels)],
    );
    await pool.query(
      `insert into position_standards (tenant_id, position_id, competency_id, required_level)
       select $1, p.id, $2, 2 + (abs(hashtext(p.id::text || $3)) % 2) from positions p where p.tenant_id = $1`,
      [t, c.rows[0]!.id, code],
    );
    await pool.query(
      `insert into assessments (tenant_id, employee_id, competency_id, competency_version_id, source, level, assessed_on)
       select $1, e.id, $2, $3, s.source, 1 + (abs(hashtext(e.nip || s.source || $4)) % 5),
         current_date - (abs(hashtext(e.nip || $4)) % 700)
       from employees e cross join (values ('self'), ('atasan')) s(source)
       where e.tenant_id = $1 and abs(hashtext(e.nip || s.source || $4)) % 10 < 7`,
      [t, c.rows[0]!.id, v.rows[0]!.id, code],
    );
  }
  await pool.query('analyze');
  return Number(
    (await pool.query('select count(*) from competencies where tenant_id = $1 and active', [t])).rows[0]
      .count,
  );
}

/**
 * The hand-written answer: each employee's child unit read straight from the materialised path
 * (no join over unit pairs), the current level per employee × competency by one DISTINCT ON over
 * the usable assessments, one aggregation.
 */
const HAND_SQL = `
  with top as (select id, path from org_units where tenant_id = $1 and parent_id is null),
  cur as (
    select distinct on (a.employee_id, a.competency_id) a.employee_id, a.competency_id, a.level
    from assessments a
    where a.tenant_id = $1 and a.source = any($2::text[]) and a.assessed_on >= $3::date
    order by a.employee_id, a.competency_id, array_position($2::text[], a.source), a.assessed_on desc, a.created_at desc
  )
  select k.id as unit_id, ps.competency_id,
    count(*)::int as required, (count(*) filter (where cur.level is null or cur.level < ps.required_level))::int as below
  from employees e
  join org_units s on s.id = e.unit_id
  join org_units k on k.id = nullif(split_part(s.path, '/', 3), '')::uuid and k.active
  join position_standards ps on ps.tenant_id = $1 and ps.position_id = e.position_id
  join competencies c on c.id = ps.competency_id and c.active
  left join cur on cur.employee_id = e.id and cur.competency_id = ps.competency_id
  where e.tenant_id = $1 and e.active
  group by 1, 2`;

export const HEATMAP_HEADING = '## 4. Gap heatmap';

/**
 * Runs the heatmap comparison on the database behind `o.database` (of the given kind) and returns its
 * markdown section: this kind's row freshly measured, the other kind's row kept from `previous`.
 */
export async function benchHeatmap(o: {
  url: string;
  database: Database;
  kind: DatabaseKind;
  employees: number;
  previous?: string;
  runs?: number;
}): Promise<string> {
  const runs = o.runs ?? 5;
  const competencies = await topUp(o.database.pool, 15);
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
  const t = (
    await o.database.pool.query<{ id: string; cutoff: string }>(
      `select id, to_char((now() at time zone time_zone)::date - interval '36 months', 'YYYY-MM-DD') as cutoff from tenants limit 1`,
    )
  ).rows[0]!;
  const order = ['assessment_center', 'test', 'atasan', 'peer', 'self'];
  const api = async () => {
    const r = await app.inject({ method: 'GET', url: '/api/gaps/heatmap', headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(`heatmap ${r.statusCode}: ${r.body}`);
    return r.json() as { cells: { unitId: string; competencyId: string; required: number; below: number }[] };
  };
  const hand = async () =>
    (
      await o.database.pool.query<{
        unit_id: string;
        competency_id: string;
        required: number;
        below: number;
      }>(HAND_SQL, [t.id, order, t.cutoff])
    ).rows;

  // Same answer first.
  const key = (u: string, c: string, r: number, b: number) => `${u}/${c}/${r}/${b}`;
  const a = (await api()).cells.map((c) => key(c.unitId, c.competencyId, c.required, c.below)).sort();
  const h = (await hand()).map((c) => key(c.unit_id, c.competency_id, c.required, c.below)).sort();
  const same = a.length === h.length && a.every((v, i) => v === h[i]);
  if (!same) throw new Error(`heatmap and hand-written SQL disagree (${a.length} vs ${h.length} cells)`);
  const people = (await hand()).reduce((s, c) => s + c.required, 0);

  const time = (f: () => Promise<unknown>) => medianMs(f, runs);
  // Alternate so caches treat both alike.
  await time(hand);
  const handMs = await time(hand);
  const apiMs = await time(api);
  await app.close();
  const version = (
    await o.database.pool.query<{ v: string }>(`select current_setting('server_version') as v`)
  ).rows[0]!.v.split(' ')[0];
  const rows = sectionRows(o.previous ?? '', HEATMAP_HEADING);
  rows.set(
    o.kind,
    `| ${o.kind} (PostgreSQL ${version}, ${fmt(o.employees)} employees) | ${fmt(apiMs)} | ${fmt(handMs)} | ${fmt(apiMs / handMs, 2)} × |`,
  );
  return [
    '## 4. Gap heatmap over the whole instansi',
    '',
    `Target: the Asah route ≤ 3 × the best hand-written SQL for the same answer. ${fmt(competencies)} active competencies, ` +
      `${fmt(a.length)} unit × competency cells over ${fmt(people)} employee × required-competency pairs; both answers compared ` +
      `cell by cell before timing (identical). Median of ${runs} runs, warm cache.`,
    '',
    "The hand-written SQL reads each employee's OPD straight from the materialised path and aggregates once; Asah " +
      'signs in, checks the scope, runs the shared reconciliation SQL (the one the drill-down and the 9-box use), ' +
      'lists the dictionary and the units, and serialises through the validated response schema.',
    '',
    '| database | Asah route ms | hand-written SQL ms | Asah / SQL |',
    '|---|---:|---:|---:|',
    ...(['embedded', 'server'] as const).flatMap((k) => (rows.has(k) ? [rows.get(k)!] : [])),
    '',
    'Each row comes from the latest run on that kind of database: `npm run bench` measures the kind it runs on ' +
      '(embedded, or the server in `DATABASE_URL`) and keeps the other row from this file. ' +
      '`npm run bench -- --only heatmap` runs the seed and this section alone.',
    '',
  ].join('\n');
}
