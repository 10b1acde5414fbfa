/** `asah backup` and `asah restore` (logic in src/server/backup). */
import { parseArgs } from 'node:util';
import type { Config } from '../server/config.js';
import { backupToDir, writeBackup } from '../server/backup/backup.js';
import { restoreBackup } from '../server/backup/restore.js';
import { connect, type Database } from '../server/db/client.js';
import { runningEmbeddedUrl } from '../server/db/embedded.js';
import { openDatabase } from '../server/db/open.js';

const args = (a: (string | undefined)[]) => a.filter((x): x is string => x !== undefined);

/**
 * The database to read: DATABASE_URL; or the embedded PostgreSQL of a running Asah on the data folder
 * (the backup does not stop it); or, when none runs, the embedded PostgreSQL started for the command.
 */
async function open(
  config: Config,
  prepare: boolean,
): Promise<{ database: Database; close(): Promise<void> }> {
  const running = config.databaseUrl ? null : runningEmbeddedUrl(config.dataDir);
  if (running) {
    const database = connect(running, 'embedded', 2);
    return { database, close: () => database.close() };
  }
  const database = await openDatabase(config, { seed: false, prepare });
  return { database, close: () => database.shutdown() };
}

export async function backupCommand(config: Config, argv: (string | undefined)[]) {
  const { values } = parseArgs({
    args: args(argv),
    options: { out: { type: 'string' }, dir: { type: 'string' }, keep: { type: 'string' } },
  });
  const keep = Number(values.keep ?? 14);
  if ((!values.out && !values.dir) || !Number.isInteger(keep) || keep < 1) {
    throw new Error('Pakai / use: asah backup --out FILE  atau / or  asah backup --dir DIR [--keep 14]');
  }
  const { database, close } = await open(config, true);
  try {
    const started = Date.now();
    if (values.out) {
      const m = await writeBackup(database.pool, values.out);
      console.log(`Cadangan / backup: ${values.out} (${m.tables.length} tabel, migrasi ${m.migration.tag})`);
    } else {
      const r = await backupToDir(database.pool, values.dir!, keep);
      console.log(`Cadangan / backup: ${r.file}; dihapus / removed: ${r.removed.length} lama / old`);
    }
    console.log(`Selesai dalam / done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await close();
  }
}

export async function restoreCommand(config: Config, argv: (string | undefined)[]) {
  const { values, positionals } = parseArgs({
    args: args(argv),
    options: { wipe: { type: 'boolean' }, force: { type: 'boolean' } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file) throw new Error('Pakai / use: asah restore FILE [--wipe]');
  if (!config.databaseUrl && runningEmbeddedUrl(config.dataDir)) {
    throw new Error(
      'Asah sedang berjalan pada folder data ini; hentikan dulu sebelum memulihkan. ' +
        'Asah is running on this data folder: stop it before restoring.',
    );
  }
  const { database, close } = await open(config, false);
  try {
    const r = await restoreBackup(database, file, { wipe: values.wipe || values.force });
    console.log(
      `Dipulihkan / restored: ${r.rows.toLocaleString('id-ID')} baris dari ${r.manifest.tables.length} tabel ` +
        `(cadangan ${r.manifest.createdAt}, Asah ${r.manifest.asahVersion}).`,
    );
  } finally {
    await close();
  }
}
