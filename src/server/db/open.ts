import pino from 'pino';
import type { Config } from '../config.js';
import { connect, runMigrations, type Database } from './client.js';
import { startEmbedded, type EmbeddedHandle, type RestartPolicy } from './embedded.js';

export interface OpenDatabase extends Database {
  /** The embedded PostgreSQL, when DATABASE_URL is unset. */
  embedded: EmbeddedHandle | null;
  shutdown(): Promise<void>;
}

export interface OpenOptions {
  seed?: boolean;
  /** False: connect only, no migrations, seed or reference data (`asah restore` builds the schema itself). */
  prepare?: boolean;
  /** The embedded PostgreSQL died and could not be restarted (see startEmbedded). */
  onDatabaseLost?: (err: Error) => void;
  restart?: RestartPolicy;
}

/**
 * Opens the database: the server in DATABASE_URL, or the embedded PostgreSQL in the data folder;
 * applies migrations; seeds the demo into an empty database when demo mode is on.
 */
export async function openDatabase(config: Config, opts: OpenOptions = {}): Promise<OpenDatabase> {
  const log = pino({ level: config.logLevel });
  const embedded = config.databaseUrl
    ? null
    : await startEmbedded({
        dataDir: config.dataDir,
        port: config.embeddedDbPort,
        log,
        restart: opts.restart,
        onLost: opts.onDatabaseLost,
      });
  const database = connect(
    config.databaseUrl ?? embedded!.url,
    embedded ? 'embedded' : 'external',
    20,
    config.databaseReadUrl,
  );
  try {
    if (opts.prepare === false)
      return { ...database, embedded, shutdown: () => shutdown(database, embedded) };
    await runMigrations(database);
    if (config.demo && opts.seed !== false) {
      const { seedDemo, isDatabaseEmpty } = await import('../seed/demo.js');
      if (await isDatabaseEmpty(database.db)) {
        log.info({ employees: config.demoEmployees }, 'Mengisi data demo Kota Ambon');
        await seedDemo(database.db, { employees: config.demoEmployees });
      }
    }
    // Reference data every tenant needs (idempotent; existing rows are never rewritten).
    const { ensureJpRuleSets } = await import('../modules/programs/jp-rules.js');
    await ensureJpRuleSets(database.db);
  } catch (e) {
    await database.close();
    await embedded?.stop();
    throw e;
  }
  return {
    ...database,
    embedded,
    shutdown: () => shutdown(database, embedded),
  };
}

async function shutdown(database: Database, embedded: EmbeddedHandle | null) {
  await database.close();
  await embedded?.stop();
}
