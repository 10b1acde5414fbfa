/**
 * Child process of the benchmark: serves Asah and a bare Fastify route that runs the same SQL as
 * the employee list, on two ports, against the database in BENCH_DATABASE_URL. Prints the ports as JSON.
 */
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { connect } from '../src/server/db/client.js';
import { countEmployees, listEmployees, listFilter } from '../src/server/modules/employees/repository.js';

const url = process.env.BENCH_DATABASE_URL!;
const config = loadConfig({
  NODE_ENV: 'production',
  ASAH_DEMO: 'false',
  LOG_LEVEL: 'silent',
  DATABASE_URL: url,
  COOKIE_SECURE: 'false',
  // One Asah process, as `npm start` runs on its embedded database (where the session cache is on);
  // SESSION_CACHE_SECONDS=0 in the environment measures the several-process default instead.
  SESSION_CACHE_SECONDS: process.env.SESSION_CACHE_SECONDS ?? '5',
  // Likewise the whole-unit report figures (REPORT_CACHE_SECONDS=0: every report read afresh).
  REPORT_CACHE_SECONDS: process.env.REPORT_CACHE_SECONDS ?? '5',
});
const database = connect(url, 'external', 20);
const app = await buildApp({ config, database, serveWeb: false });
await app.listen({ port: 0, host: '127.0.0.1' });

// The baseline: no sign-in, no validation, no scope, no presenter — the same two queries, raw rows out.
const bare = Fastify({ logger: false });
const tenant = await database.db.execute<{ id: string }>(sql`select id from tenants limit 1`);
const tenantId = tenant.rows[0]!.id;
bare.get('/employees', async (req) => {
  const raw = req.query as { q?: string; page?: string; pageSize?: string };
  const q = {
    q: raw.q,
    page: Number(raw.page ?? 1),
    pageSize: Number(raw.pageSize ?? 25),
    sort: 'name',
    order: 'asc',
  } as const;
  const where = listFilter(tenantId, sql`true`, q);
  const [items, total] = await Promise.all([
    listEmployees(database.db, where, q, q.pageSize, (q.page - 1) * q.pageSize),
    countEmployees(database.db, where, false),
  ]);
  return { items, total };
});
await bare.listen({ port: 0, host: '127.0.0.1' });
const port = (s: { server: { address(): unknown } }) => (s.server.address() as { port: number }).port;
process.stdout.write(JSON.stringify({ asah: port(app), bare: port(bare) }) + '\n');

// Memory on request (bench/server-child.ts): heap after a full collection, so that what is counted is
// what the server keeps, not garbage waiting for the collector.
process.on('message', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  process.send?.({ rss: m.rss, heapUsed: m.heapUsed });
});
process.on('disconnect', () => process.exit(0));
