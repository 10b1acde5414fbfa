/**
 * Demo learning history: records from before Asah (source `import`) for the last two years, so the
 * 20 JP pages have something true to show. Each active employee gets up to `slotsPerYear` activities
 * a year, picked from typical Ambon activities deterministically from the NIP; JP come from the
 * conversion rule set, never typed in. One set-based insert, fast at 100,000 employees.
 */
import { sql } from 'drizzle-orm';
import { citingRegulation, computeJp, type JpInput } from '../../domain/learning/jp.js';
import { BUILT_IN_JP_RULE_SETS, ruleSetOn } from '../../domain/learning/jp-rules.js';
import { sqlArray, type Tx } from '../db/client.js';

interface Activity {
  title: string;
  days: number;
  input: JpInput;
}

const ACTIVITIES: readonly Activity[] = [
  {
    title: 'E-learning Pelayanan Publik (LAN)',
    days: 3,
    input: { form: 'C3', scope: 'nasional', days: 3, dailyHours: [3, 3, 2] },
  },
  {
    title: 'Seminar Nasional Inovasi Pelayanan Publik',
    days: 1,
    input: { form: 'B6', scope: 'nasional', days: 1 },
  },
  { title: 'Workshop Penyusunan SKP', days: 2, input: { form: 'B7', scope: 'nasional', days: 2 } },
  { title: 'Bimtek Aplikasi SRIKANDI', days: 2, input: { form: 'B10', scope: 'nasional', scheduledJp: 16 } },
  {
    title: 'Sosialisasi Kode Etik dan Disiplin ASN',
    days: 1,
    input: { form: 'B11', scope: 'nasional', days: 1 },
  },
  {
    title: 'Coaching kinerja oleh atasan',
    days: 8,
    input: { form: 'C1', scope: 'nasional', sessions: ['2000-03-02', '2000-03-09'] },
  },
  {
    title: 'Belajar mandiri: Literasi Digital',
    days: 3,
    input: { form: 'C9', scope: 'nasional', days: 3, dailyHours: [2, 2, 2] },
  },
  {
    title: 'Komunitas belajar pelayanan terpadu',
    days: 2,
    input: { form: 'C10', scope: 'nasional', days: 2, dailyHours: [2, 1.5] },
  },
  {
    title: 'Pelatihan Teknis Pengadaan Barang/Jasa Pemerintah',
    days: 5,
    input: { form: 'B3', scope: 'nasional', scheduledJp: 40 },
  },
  {
    title: 'Kursus Bahasa Inggris Dasar',
    days: 12,
    input: { form: 'B8', scope: 'nasional', scheduledJp: 24 },
  },
  { title: 'Patok banding layanan ke Kota Makassar', days: 3, input: { form: 'C7', scope: 'nasional' } },
  {
    title: 'Webinar Internasional Smart City',
    days: 1,
    input: { form: 'B6', scope: 'internasional', days: 1 },
  },
  {
    title: 'Mentoring jabatan fungsional',
    days: 20,
    input: { form: 'C2', scope: 'nasional', sessions: ['2000-05-04', '2000-05-11', '2000-05-18'] },
  },
];

/** A step through `n` activities that visits each once (coprime with n). */
function step(n: number): number {
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  let k = 5;
  while (gcd(k, n) !== 1) k++;
  return k;
}

/** Share (percent) of employees holding each slot: the first activity is common, the fifth rare. */
const SLOT_SHARE = [90, 70, 50, 30, 15, 10, 10, 10, 10, 10];

export interface LearningHistoryOptions {
  /** Years back from the current one (1: last year and this year). */
  yearsBack?: number;
  /** Activities at most per employee per year. */
  slotsPerYear?: number;
}

export async function seedLearningHistory(
  tx: Tx,
  tenantId: string,
  opts: LearningHistoryOptions = {},
): Promise<number> {
  const { yearsBack = 1, slotsPerYear = 5 } = opts;
  const set = ruleSetOn(BUILT_IN_JP_RULE_SETS, '2100-01-01')!;
  const rows = ACTIVITIES.map((a) => {
    const r = computeJp(a.input, set);
    if (!r.ok) throw new Error(`demo activity "${a.title}": ${r.message.en}`);
    const cited = citingRegulation(r.basis, set.regulation);
    return { ...a, jp: r.jp, basis: cited.id, basisEn: cited.en };
  });
  const shares = Array.from({ length: slotsPerYear }, (_, i) => SLOT_SHARE[i] ?? 10);
  const res = await tx.execute(sql`
    with t as (
      select (now() at time zone time_zone)::date as today from tenants where id = ${tenantId}
    ), acts as (
      select (a.i - 1) as i, a.title, a.form, a.scope, a.days, a.jp, a.basis, a.basis_en
      from unnest(${sqlArray(rows.map((r) => r.title))}::text[], ${sqlArray(rows.map((r) => r.input.form))}::text[],
        ${sqlArray(rows.map((r) => r.input.scope))}::text[], ${sqlArray(rows.map((r) => r.days))}::int[],
        ${sqlArray(rows.map((r) => r.jp))}::numeric[], ${sqlArray(rows.map((r) => r.basis))}::text[],
        ${sqlArray(rows.map((r) => r.basisEn))}::text[])
        with ordinality as a(title, form, scope, days, jp, basis, basis_en, i)
    ), slots as (
      select s.k, s.share from unnest(${sqlArray(shares)}::int[]) with ordinality as s(share, k)
    ), picks as (
      select e.id as employee_id, y.year, sl.k,
        ('x' || substr(md5(e.nip || ':' || y.year || ':' || sl.k), 1, 8))::bit(32)::int as h,
        ('x' || substr(md5(e.nip || ':' || y.year), 1, 8))::bit(32)::int as base
      from employees e
      cross join t
      cross join generate_series(extract(year from t.today)::int - ${yearsBack}, extract(year from t.today)::int) y(year)
      cross join slots sl
      where e.tenant_id = ${tenantId} and e.active
    ), chosen as (
      select p.employee_id, p.year, a.*, t.today,
        -- A start day within the year, early enough that the activity ended by today.
        make_date(p.year, 1, 1) + (abs(p.h / 1000) % greatest(1, least(
          case when p.year = extract(year from t.today)::int then t.today - make_date(p.year, 1, 1) else 364 end
          - a.days, 360))) as starts_on
      from picks p cross join t
      join slots sl on sl.k = p.k
      -- Different activities within one year: the year's base pick, stepping by a number prime to their count.
      join acts a on a.i = (abs(p.base) + (p.k - 1) * ${step(rows.length)}) % ${rows.length}
      where abs(p.h) % 100 < sl.share
    )
    insert into learning_records (tenant_id, employee_id, source, title, form, scope, starts_on, ends_on, year,
      jp, jp_basis, jp_basis_en, jp_rule_set_id)
    select ${tenantId}, c.employee_id, 'import', c.title, c.form, c.scope, c.starts_on,
      least(c.starts_on + (c.days - 1), make_date(c.year, 12, 31)), c.year, c.jp, c.basis, c.basis_en,
      (select r.id from jp_rule_sets r where r.tenant_id = ${tenantId} and r.code = ${set.code})
    from chosen c`);
  return res.rowCount ?? 0;
}
