/**
 * Start-up benchmark: `npm start` (scripts/start.mjs on a built tree) to a healthy /api/health, on an empty data folder
 * (initdb, migrations, demo seed of 5,000) and on an existing one, against the embedded PostgreSQL
 * alone (initdb + start) in the same run.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startEmbedded } from '../src/server/db/embedded.js';

const fmt = (n: number, d = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

async function timeToHealthy(dataDir: string): Promise<number> {
  const port = await freePort();
  // The embedded database, whatever the caller's environment says.
  const { DATABASE_URL: _url, ...env } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...env, PORT: String(port), ASAH_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      if (child.exitCode !== null) throw new Error('Asah exited before it was healthy');
      if (performance.now() - started > 300_000) throw new Error('not healthy after 300 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

export async function benchStartup(): Promise<string> {
  // A fresh build first, so `npm start` measures starting, not building.
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'asah-bench-start-'));
  const pgStart = performance.now();
  const pg = await startEmbedded({ dataDir: path.join(base, 'pg-only'), log: pino({ level: 'silent' }) });
  const pgMs = performance.now() - pgStart;
  await pg.stop();
  const pgRestart = performance.now();
  const pg2 = await startEmbedded({ dataDir: path.join(base, 'pg-only'), log: pino({ level: 'silent' }) });
  const pgRestartMs = performance.now() - pgRestart;
  await pg2.stop();

  const dataDir = path.join(base, 'asah');
  const empty = await timeToHealthy(dataDir);
  const existing = await timeToHealthy(dataDir);
  fs.rmSync(base, { recursive: true, force: true });
  return [
    '## 3. Start-up (`npm start` on a built tree → healthy)',
    '',
    '| data folder | Asah s | embedded PostgreSQL alone s | Asah / PostgreSQL |',
    '|---|---:|---:|---:|',
    `| empty (initdb, migrate, seed 5,000) | ${fmt(empty / 1000)} | ${fmt(pgMs / 1000)} | ${fmt(empty / pgMs)} × |`,
    `| existing | ${fmt(existing / 1000)} | ${fmt(pgRestartMs / 1000)} | ${fmt(existing / pgRestartMs)} × |`,
    '',
  ].join('\n');
}
