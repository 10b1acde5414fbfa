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
 *   asah tenant create --code C --name "Pemerintah Kota Tual" [--time-zone Asia/Jayapura]
 *   asah tenant list
 *   asah user create-admin --username U --name "Nama" [--tenant-code C [--tenant-name "Nama instansi"]]
 *                                        an admin of a tenant; ambiguous input is refused (src/cli/tenants.ts)
 *   asah user create-platform-admin --username U --name "Nama"
 *                                        a platform admin: lists and creates tenants, sees no tenant's data
 *                                        The password comes from ASAH_ADMIN_PASSWORD or is asked for on the terminal.
 *
 * It uses the same configuration as the server (DATABASE_URL, or the embedded PostgreSQL in ASAH_DATA_DIR).
 */
import { parseArgs } from 'node:util';
import readline from 'node:readline/promises';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/config.js';
import { backupCommand, restoreCommand } from './backup.js';
import { openDatabase } from '../server/db/open.js';
import { AppError } from '../server/http/errors.js';
import { t as message } from '../server/http/messages.js';
import { plainMessage } from '../server/http/safe-error.js';
import { hashPassword } from '../server/modules/auth/passwords.js';
import { isDatabaseEmpty, seedDemo } from '../server/seed/demo.js';
import { CliRefusal, createAdmin, createPlatformAdminUser, tenantCreate, tenantList } from './tenants.js';

const HELP = `Pemakaian / usage:
  asah migrate
  asah seed [--employees 5000] [--seed 1] [--reset]
  asah backup --out /var/backups/asah/asah.asahbak.gz
  asah backup --dir /var/backups/asah --keep 14
  asah restore /var/backups/asah/asah.asahbak.gz [--wipe]
  asah tenant create --code tual --name "Pemerintah Kota Tual" [--time-zone Asia/Jayapura]
  asah tenant list
  asah user create-admin --username admin --name "Admin BKPSDM" [--tenant-code ambon [--tenant-name "Pemerintah Kota Ambon"]]
  asah user create-platform-admin --username platform --name "Admin Platform"`;

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
    } else if (cmd === 'tenant' && sub === 'create') {
      const { values } = parseArgs({
        args: rest,
        options: { code: { type: 'string' }, name: { type: 'string' }, 'time-zone': { type: 'string' } },
      });
      const t = await tenantCreate(database.db, {
        code: values.code,
        name: values.name,
        timeZone: values['time-zone'],
      });
      console.log(
        `Instansi ${t.code} "${t.name}" (${t.timeZone}) dibuat / created. ` +
          `Berikutnya / next: asah user create-admin --tenant-code ${t.code} --username … --name "…"`,
      );
    } else if (cmd === 'tenant' && sub === 'list') {
      const rows = await tenantList(database.db);
      if (rows.length === 0) console.log('Belum ada instansi / no tenants yet.');
      for (const r of rows)
        console.log(`${r.code}\t${r.name}\t${r.time_zone}\tpengguna ${r.users}\tpegawai ${r.employees}`);
    } else if (cmd === 'user' && (sub === 'create-admin' || sub === 'create-platform-admin')) {
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
      const platform = sub === 'create-platform-admin';
      if (platform && (values['tenant-code'] || values['tenant-name']))
        throw new CliRefusal(
          'Admin platform tidak memakai --tenant-code / a platform admin takes no tenant.',
        );
      const password = await askPassword();
      if (password.length < 10)
        throw new Error('Kata sandi minimal 10 karakter / password needs 10+ characters.');
      const passwordHash = await hashPassword(password);
      if (platform) {
        await createPlatformAdminUser(database.db, {
          username: values.username,
          name: values.name,
          passwordHash,
        });
        console.log(`Admin platform ${values.username} dibuat / platform admin created.`);
      } else {
        const { tenant, created } = await createAdmin(database.db, {
          username: values.username,
          name: values.name,
          tenantCode: values['tenant-code'],
          tenantName: values['tenant-name'],
          passwordHash,
        });
        if (created) console.log(`Instansi ${tenant.code} "${tenant.name}" dibuat / tenant created.`);
        console.log(
          `Admin ${values.username} dibuat di instansi ${tenant.code} / created in tenant ${tenant.code}.`,
        );
      }
    } else {
      throw new Error(HELP);
    }
  } finally {
    await database.shutdown();
  }
}

main().catch((e: unknown) => {
  // A plain message: a failed query's text and parameters (a password hash, names) stay unprinted.
  if (e instanceof AppError)
    console.error(`${message('id', e.code, e.params)} / ${message('en', e.code, e.params)}`);
  else console.error(e instanceof CliRefusal ? e.message : plainMessage(e));
  process.exit(1);
});
