import { listenHost, loadConfig } from './config.js';
import { buildApp } from './app.js';
import { openDatabase, type OpenDatabase } from './db/open.js';
import { startScheduledJobs } from './jobs/start.js';
import { recoverInterruptedImports } from './modules/imports/recovery.js';
import { demoAccountsExist } from './seed/demo-accounts.js';

async function main() {
  const config = loadConfig();
  let stop: (reason: string, code: number) => Promise<void> = async (_reason, code) => process.exit(code);
  const database: OpenDatabase = await openDatabase(config, {
    // The embedded PostgreSQL died and would not start again: exit non-zero for the supervisor.
    onDatabaseLost: () => void stop('database lost', 1),
  });
  const app = await buildApp({ config, database });
  let stopJobs: () => Promise<void> = async () => undefined;
  let closing = false;
  stop = async (reason, code) => {
    if (closing) return;
    closing = true;
    app.log.info({ reason }, 'Asah berhenti');
    await stopJobs().catch(() => undefined);
    await app.close().catch(() => undefined);
    await database.shutdown().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('SIGHUP', () => void stop('SIGHUP', 0));
  // A crash stops PostgreSQL too (embedded.ts also stops it on exit), and the supervisor sees code 1.
  process.on('uncaughtException', (e) => {
    app.log.fatal({ err: e }, 'uncaught exception');
    void stop('uncaughtException', 1);
  });
  process.on('unhandledRejection', (e) => {
    app.log.fatal({ err: e instanceof Error ? e : { type: typeof e } }, 'unhandled rejection');
    void stop('unhandledRejection', 1);
  });

  await recoverInterruptedImports(database.db, app.log);
  const { host, demoLocalOnly } = listenHost(config, await demoAccountsExist(database.db));
  if (demoLocalOnly) {
    app.log.warn(
      `Mode demo: akun demo (sandi asah-demo) ada, jadi Asah hanya mendengarkan di ${host} (komputer ini). ` +
        'Setel HOST (mis. HOST=0.0.0.0) untuk membukanya ke jaringan. / Demo accounts exist: listening on ' +
        `${host} only; set HOST to listen on the network.`,
    );
  }
  await app.listen({ port: config.port, host });
  stopJobs = startScheduledJobs(database.db, config, app.log);
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  app.log.info(`Asah siap di http://${shown.includes(':') ? `[${shown}]` : shown}:${config.port}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
