import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverInterruptedImports } from '../../src/server/modules/imports/recovery.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** The id of a process that has ended, as a killed Asah's would be. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('imports a stopped server left unfinished', () => {
  it('are marked interrupted at start-up, told in the reader language, and their upload files removed', async () => {
    const admin = await t.db.execute<{ id: string; tenant_id: string }>(
      sql`select id, tenant_id from users where username = 'admin'`,
    );
    const { id: userId, tenant_id: tenantId } = admin.rows[0]!;
    const job = await t.db.execute<{ id: string }>(sql`insert into import_jobs
      (tenant_id, user_id, kind, file_name, dry_run, status, phase, total_rows, processed_rows)
      values (${tenantId}, ${userId}, 'employees', 'pegawai.xlsx', 0, 'running', 'writing', 900, 400) returning id`);
    const jobId = job.rows[0]!.id;
    // Signed jobs: one of a process of this host that has ended is interrupted; one of a live
    // process (another Asah on the same database) or of another host keeps running.
    const signed = async (runner: string) =>
      (
        await t.db.execute<{ id: string }>(sql`insert into import_jobs
          (tenant_id, user_id, kind, file_name, dry_run, status, runner)
          values (${tenantId}, ${userId}, 'employees', 'b.csv', 0, 'running', ${runner}) returning id`)
      ).rows[0]!.id;
    const deadRunner = await signed(`${os.hostname()}:${deadPid()}`);
    const liveRunner = await signed(`${os.hostname()}:${process.ppid}`);
    const otherHost = await signed(`asah-2.internal:${process.pid}`);
    const done = await t.db.execute<{ id: string }>(sql`insert into import_jobs
      (tenant_id, user_id, kind, file_name, dry_run, status, phase, result, finished_at)
      values (${tenantId}, ${userId}, 'employees', 'lama.csv', 0, 'succeeded', 'done', '{"created":1}', now()) returning id`);
    const leftover = path.join(os.tmpdir(), `asah-import-${deadPid()}-left-behind`);
    const mine = path.join(os.tmpdir(), `asah-import-${process.pid}-in-use`);
    fs.writeFileSync(leftover, 'nip;nama\n');
    fs.writeFileSync(mine, 'nip;nama\n');
    try {
      await recoverInterruptedImports(t.db, pino({ level: 'silent' }));
      expect(fs.existsSync(leftover)).toBe(false);
      expect(fs.existsSync(mine)).toBe(true); // a running process's upload stays
      const statusOf = async (id: string) =>
        (await t.db.execute<{ status: string }>(sql`select status from import_jobs where id = ${id}`))
          .rows[0]!.status;
      expect(await statusOf(deadRunner)).toBe('failed');
      expect(await statusOf(liveRunner)).toBe('running');
      expect(await statusOf(otherHost)).toBe('running');

      const cookie = await t.login('admin');
      const id = await t.app.inject({ method: 'GET', url: `/api/imports/${jobId}`, headers: { cookie } });
      expect(id.statusCode).toBe(200);
      expect(id.json()).toMatchObject({
        status: 'failed',
        phase: 'done',
        finishedAt: expect.any(String),
        result: { code: 'import.interrupted', title: expect.stringContaining('Impor terhenti') },
      });
      await t.db.execute(sql`update users set locale = 'en' where id = ${userId}`);
      const en = await t.app.inject({ method: 'GET', url: `/api/imports/${jobId}`, headers: { cookie } });
      expect(en.json().result.title).toContain('The import stopped');
      const finished = await t.app.inject({
        method: 'GET',
        url: `/api/imports/${done.rows[0]!.id}`,
        headers: { cookie },
      });
      expect(finished.json()).toMatchObject({ status: 'succeeded', result: { created: 1 } });
    } finally {
      fs.rmSync(leftover, { force: true });
      fs.rmSync(mine, { force: true });
    }
  });
});
