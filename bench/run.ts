/**
 * `npm run bench`: every figure is measured against a baseline in the same run and reported as a
 * ratio, then written to docs/benchmarks.md. Nothing here asserts a speed.
 *
 *   1. employee list/search API vs a bare Fastify route running the same SQL (autocannon, 50 connections)
 *   2. importing 100,000 employees from CSV and XLSX vs COPY of the same rows into a plain table
 *   3. start-up of `node dist/server/main.js` on an empty and on an existing data folder, vs PostgreSQL alone
 *   4. the gap heatmap route over every employee × 15 competencies vs hand-written SQL for the same cells
 *   5. the 20 JP compliance report over 2,000,000 learning records vs hand-written SQL for the same units
 *   6. a soak: --soak-minutes (default 10) at 50 connections over every role's reads, p50/p99, errors,
 *      and the server's RSS and heap per minute, last minute against the first
 *
 * BENCH_EMPLOYEES (default 100000) and BENCH_SECONDS (default 10) shrink it for a quick look.
 * DATABASE_URL runs it on a PostgreSQL server instead of the embedded one (an empty database); the
 * heatmap and JP tables keep one row per kind of database, the other kind's row is kept from the file.
 * `--only search` / `--only heatmap` / `--only jp` / `--only soak` seeds and runs section 1 / 4 / 5 / 6
 * alone and replaces just that section (e.g. `npm run bench -- --only soak --soak-minutes 1`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { connect, runMigrations } from '../src/server/db/client.js';
import { startEmbedded, tmpDataDir } from '../src/server/db/embedded.js';
import { seedDemo } from '../src/server/seed/demo.js';
import { benchHeatmap, HEATMAP_HEADING } from './heatmap.js';
import { benchJpCompliance, JP_HEADING } from './jp-compliance.js';
import { fmt, replaceSection, type DatabaseKind } from './sections.js';
import { benchImport } from './import.js';
import { benchStartup } from './startup.js';
import { benchSearch, SEARCH_HEADING } from './search.js';
import { startServers } from './server-child.js';
import { benchSoak, SOAK_HEADING } from './soak.js';

const N = Number(process.env.BENCH_EMPLOYEES ?? 100_000);
const log = pino({ level: 'warn' });
const DOC = path.join('docs', 'benchmarks.md');
const argOnly = process.argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
const ONLY = argOnly < 0 ? null : (process.argv[argOnly]!.split('=')[1] ?? process.argv[argOnly + 1] ?? '');
const PARTS = ['search', 'heatmap', 'jp', 'soak'] as const;
if (ONLY !== null && !PARTS.includes(ONLY as (typeof PARTS)[number])) {
  console.error(`--only: unknown part "${ONLY}" (known: ${PARTS.join(', ')})`);
  process.exit(2);
}
const argSoak = process.argv.findIndex((a) => a === '--soak-minutes' || a.startsWith('--soak-minutes='));
const SOAK_MINUTES =
  argSoak < 0 ? 10 : Number(process.argv[argSoak]!.split('=')[1] ?? process.argv[argSoak + 1]);
if (!Number.isInteger(SOAK_MINUTES) || SOAK_MINUTES < 1 || SOAK_MINUTES > 120) {
  console.error('--soak-minutes: a whole number of minutes from 1 to 120');
  process.exit(2);
}
const lines: string[] = [];
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};

async function main() {
  const started = Date.now();
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbedded({ dataDir: tmpDataDir(), log, database: 'asah_bench' });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  const database = connect(url, 'external', 10);
  await runMigrations(database);
  const seedStart = Date.now();
  await seedDemo(database.db, { employees: N, seed: 1 });
  const seedSeconds = (Date.now() - seedStart) / 1000;
  const kind: DatabaseKind = embedded ? 'embedded' : 'server';
  const previous = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';

  if (ONLY !== null) {
    console.log(`${fmt(N)} employees seeded in ${fmt(seedSeconds, 1)} s (${kind})`);
    let section: string;
    let heading: string;
    if (ONLY === 'search' || ONLY === 'soak') {
      const servers = await startServers(url);
      section =
        ONLY === 'search'
          ? await benchSearch(servers.asah, servers.bare)
          : await benchSoak({ port: servers.asah, minutes: SOAK_MINUTES, memory: servers.memory });
      heading = ONLY === 'search' ? SEARCH_HEADING : SOAK_HEADING;
      servers.stop();
    } else {
      const part = ONLY === 'heatmap' ? benchHeatmap : benchJpCompliance;
      heading = ONLY === 'heatmap' ? HEATMAP_HEADING : JP_HEADING;
      section = await part({ url, database, kind, employees: N, previous });
    }
    await database.close();
    await embedded?.stop();
    console.log(section);
    fs.writeFileSync(DOC, replaceSection(previous, heading, section));
    console.log(`\n→ ${DOC} (${ONLY} only, ${fmt((Date.now() - started) / 1000)} s)`);
    return;
  }

  out('# Benchmarks');
  out();
  out(
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, ` +
      `PostgreSQL ${embedded ? 'embedded' : 'server'}; ${fmt(N)} employees seeded in ${fmt(seedSeconds, 1)} s. ` +
      'Each figure is a ratio against a baseline measured in the same run.',
  );
  out();

  // 1. List/search API, then 6. the soak, against the same server.
  const servers = await startServers(url);
  out(await benchSearch(servers.asah, servers.bare));
  const soak = await benchSoak({ port: servers.asah, minutes: SOAK_MINUTES, memory: servers.memory });
  servers.stop();

  // 4. Heatmap (before the import bench adds its rows).
  const heatmap = await benchHeatmap({ url, database, kind, employees: N, previous });
  // 5. JP compliance (fills the learning records to two years × 10 per employee).
  const jp = await benchJpCompliance({ url, database, kind, employees: N, previous });

  // 2. Import.
  out(await benchImport({ url, rows: N, pool: database.pool }));

  await database.close();
  await embedded?.stop();

  // 3. Start-up.
  out(await benchStartup());

  out(heatmap);
  out(jp);
  out(soak);

  out(`_Whole run: ${fmt((Date.now() - started) / 1000)} s._`);
  fs.mkdirSync('docs', { recursive: true });
  fs.writeFileSync(DOC, lines.join('\n') + '\n');
  console.log(`\n→ ${DOC}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
