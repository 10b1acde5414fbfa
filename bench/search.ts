/**
 * The employee list and search through Asah (sign-in, access, validation, scope, presenter, response
 * schema) against a bare Fastify route on the same pool running the same SQL (bench/servers.ts).
 */
import autocannon from 'autocannon';
import { fmt } from './sections.js';

export const SEARCH_HEADING = '## 1. Employee list and search API';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function cannon(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 50, duration: SECONDS, headers });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts };
}

export async function benchSearch(asahPort: number, barePort: number): Promise<string> {
  const login = await fetch(`http://127.0.0.1:${asahPort}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'asah-demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const lines = [
    `${SEARCH_HEADING} (${SECONDS} s each, 50 connections)`,
    '',
    'Both servers share one process and one connection pool; the bare route runs the same two queries ' +
      'with no sign-in, validation, scope or presenter. Target: Asah ≥ 80 % of the bare route.',
    '',
    '| query | Asah req/s | Asah p99 ms | bare req/s | bare p99 ms | Asah / bare |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const [label, qs] of [
    ['first page, no filter', 'page=1&pageSize=25'],
    ['page 40', 'page=40&pageSize=25'],
    ['search by name', 'q=latu&pageSize=25'],
    ['search by NIP prefix', 'q=1985&pageSize=25'],
  ] as const) {
    const bare = await cannon(`http://127.0.0.1:${barePort}/employees?${qs}`);
    const asah = await cannon(`http://127.0.0.1:${asahPort}/api/employees?${qs}`, { cookie });
    const line = `| ${label} | ${fmt(asah.rps)} | ${fmt(asah.p99)} | ${fmt(bare.rps)} | ${fmt(bare.p99)} | ${fmt((100 * asah.rps) / bare.rps)} % |`;
    lines.push(line);
    console.log(line);
    if (asah.errors || bare.errors) lines.push('', `(errors: Asah ${asah.errors}, bare ${bare.errors})`, '');
  }
  lines.push('');
  return lines.join('\n');
}
