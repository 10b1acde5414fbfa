/**
 * The soak: `minutes` minutes of 50 connections (localhost only) over a mix of the reads every role
 * makes, against the Asah server of bench/servers.ts. Reports p50/p99, errors and the server's RSS and
 * heap minute by minute, and the last minute against the first as a ratio.
 */
import autocannon from 'autocannon';
import { fmt } from './sections.js';

export const SOAK_HEADING = '## 6. Soak';

/** What the server child reports when asked (bench/servers.ts). */
export interface ServerMemory {
  rss: number;
  heapUsed: number;
}

/** What each role reads; the whole-instansi reports are marked heavy and come up less often. */
const ROLE_READS: Record<string, string[]> = {
  admin: [
    '/api/employees?pageSize=25',
    '/api/employees?q=latu&pageSize=25',
    'heavy:/api/reports/jp-compliance',
    'heavy:/api/gaps/heatmap',
    '/api/programs',
    '/api/notifications',
  ],
  'operator.dukcapil': [
    '/api/employees?pageSize=25',
    '/api/employees?q=19&pageSize=25',
    '/api/reports/jp-compliance',
    '/api/gaps/heatmap',
    '/api/programs',
    '/api/notifications',
  ],
  'atasan.dukcapil': [
    '/api/employees?pageSize=25',
    '/api/my/learning',
    '/api/programs',
    '/api/notifications',
  ],
  'pegawai.dukcapil': ['/api/my/learning', '/api/programs', '/api/notifications', '/api/employees'],
  'mitra.unpatti': ['/api/programs', '/api/notifications', '/api/auth/me'],
  pimpinan: [
    '/api/employees?q=ma&pageSize=25',
    'heavy:/api/reports/jp-compliance',
    'heavy:/api/gaps/heatmap',
    '/api/programs',
    '/api/notifications',
  ],
};
/** The everyday reads come up this many times for each heavy report in the mix. */
const LIGHT_ROUNDS = 5;

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'asah-demo' }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username}: HTTP ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** The request mix, roles interleaved so that every connection walks through all of them. */
async function requestMix(base: string) {
  type Read = { method: 'GET'; path: string; headers: Record<string, string> };
  const light: Read[][] = [];
  const heavy: Read[] = [];
  for (const [user, paths] of Object.entries(ROLE_READS)) {
    const cookie = await signIn(base, user);
    const reads = paths.map((p) => ({
      method: 'GET' as const,
      path: p.replace(/^heavy:/, ''),
      headers: { cookie },
    }));
    light.push(reads.filter((_, i) => !paths[i]!.startsWith('heavy:')));
    heavy.push(...reads.filter((_, i) => paths[i]!.startsWith('heavy:')));
  }
  const mix: Read[] = [];
  for (let round = 0; round < LIGHT_ROUNDS; round++) {
    for (let i = 0; light.some((r) => i < r.length); i++) for (const r of light) if (r[i]) mix.push(r[i]!);
    if (heavy[round]) mix.push(heavy[round]!);
  }
  mix.push(...heavy.slice(LIGHT_ROUNDS));
  // Every read answers 200 before the soak starts: a wrong path would only count as errors.
  for (const r of mix) {
    const res = await fetch(`${base}${r.path}`, { headers: r.headers });
    if (!res.ok) throw new Error(`${r.path}: HTTP ${res.status}`);
    await res.arrayBuffer();
  }
  return mix;
}

const MB = 2 ** 20;

export async function benchSoak(opts: {
  port: number;
  minutes: number;
  memory: () => Promise<ServerMemory>;
}): Promise<string> {
  const base = `http://127.0.0.1:${opts.port}`;
  const requests = await requestMix(base);
  const users = Object.keys(ROLE_READS).length;
  const rows: string[] = [];
  const mem: ServerMemory[] = [];
  let totalErrors = 0;
  let totalRequests = 0;
  const before = await opts.memory();
  for (let minute = 1; minute <= opts.minutes; minute++) {
    // A slow answer counts in the latency up to 30 s; only past that is it an error.
    const r = await autocannon({ url: base, connections: 50, duration: 60, timeout: 30, requests });
    const m = await opts.memory();
    mem.push(m);
    const errors = r.errors + r.non2xx + r.timeouts;
    totalErrors += errors;
    totalRequests += r.requests.total;
    rows.push(
      `| ${minute} | ${fmt(r.requests.average)} | ${fmt(r.latency.p50)} | ${fmt(r.latency.p99)} | ${fmt(errors)} | ${fmt(m.rss / MB)} | ${fmt(m.heapUsed / MB)} |`,
    );
    console.log(rows.at(-1));
  }
  const first = mem[0]!;
  const last = mem.at(-1)!;
  return [
    `${SOAK_HEADING} (${opts.minutes} min, 50 connections)`,
    '',
    `A mix of ${requests.length} reads by ${users} signed-in roles (admin, operator, atasan, pegawai, mitra, ` +
      'pimpinan): employee list and search, my learning, the programme catalogue, the JP compliance report, ' +
      `the gap heatmap, notifications; the everyday reads come up ${LIGHT_ROUNDS} times for each report over the ` +
      "whole instansi (admin's and pimpinan's heatmap and JP report). Each connection walks through the mix " +
      "in turn. RSS and heap are the server's own (`process.memoryUsage()`, heap after a full collection) " +
      'at the end of each minute.',
    '',
    'Target: no errors; RSS and heap of the last minute ≤ 110 % of the first.',
    '',
    '| minute | req/s | p50 ms | p99 ms | errors | RSS MB | heap MB |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Before the soak: RSS ${fmt(before.rss / MB)} MB, heap ${fmt(before.heapUsed / MB)} MB. ` +
      `${fmt(totalRequests)} requests, ${fmt(totalErrors)} errors. ` +
      `Last minute / first minute: RSS ${fmt((100 * last.rss) / first.rss)} %, ` +
      `heap ${fmt((100 * last.heapUsed) / first.heapUsed)} %.`,
    '',
  ].join('\n');
}
