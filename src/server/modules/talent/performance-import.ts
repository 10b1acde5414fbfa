/**
 * SKP scores from XLSX/CSV: one row per employee × year with the score (0–200) and, optionally, the
 * predikat. Runs on the import runner (dry-run preview, all-or-nothing, row/column errors). A row equal
 * to the score already stored is counted as unchanged and not written, so the same file imported twice
 * changes nothing the second time.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { normalizeNip } from '../../../domain/nip.js';
import { sqlArray, type Tx } from '../../db/client.js';
import * as schema from '../../db/schema/index.js';
import { employeeWriteScope } from '../employees/policy.js';
import { normalizeCode, type KindSpec } from '../imports/columns.js';
import type { Counts, Importer, ImportSession } from '../imports/runner.js';
import { workbookTemplate } from '../imports/templates.js';
import { PREDIKAT } from './schemas.js';
import { text } from './texts.js';

type Predikat = (typeof PREDIKAT)[number];

export const SKP_SPEC: KindSpec = {
  columns: ['nip', 'nama', 'tahun', 'nilai_skp', 'predikat'],
  required: ['nip', 'tahun', 'nilai_skp'],
  key: 'nip',
  text: ['nip'],
  example: {
    nip: '198503142010011002',
    nama: 'Johanis Latuheru',
    tahun: '2025',
    nilai_skp: '92.5',
    predikat: 'Baik',
  },
  fileStem: 'templat-nilai-skp',
};

/** The earliest year a score may be given for (the same bound as the single-score API). */
export const FIRST_SKP_YEAR = 2000;

interface SkpRow {
  row: number;
  ok: boolean;
  nip: string;
  year: number;
  score: number;
  /** undefined: the column is not in the file (the stored predikat is kept). */
  predikat: Predikat | null | undefined;
}

interface Planned {
  employeeId: string;
  nip: string;
  year: number;
  score: number;
  predikat: Predikat | null;
  existing: boolean;
}

interface State {
  maxYear: number;
  rows: SkpRow[];
  plan: Planned[];
}
const states = new WeakMap<ImportSession, State>();
const st = (s: ImportSession) => states.get(s)!;

/** "87,5", "87.5", "92" → the number rounded to two decimals, or null. */
export function parseScore(raw: string): number | null {
  const s = raw.trim();
  if (!/^\d{1,3}(?:[.,]\d+)?$/.test(s)) return null;
  const n = Math.round(Number(s.replace(',', '.')) * 100) / 100;
  return n >= 0 && n <= 200 ? n : null;
}

/** "Sangat Baik", "sangat_baik", "BUTUH PERBAIKAN" → the stored code; "" → null; unknown → undefined. */
export function parsePredikat(raw: string): Predikat | null | undefined {
  const code = normalizeCode(raw);
  if (code === '') return null;
  return (PREDIKAT as readonly string[]).includes(code) ? (code as Predikat) : undefined;
}

