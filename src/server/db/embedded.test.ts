import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbedded, type EmbeddedHandle } from './embedded.js';

const log = pino({ level: 'silent' });
const started: EmbeddedHandle[] = [];
afterAll(async () => {
  for (const h of started) await h.stop().catch(() => undefined);
});

const postgresProcessesFor = (pgDir: string) =>
  fs
    .readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const cmd = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
        return cmd[0]?.endsWith('/postgres') && cmd.includes(pgDir);
      } catch {
        return false;
      }
    });

describe('embedded PostgreSQL', () => {
  it('puts its files where the postgres user can reach them (saying so when that is elsewhere), and refuses a second Asah on the folder', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'asah-private-')); // 0700: postgres cannot enter
    const h = await startEmbedded({ dataDir, log });
    started.push(h);
    if (process.getuid?.() === 0) {
      // As root, PostgreSQL runs as the OS user postgres, which cannot enter a 0700 folder of root's.
      expect(h.pgDir.startsWith('/var/lib/asah/')).toBe(true);
      expect(fs.readFileSync(path.join(dataDir, 'postgres.location'), 'utf8')).toContain(h.pgDir);
    } else {
      // Run as the folder's owner, PostgreSQL can use the folder itself.
      expect(h.pgDir).toBe(path.join(dataDir, 'postgres'));
    }
    const c = new pg.Client({ connectionString: h.url });
    await c.connect();
    expect((await c.query('select 1 as one')).rows[0].one).toBe(1);
    await c.end();
    await expect(startEmbedded({ dataDir, log })).rejects.toThrow(/sedang dipakai proses Asah lain/);
    await h.stop();
    started.pop();
  });

  it('stops a PostgreSQL left running by a killed Asah instead of starting a second one', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'asah-orphan-'));
    fs.chmodSync(dataDir, 0o755);
    const script = `
      import pino from 'pino';
      import { startEmbedded } from ${JSON.stringify(path.resolve('src/server/db/embedded.ts'))};
      const h = await startEmbedded({ dataDir: ${JSON.stringify(dataDir)}, log: pino({ level: 'silent' }) });
      console.log(h.pgDir);
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pgDir = await new Promise<string>((resolve) =>
      child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())),
    );
    child.kill('SIGKILL'); // the server dies; its PostgreSQL lives on
    await new Promise((r) => child.once('exit', r));
    expect(postgresProcessesFor(pgDir).length).toBe(1);
    const h = await startEmbedded({ dataDir, log });
    started.push(h);
    expect(postgresProcessesFor(pgDir).length).toBe(1);
    const c = new pg.Client({ connectionString: h.url });
    await c.connect();
    await c.end();
  });
});
