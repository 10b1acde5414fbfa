import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNip } from '../../src/domain/nip.js';
import { safeUrl } from '../../src/server/app.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

describe('request logs', () => {
  it('drop query strings and mask NIP/NIK digit runs in paths', () => {
    expect(safeUrl('/api/employees/196711101992031001?lang=en')).toBe('/api/employees/19…');
    expect(safeUrl('/api/employees?q=maria+latuheru')).toBe('/api/employees');
    expect(safeUrl('/api/org-units')).toBe('/api/org-units');
  });
});

let t: TestApp;
const lines: string[] = [];
beforeAll(async () => {
  t = await createTestApp(
    { LOG_LEVEL: 'info' },
    { logStream: { write: (line: string) => void lines.push(line) } },
  );
});
afterAll(async () => t?.close());

describe('a failed query in the log', () => {
  it('keeps its code and constraint, and none of the NIP, name, e-mail or birth date it carried', async () => {
    const name = 'Theresia Wattimena-Gagal';
    // A rule of this database copy only, so the insert fails in PostgreSQL itself.
    await t.db.execute(
      sql.raw(`alter table employees add constraint employees_no_gagal check (name not like '%Gagal%')`),
    );
    const admin = await t.login('admin');
    const units = (
      await t.app.inject({ method: 'GET', url: '/api/org-units', headers: { cookie: admin } })
    ).json() as {
      id: string;
      code: string;
    }[];
    const nip = encodeNip({
      birthDate: '1988-11-23',
      appointment: '2012-02',
      gender: 'P',
      serial: 777,
      kind: 'PNS',
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/employees',
      headers: { cookie: admin },
      payload: {
        nip,
        name,
        email: 'theresia.wattimena@ambon.go.id',
        status: 'PNS',
        golongan: '3c',
        unitId: units.find((u) => u.code === 'DISDUKCAPIL')!.id,
      },
    });
    // The database refused it (an integrity rule): 422 for the caller, the log keeps code and names.
    expect(res.statusCode).toBe(422);
    const log = lines.join('');
    for (const secret of [
      nip,
      nip.slice(0, 8),
      name,
      'Wattimena',
      'theresia.wattimena',
      '1988-11-23',
      'insert into',
    ])
      expect(log, secret).not.toContain(secret);
    const entry = lines
      .map((l) => JSON.parse(l) as { msg?: string; reqId?: string; err?: unknown })
      .find((l) => l.msg === 'refused by the database');
    expect(entry?.err).toMatchObject({
      message: 'Failed query',
      cause: { code: '23514', constraint: 'employees_no_gagal', table: 'employees' },
    });
    expect(entry?.reqId).toBe(res.json().requestId);
  });
});

describe('the asah command', () => {
  it('tells that an admin already exists without printing the failed query or the password hash', async () => {
    const run = promisify(execFile);
    const result = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'user',
        'create-admin',
        '--username',
        'admin',
        '--name',
        'Admin Kedua',
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: t.dbUrl,
          ASAH_ADMIN_PASSWORD: 'kata-sandi-rahasia',
          NODE_ENV: 'test',
        },
        timeout: 60_000,
      },
    ).then(
      () => ({ failed: false, out: '' }),
      (e: { stdout: string; stderr: string }) => ({ failed: true, out: e.stdout + e.stderr }),
    );
    expect(result.failed).toBe(true);
    expect(result.out).not.toContain('$argon2');
    expect(result.out).toContain('Conflicts with existing data: admin');
    expect(result.out).not.toMatch(/insert into|params/i);
    expect(result.out).not.toContain('Admin Kedua');
  });
});