export const skpImporter: Importer<SkpRow> = {
  spec: SKP_SPEC,
  entity: 'performance_rating',
  auditKey: 'Ratings',

  async begin(s) {
    const res = await s.client.query<{ year: number }>(
      `select extract(year from now() at time zone time_zone)::int as year from tenants where id = $1`,
      [s.ctx.tenantId],
    );
    states.set(s, { maxYear: res.rows[0]!.year, rows: [], plan: [] });
  },

  row(s, r) {
    const c = r.cells;
    let ok = true;
    const bad = (column: string, message: string) => {
      ok = false;
      s.errors.add({ row: r.row, column, message });
    };
    const nip = normalizeNip(c.nip ?? '');
    if (!nip) bad('nip', text(s.lang, 'required'));
    else if (!/^\d{18}$/.test(nip)) bad('nip', text(s.lang, 'nipBad'));
    const { maxYear } = st(s);
    const yearText = (c.tahun ?? '').trim();
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : 0;
    if (!yearText) bad('tahun', text(s.lang, 'required'));
    else if (year < FIRST_SKP_YEAR || year > maxYear)
      bad('tahun', text(s.lang, 'yearRange', { min: FIRST_SKP_YEAR, max: maxYear }));
    const scoreText = (c.nilai_skp ?? '').trim();
    const score = scoreText ? parseScore(scoreText) : null;
    if (!scoreText) bad('nilai_skp', text(s.lang, 'required'));
    else if (score === null) bad('nilai_skp', text(s.lang, 'scoreRange'));
    let predikat: Predikat | null | undefined;
    if (s.header.present.has('predikat')) {
      predikat = parsePredikat(c.predikat ?? '');
      if (predikat === undefined) {
        bad('predikat', text(s.lang, 'predikatBad'));
        predikat = null;
      }
    }
    return { row: r.row, ok, nip, year, score: score ?? 0, predikat };
  },

  async stage(s, rows) {
    st(s).rows.push(...rows);
  },

  async check(s) {
    const state = st(s);
    const { ctx, lang, errors } = s;
    const tx = drizzle(s.client, { schema }) as unknown as Tx;
    const nips = [...new Set(state.rows.map((r) => r.nip).filter((n) => /^\d{18}$/.test(n)))];
    const found = await tx.execute<{ id: string; nip: string; allowed: boolean }>(sql`
      select e.id, e.nip, (${employeeWriteScope(ctx)}) as allowed from employees e
      where e.tenant_id = ${ctx.tenantId} and e.nip = any(${sqlArray(nips)}::text[])`);
    const byNip = new Map(found.rows.map((e) => [e.nip, e]));

    const firstRow = new Map<string, number>();
    const candidates: (Omit<Planned, 'existing' | 'predikat'> & {
      row: number;
      predikat?: Predikat | null;
    })[] = [];
    for (const r of state.rows) {
      const e = byNip.get(r.nip);
      let ok = r.ok;
      if (/^\d{18}$/.test(r.nip)) {
        if (!e) {
          ok = false;
          errors.add({ row: r.row, column: 'nip', message: text(lang, 'nipUnknown', { value: r.nip }) });
        } else if (!e.allowed) {
          ok = false;
          errors.add({ row: r.row, column: 'nip', message: text(lang, 'nipOutOfScope', { value: r.nip }) });
        }
      }
      if (r.nip && r.year) {
        const key = `${r.nip}|${r.year}`;
        const first = firstRow.get(key);
        if (first !== undefined) {
          ok = false;
          errors.add({
            row: r.row,
            column: 'nip',
            message: text(lang, 'duplicate', { year: r.year, first }),
          });
        } else firstRow.set(key, r.row);
      }
      if (!ok || !e) continue;
      candidates.push({
        row: r.row,
        employeeId: e.id,
        nip: r.nip,
        year: r.year,
        score: r.score,
        // undefined (no column) is resolved against the stored predikat below.
        predikat: r.predikat,
      });
    }

    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    const stored = await tx.execute<{
      employee_id: string;
      year: number;
      score: number;
      predikat: Predikat | null;
    }>(
      sql`select employee_id, year, score::float8 as score, predikat from performance_ratings
        where tenant_id = ${ctx.tenantId} and employee_id = any(${sqlArray(candidates.map((c) => c.employeeId))}::uuid[])`,
    );
    const old = new Map(stored.rows.map((r) => [`${r.employee_id}|${r.year}`, r]));
    const cents = (n: number) => Math.round(n * 100);
    for (const c of candidates) {
      const before = old.get(`${c.employeeId}|${c.year}`);
      const predikat = c.predikat === undefined ? (before?.predikat ?? null) : c.predikat;
      if (!before) counts.created++;
      else if (cents(before.score) !== cents(c.score) || before.predikat !== predikat) counts.updated++;
      else {
        counts.unchanged++;
        continue;
      }
      state.plan.push({ ...c, predikat, existing: !!before });
    }
    return counts;
  },

  async write(s) {
    const plan = st(s).plan;
    await s.client.query(
      `insert into performance_ratings (tenant_id, employee_id, year, score, predikat, created_by)
       select $1, x.e, x.y, x.s, x.p, $2
       from unnest($3::uuid[], $4::int[], $5::numeric[], $6::text[]) as x(e, y, s, p)
       on conflict (tenant_id, employee_id, year)
       do update set score = excluded.score, predikat = excluded.predikat, created_by = excluded.created_by`,
      [
        s.ctx.tenantId,
        s.ctx.userId,
        plan.map((p) => p.employeeId),
        plan.map((p) => p.year),
        plan.map((p) => p.score),
        plan.map((p) => p.predikat),
      ],
    );
    const keys = (existing: boolean) =>
      plan.filter((p) => p.existing === existing).map((p) => `${p.nip}/${p.year}`);
    return { created: keys(false), updated: keys(true) };
  },
};

const GUIDE: Record<string, string> = {
  nip:
    'NIP 18 angka pegawai, sebagai Teks (jangan ubah menjadi Angka, karena Excel akan merusak angka terakhirnya). Wajib. ' +
    'Operator OPD hanya boleh mengisi pegawai di OPD-nya sendiri.',
  nama: 'Nama pegawai, hanya untuk memudahkan membaca. Tidak diperiksa dan tidak disimpan. Boleh kosong.',
  tahun: `Tahun penilaian SKP, mis. 2025. Dari ${FIRST_SKP_YEAR} sampai tahun ini. Wajib.`,
  nilai_skp:
    'Nilai SKP tahun itu, angka 0 sampai 200, boleh desimal (mis. 92,5 atau 92.5). Nilai ini yang dipakai sebagai ' +
    'kinerja pada kotak 9 talenta. Wajib.',
  predikat:
    'Predikat kinerja: Sangat Baik, Baik, Butuh Perbaikan, Kurang, atau Sangat Kurang. Boleh kosong. ' +
    'Jika kolom ini dihapus dari berkas, predikat yang sudah tersimpan tidak diubah.',
};

const GENERAL = [
  'Isi data mulai baris 2 pada lembar "Data", satu baris untuk satu pegawai dan satu tahun. Jangan ubah baris judul kolom.',
  'Hapus baris contoh sebelum mengimpor.',
  'Jika pegawai sudah punya nilai untuk tahun itu, nilainya diganti dengan nilai di berkas.',
  'Jika ada satu saja kesalahan, tidak ada data yang disimpan. Perbaiki baris yang disebutkan lalu unggah ulang.',
  'Mengimpor berkas yang sama dua kali tidak mengubah apa pun.',
  'Gunakan "Periksa berkas" untuk melihat pratinjau tanpa menyimpan.',
];

/** The template: a "Data" sheet with the header and one example row, and a "Petunjuk" sheet. */
export const skpTemplate = () =>
  workbookTemplate(SKP_SPEC, GUIDE, GENERAL, { tahun: 10, nilai_skp: 12, predikat: 20 });
