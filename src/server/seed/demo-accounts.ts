/** Whether the database still holds a demo account that signs in with the published demo password. */
import { sql } from 'drizzle-orm';
import { sqlArray, type Tx } from '../db/client.js';
import { verifyPassword } from '../modules/auth/passwords.js';
import { DEMO_PASSWORD } from './demo.js';

/** The accounts the demo creates (README lists them with the password `asah-demo`). */
export const DEMO_USERNAMES = [
  'admin',
  'operator.bkpsdm',
  'operator.dukcapil',
  'atasan.dukcapil',
  'pegawai.dukcapil',
  'mitra.unpatti',
  'pimpinan',
] as const;

export async function demoAccountsExist(db: Tx): Promise<boolean> {
  const r = await db.execute<{ password_hash: string | null }>(
    sql`select password_hash from users where active and lower(username) = any(${sqlArray(DEMO_USERNAMES)}::text[])`,
  );
  for (const row of r.rows) {
    if (row.password_hash && (await verifyPassword(row.password_hash, DEMO_PASSWORD))) return true;
  }
  return false;
}
