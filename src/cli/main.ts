/**
 * The `asah` command: database and user administration.
 *
 *   asah migrate                         apply migrations
 *   asah seed [--employees N] [--seed S] [--reset]
 *                                        seed the Kota Ambon demo (into an empty database, or after --reset)
 *   asah backup (--out FILE | --dir DIR [--keep N])
 *                                        one consistent snapshot of the whole database, files included,
 *                                        while Asah keeps running (see docs/operations.md, "Cadangan")
 *   asah restore FILE [--wipe]           check FILE, then rebuild the database from it (refused when the
 *                                        database has data, unless --wipe)
 *   asah user create-admin --username U --name "Nama" [--tenant-code C --tenant-name "Nama instansi"]
 *                                        create the first admin; the password comes from ASAH_ADMIN_PASSWORD
 *                                        or is asked for on the terminal
 *
 * It uses the same configuration as the server (DATABASE_URL, or the embedded PostgreSQL in ASAH_DATA_DIR).
 */
import { parseArgs } from 'node:util';
import readline from 'node:readline/promises';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/config.js';
import { backupCommand, restoreCommand } from './backup.js';
import { openDatabase } from '../server/db/open.js';
import { tenants, userRoles, users } from '../server/db/schema/index.js';
import { audit } from '../server/http/audit.js';
import { hashPassword } from '../server/modules/auth/passwords.js';
import { isDatabaseEmpty, seedDemo } from '../server/seed/demo.js';
import { ensureJpRuleSets } from '../server/modules/programs/jp-rules.js';

const HELP = `Pemakaian / usage:
  asah migrate
  asah seed [--employees 5000] [--seed 1] [--reset]
  asah backup --out /var/backups/asah/asah.asahbak.gz
  asah backup --dir /var/backups/asah --keep 14
  asah restore /var/backups/asah/asah.asahbak.gz [--wipe]
  asah user create-admin --username admin --name "Admin BKPSDM" [--tenant-code ambon --tenant-name "Pemerintah Kota Ambon"]`;

async function askPassword(): Promise<string> {
  if (process.env.ASAH_ADMIN_PASSWORD) return process.env.ASAH_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('Set ASAH_ADMIN_PASSWORD (no terminal to ask on).');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const pw = await rl.question('Kata sandi admin (min. 10 karakter): ');
  rl.close();
  return pw;
}

async function main() {
  const [cmd, sub, ...rest] = process.argv.slice(2);
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  if (!cmd || cmd === 'help' || cmd === '--help') {
    console.log(HELP);
    return;
  }
  if (cmd === 'backup') return backupCommand(config, [sub, ...rest]);
  if (cmd === 'restore') return restoreCommand(config, [sub, ...rest]);
  const database = await openDatabase(config, { seed: false });
  try {
    if (cmd === 'migrate') {
      console.log('Migrasi selesai / migrations applied.');
    } else if (cmd === 'seed') {
      const { values } = parseArgs({
        args: [sub, ...rest].filter((a): a is string => a !== undefined),
        options: { employees: { type: 'string' }, seed: { type: 'string' }, reset: { type: 'boolean' } },
      });
      if (values.reset) {
        if (config.isProduction) throw new Error('--reset is refused in production.');
        await database.db.execute(sql`truncate tenants, org_units, positions, employees, employee_assignments,
          users, user_roles, sessions, audit_log, import_jobs cascade`);
      }
      if (!(await isDatabaseEmpty(database.db))) {
        console.log(
          'Basis data tidak kosong; pakai --reset untuk mengisi ulang. Database not empty; use --reset.',
        );
        return;
      }
      const employees = Number(values.employees ?? config.demoEmployees);
      const started = Date.now();
      const counts = await seedDemo(database.db, {
        employees,
        seed: Number(values.seed ?? 1),
        onProgress: (done, total) =>
          process.stdout.write(
            `\r  pegawai ${done.toLocaleString('id-ID')} / ${total.toLocaleString('id-ID')}`,
          ),
      });
      console.log(`\nData demo terisi dalam ${((Date.now() - started) / 1000).toFixed(1)} s:`, counts);
    } else if (cmd === 'user' && sub === 'create-admin') {
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          name: { type: 'string' },
          'tenant-code': { type: 'string' },
          'tenant-name': { type: 'string' },
        },
      });
      if (!values.username || !values.name) throw new Error(HELP);
      const password = await askPassword();
      if (password.length < 10)
        throw new Error('Kata sandi minimal 10 karakter / password needs 10+ characters.');
      const passwordHash = await hashPassword(password);
      await database.db.transaction(async (tx) => {
        let tenant = await tx.query.tenants.findFirst();
        if (!tenant) {
          const [t] = await tx
            .insert(tenants)
            .values({
              code: values['tenant-code'] ?? 'ambon',
              name: values['tenant-name'] ?? 'Pemerintah Kota Ambon',
            })
            .returning();
          tenant = t!;
          await ensureJpRuleSets(tx, tenant.id);
        }
        const [u] = await tx
          .insert(users)
          .values({
            tenantId: tenant.id,
            username: values.username!,
            displayName: values.name!,
            passwordHash,
          })
          .returning({ id: users.id });
        await tx.insert(userRoles).values({ tenantId: tenant.id, userId: u!.id, role: 'admin' });
        await audit(
          tx,
          { tenantId: tenant.id, userId: null, name: 'cli', requestId: null },
          {
            action: 'create',
            entity: 'user',
            entityId: u!.id,
            after: { username: values.username, roles: ['admin'] },
          },
        );
      });
      console.log(`Admin ${values.username} dibuat / created.`);
    } else {
      throw new Error(HELP);
    }
  } finally {
    await database.shutdown();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
