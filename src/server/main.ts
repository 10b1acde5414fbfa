import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { openDatabase } from './db/open.js';
import { startScheduledJobs } from './jobs/start.js';

async function main() {
  const config = loadConfig();
  const database = await openDatabase(config);
  const app = await buildApp({ config, database });
  let stopJobs: () => Promise<void> = async () => undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'Asah berhenti');
    await stopJobs().catch(() => undefined);
    await app.close().catch(() => undefined);
    await database.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  stopJobs = startScheduledJobs(database.db, config, app.log);
  app.log.info(`Asah siap di http://localhost:${config.port}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
