import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers/db.js';
import { runExclusive } from './schedule.js';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => fresh.drop());

describe('runExclusive', () => {
  it('runs a job once when two runs start together, and again once the first is over', async () => {
    let runs = 0;
    const job = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 300));
      return runs;
    };
    const [x, y] = await Promise.all([
      runExclusive(fresh.database.db, 'test-job', job),
      runExclusive(fresh.database.db, 'test-job', job),
    ]);
    expect([x.ran, y.ran].sort()).toEqual([false, true]);
    expect(runs).toBe(1);
    // The lock went with the first run's transaction.
    expect((await runExclusive(fresh.database.db, 'test-job', job)).ran).toBe(true);
    expect(runs).toBe(2);
  });

  it('rolls the job back with its lock when it throws', async () => {
    const [row] = (await fresh.database.pool.query(`select id from tenants limit 1`)).rows as {
      id: string;
    }[];
    await expect(
      runExclusive(fresh.database.db, 'failing-job', async (tx) => {
        await tx.execute(sql`update tenants set name = name || ' (x)' where id = ${row!.id}`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const names = await fresh.database.pool.query(`select name from tenants where id = $1`, [row!.id]);
    expect(names.rows[0].name).not.toContain('(x)');
    expect((await runExclusive(fresh.database.db, 'failing-job', async () => 1)).ran).toBe(true);
  });
});
