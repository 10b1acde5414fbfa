/**
 * Assessment-centre results from XLSX/CSV: one row per employee × competency with level and date.
 * Runs on the import runner (dry-run preview, all-or-nothing, row/column errors). A row equal to an
 * assessment already stored (employee, competency, source, date, level) is left alone, so the same
 * file imported twice adds nothing the second time.
 */
import { hasRole } from '../../http/auth.js';
import type { KindSpec } from '../imports/columns.js';
import type { Counts, Importer, ImportSession } from '../imports/runner.js';
import { workbookTemplate } from '../imports/templates.js';
import { text } from './texts.js';

export const AC_SPEC: KindSpec = {
  columns: ['nip', 'kode_kompetensi', 'level', 'tanggal', 'catatan'],
  required: ['nip', 'kode_kompetensi', 'level', 'tanggal'],
  key: 'nip',
  text: ['nip', 'kode_kompetensi', 'tanggal'],
  example: {
    nip: '198503142010011002',
    kode_kompetensi: 'M.1',
    level: '3',
    tanggal: '2026-03-31',
    catatan: 'UPT Penilaian Kompetensi BKN Regional XIV',
  },
  fileStem: 'templat-hasil-assessment-center',
};

interface AcRow {
  row: number;
  ok: boolean;
  nip: string;
  code: string;
  level: number;
  date: string;
  note: string | null;
}

interface Planned {
  employeeId: string;
  competencyId: string;
  versionId: string;
  level: number;
  date: string;
  note: string | null;
  nip: string;
}

interface State {
  today: string;
  rows: AcRow[];
  plan: Planned[];
}
const states = new WeakMap<ImportSession, State>();
const st = (s: ImportSession) => states.get(s)!;

const pad = (n: number) => String(n).padStart(2, '0');
const validDate = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && y >= 1950;
};

/** "2026-03-31", "31/03/2026", "31-03-2026" or an Excel day number → yyyy-mm-dd, or null. */
export function parseDay(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  if (/^\d{5}$/.test(s)) {
    const t = new Date(Date.UTC(1899, 11, 30) + Number(s) * 86_400_000);
    return t.toISOString().slice(0, 10);
  }
  return null;
}

export const acImporter: Importer<AcRow> = {
  spec: AC_SPEC,
  entity: 'assessment',

  async begin(s) {
    const res = await s.client.query<{ today: string }>(
      `select to_char(now() at time zone time_zone, 'YYYY-MM-DD') as today from tenants where id = $1`,
      [s.ctx.tenantId],
    );
    states.set(s, { today: res.rows[0]!.today, rows: [], plan: [] });
  },

  row(s, r) {
    const c = r.cells;
    let ok = true;
    const bad = (column: string, message: string) => {
      ok = false;
      s.errors.add({ row: r.row, column, message });
    };
    const nip = (c.nip ?? '').replace(/\s+/g, '');
    const code = (c.kode_kompetensi ?? '').trim().toUpperCase();
    const levelText = (c.level ?? '').trim();
    const dateText = (c.tanggal ?? '').trim();
    const note = (c.catatan ?? '').trim().slice(0, 1000) || null;
    if (!nip) bad('nip', text(s.lang, 'required'));
    if (!code) bad('kode_kompetensi', text(s.lang, 'required'));
    const level = /^[1-5]$/.test(levelText) ? Number(levelText) : 0;
    if (!levelText) bad('level', text(s.lang, 'required'));
    else if (!level) bad('level', text(s.lang, 'levelRange'));
    const date = dateText ? parseDay(dateText) : null;
    if (!dateText) bad('tanggal', text(s.lang, 'required'));
    else if (!date) bad('tanggal', text(s.lang, 'dateBad'));
    else if (date > st(s).today) bad('tanggal', text(s.lang, 'dateFuture'));
    return { row: r.row, ok, nip, code, level, date: date ?? '', note };
  },

  async stage(s, rows) {
    st(s).rows.push(...rows);
  },

  async check(s) {
    const state = st(s);
    const t = s.ctx.tenantId;
    const nips = [...new Set(state.rows.map((r) => r.nip).filter(Boolean))];
    const wide = hasRole(s.ctx, 'admin');
    const ops = s.ctx.operatorUnitIds;
    const emp = await s.client.query<{ id: string; nip: string; allowed: boolean }>(
      `select e.id, e.nip, ($3 or exists (select 1 from unnest($4::uuid[]) r(id) where u.path like '%/' || r.id::text || '/%')) as allowed
       from employees e join org_units u on u.id = e.unit_id
       where e.tenant_id = $1 and e.nip = any($2::text[])`,
      [t, nips, wide, ops],
    );
    const byNip = new Map(emp.rows.map((e) => [e.nip, e]));
    const comp = await s.client.query<{ id: string; code: string; version_id: string }>(
      `select c.id, c.code, v.id as version_id from competencies c
       join lateral (select v.id from competency_versions v where v.tenant_id = c.tenant_id
         and v.competency_id = c.id and v.effective_from <= $2::date order by v.version desc limit 1) v on true
       where c.tenant_id = $1 and c.active`,
      [t, state.today],
    );
    const byCode = new Map(comp.rows.map((c) => [c.code.toUpperCase(), c]));
    const candidates: (Planned & { row: number })[] = [];
    for (const r of state.rows) {
      let ok = r.ok;
      const e = r.nip ? byNip.get(r.nip) : undefined;
      if (r.nip && !e) {
        ok = false;
        s.errors.add({ row: r.row, column: 'nip', message: text(s.lang, 'nipUnknown', { value: r.nip }) });
      } else if (e && !e.allowed) {
        ok = false;
        s.errors.add({ row: r.row, column: 'nip', message: text(s.lang, 'nipOutOfScope', { value: r.nip }) });
      }
      const c = r.code ? byCode.get(r.code) : undefined;
      if (r.code && !c) {
        ok = false;
        s.errors.add({
          row: r.row,
          column: 'kode_kompetensi',
          message: text(s.lang, 'codeUnknown', { value: r.code }),
        });
      }
      if (!ok || !e || !c) continue;
      candidates.push({
        row: r.row,
        employeeId: e.id,
        competencyId: c.id,
        versionId: c.version_id,
        level: r.level,
        date: r.date,
        note: r.note,
        nip: r.nip,
      });
    }
    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    if (s.errors.count > 0) return counts;
    const existing = await s.client.query<{ k: string }>(
      `select a.employee_id || '|' || a.competency_id || '|' || a.assessed_on::text || '|' || a.level as k
       from assessments a where a.tenant_id = $1 and a.source = 'assessment_center'
         and a.employee_id = any($2::uuid[])`,
      [t, [...new Set(candidates.map((c) => c.employeeId))]],
    );
    const seen = new Set(existing.rows.map((r) => r.k));
    for (const c of candidates) {
      const k = `${c.employeeId}|${c.competencyId}|${c.date}|${c.level}`;
      if (seen.has(k)) {
        counts.unchanged++;
        continue;
      }
      seen.add(k);
      counts.created++;
      state.plan.push(c);
    }
    return counts;
  },

  async write(s) {
    const plan = st(s).plan;
    await s.client.query(
      `insert into assessments (tenant_id, employee_id, competency_id, competency_version_id, source, level,
         assessed_on, assessor_user_id, evidence_note)
       select $1, x.e, x.c, x.v, 'assessment_center', x.l, x.d, $2, x.n
       from unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::int[], $7::date[], $8::text[]) as x(e, c, v, l, d, n)`,
      [
        s.ctx.tenantId,
        s.ctx.userId,
        plan.map((p) => p.employeeId),
        plan.map((p) => p.competencyId),
        plan.map((p) => p.versionId),
        plan.map((p) => p.level),
        plan.map((p) => p.date),
        plan.map((p) => p.note),
      ],
    );
    return { created: [...new Set(plan.map((p) => p.nip))], updated: [] };
  },
};

const GUIDE: Record<string, string> = {
  nip: 'NIP 18 angka pegawai yang dinilai, sebagai Teks (jangan ubah menjadi Angka). Wajib. Operator OPD hanya boleh mengisi pegawai di OPD-nya sendiri.',
  kode_kompetensi: 'Kode kompetensi dari kamus, mis. M.1 (Integritas), SK.1, T.1. Wajib.',
  level: 'Level hasil penilaian, angka bulat 1 sampai 5. Wajib.',
  tanggal: 'Tanggal penilaian, mis. 2026-03-31 atau 31/03/2026. Tidak boleh di masa depan. Wajib.',
  catatan: 'Lembaga penilai atau catatan singkat, mis. nama assessment center. Boleh kosong.',
};

const GENERAL = [
  'Isi data mulai baris 2 pada lembar "Data", satu baris untuk satu pegawai dan satu kompetensi.',
  'Hapus baris contoh sebelum mengimpor.',
  'Jika ada satu saja kesalahan, tidak ada data yang disimpan. Perbaiki baris yang disebutkan lalu unggah ulang.',
  'Mengimpor berkas yang sama dua kali tidak menambah apa pun: hasil dengan pegawai, kompetensi, tanggal dan level yang sama sudah tersimpan.',
  'Gunakan "Pratinjau" untuk memeriksa berkas tanpa menyimpan.',
];

/** The template: a "Data" sheet with the header and one example row, and a "Petunjuk" sheet. */
export const acTemplate = () =>
  workbookTemplate(AC_SPEC, GUIDE, GENERAL, {
    kode_kompetensi: 16,
    level: 16,
    tanggal: 16,
    catatan: 44,
  });
