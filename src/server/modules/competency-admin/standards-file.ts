/**
 * The standards matrix as a spreadsheet: one row per position, one column per competency code, and a
 * "Petunjuk" sheet. Importing reads the same layout back: a dry run lists what would change and the
 * errors (row + column), a commit writes everything or nothing.
 */
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import type { AuthContext } from '../../http/auth.js';
import { AppError, type RowError } from '../../http/errors.js';
import type { Lang } from '../../http/messages.js';
import { cellText, detectFormat } from '../imports/parse.js';
import { readRows } from '../imports/sheet-reader.js';
import * as repo from './repository.js';
import { dedupe, tenantToday, type CompetencyAdminService } from './service.js';
import type { MatrixQueryT } from './schemas.js';

export const SHEET = 'Standar';
const INFO = ['kode_jabatan', 'nama_jabatan', 'jenis', 'jenjang'] as const;
const HEADER_SEARCH_ROWS = 10;

const GUIDE = [
  ['kode_jabatan', 'Kode jabatan seperti pada daftar Jabatan. Wajib. Jabatan dikenali dari kode ini.'],
  ['nama_jabatan, jenis, jenjang', 'Hanya keterangan; tidak dibaca saat impor.'],
  [
    'kolom kompetensi (mis. M.1)',
    'Satu kolom untuk setiap kompetensi aktif, judulnya kode kompetensi. Isi level yang dipersyaratkan, angka 1 sampai 5. ' +
      'Kosongkan jika jabatan tidak mempersyaratkan kompetensi itu (standar yang ada dihapus).',
  ],
  [
    'Umum',
    'Baris jabatan yang tidak ada di berkas tidak diubah. Kolom kompetensi yang dihapus dari berkas tidak diubah.',
  ],
  [
    '',
    'Jika ada satu saja kesalahan, tidak ada yang disimpan. Perbaiki baris dan kolom yang disebutkan lalu unggah ulang.',
  ],
  ['', 'Mengimpor berkas hasil unduhan tanpa perubahan tidak mengubah apa pun.'],
] as const;

export async function standardsWorkbook(
  db: Db,
  service: CompetencyAdminService,
  ctx: AuthContext,
  q: Omit<MatrixQueryT, 'page' | 'pageSize'>,
): Promise<Buffer> {
  const scope = await service.holdersScope(ctx, q.unitId);
  const today = await tenantToday(db, ctx.tenantId);
  const [positions, all] = await Promise.all([
    repo.positionsPage(db, ctx.tenantId, {
      type: q.positionType,
      q: q.q,
      holdersScope: scope,
      limit: null,
      offset: 0,
    }),
    repo.competencyVersions(db, ctx.tenantId, today),
  ]);
  const competencies = all.filter((c) => c.active);
  const cells = await repo.standardsOfPositions(
    db,
    ctx.tenantId,
    positions.map((p) => p.id),
  );
  const level = new Map(cells.map((c) => [`${c.position_id}:${c.competency_id}`, c.required_level]));

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Asah';
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  ws.columns = [
    { header: 'kode_jabatan', key: 'kode_jabatan', width: 18, style: { numFmt: '@' } },
    { header: 'nama_jabatan', key: 'nama_jabatan', width: 40 },
    { header: 'jenis', key: 'jenis', width: 20 },
    { header: 'jenjang', key: 'jenjang', width: 14 },
    ...competencies.map((c) => ({ header: c.code, key: c.competency_id, width: 8 })),
  ];
  ws.getRow(1).font = { bold: true };
  for (const p of positions) {
    const row: Record<string, string | number | null> = {
      kode_jabatan: p.code,
      nama_jabatan: p.name,
      jenis: p.type,
      jenjang: p.level ?? '',
    };
    for (const c of competencies) row[c.competency_id] = level.get(`${p.id}:${c.competency_id}`) ?? null;
    ws.addRow(row);
  }
  const guide = wb.addWorksheet('Petunjuk');
  guide.columns = [
    { header: 'Kolom', key: 'col', width: 28 },
    { header: 'Cara mengisi', key: 'how', width: 110 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const [col, how] of GUIDE) guide.addRow({ col, how });
  guide.addRow({});
  guide.addRow({ col: 'Kode', how: 'Kompetensi' }).font = { bold: true };
  for (const c of competencies) guide.addRow({ col: c.code, how: c.name });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rows (number, cells) of the sheet "Standar", or else of the first sheet other than "Petunjuk". */
async function readStandardsSheet(filePath: string, lang: Lang): Promise<[number, unknown[]][] | null> {
  const sheets = new Map<number, { name: string; rows: [number, unknown[]][] }>();
  let first: number | null = null;
  let named: number | null = null;
  for await (const r of readRows(filePath, lang, { format: 'xlsx' })) {
    if (!sheets.has(r.sheet)) {
      if (r.name === SHEET && named === null) named = r.sheet;
      else if (r.name !== 'Petunjuk' && first === null) first = r.sheet;
      else continue;
      sheets.set(r.sheet, { name: r.name, rows: [] });
    }
    sheets.get(r.sheet)?.rows.push([r.row, r.values]);
  }
  const pick = named ?? first;
  return pick === null ? null : sheets.get(pick)!.rows;
}

interface Counts {
  inserted: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/** Reads and checks the file, then (unless a dry run) writes it in one transaction. */
export async function importStandards(
  db: Db,
  ctx: AuthContext,
  actor: AuditActor,
  lang: Lang,
  file: { filePath: string; fileName: string },
  dryRun: boolean,
) {
  const unreadable = (id: string, en: string) =>
    new AppError('import.unreadable', { reason: lang === 'en' ? en : id });
  if ((await detectFormat(file.filePath, lang)) !== 'xlsx') {
    throw unreadable(
      'unggah berkas .xlsx hasil unduhan matriks standar.',
      'upload the .xlsx downloaded from the matrix.',
    );
  }
  // Streamed in a thread of its own, within the limits every spreadsheet upload shares.
  const ws = await readStandardsSheet(file.filePath, lang);
  if (!ws) throw unreadable('lembar "Standar" tidak ditemukan.', 'sheet "Standar" not found.');

  const errors: RowError[] = [];
  const today = await tenantToday(db, ctx.tenantId);
  const all = await repo.competencyVersions(db, ctx.tenantId, today);
  const byCode = new Map(all.map((c) => [c.code.toLowerCase(), c]));
  const positions = await repo.positionsByCode(db, ctx.tenantId);

  // Header: the first row (within ten) holding kode_jabatan.
  let headerRow = 0;
  const columns: { index: number; header: string; competencyId: string }[] = [];
  let keyIndex = 0;
  for (const [r, values] of ws) {
    if (r > HEADER_SEARCH_ROWS) break;
    const names = Array.from(values, (v) => cellText(v));
    const k = names.findIndex((n) => n.toLowerCase() === 'kode_jabatan');
    if (k < 0) continue;
    headerRow = r;
    keyIndex = k;
    names.forEach((name, index) => {
      if (index === k || name === '' || (INFO as readonly string[]).includes(name.toLowerCase())) return;
      const c = byCode.get(name.toLowerCase());
      if (!c)
        errors.push({ row: r, column: name, message: `Kolom "${name}" bukan kode kompetensi yang dikenal.` });
      else if (!c.active) errors.push({ row: r, column: name, message: `Kompetensi ${c.code} tidak aktif.` });
      else if (columns.some((x) => x.competencyId === c.competency_id))
        errors.push({ row: r, column: name, message: `Kolom ${c.code} muncul dua kali.` });
      else columns.push({ index, header: name, competencyId: c.competency_id });
    });
    break;
  }
  if (!headerRow) {
    throw new AppError('import.invalid', { count: 1 }, [
      { row: 1, column: 'kode_jabatan', message: 'Baris judul dengan kolom kode_jabatan tidak ditemukan.' },
    ]);
  }

  const cells: repo.Cell[] = [];
  const seenAt = new Map<string, number>();
  let rows = 0;
  for (const [r, values] of ws) {
    if (r <= headerRow) continue;
    if (!Array.isArray(values) || values.every((v) => cellText(v) === '')) continue;
    rows++;
    const code = cellText(values[keyIndex]);
    const position = positions.get(code.toLowerCase());
    if (code === '') {
      errors.push({ row: r, column: 'kode_jabatan', message: 'Kode jabatan kosong.' });
      continue;
    }
    if (!position) {
      errors.push({
        row: r,
        column: 'kode_jabatan',
        message: `Jabatan dengan kode "${code}" tidak ditemukan.`,
      });
      continue;
    }
    const first = seenAt.get(position.id);
    if (first) {
      errors.push({
        row: r,
        column: 'kode_jabatan',
        message: `Jabatan ${code} sudah ada di baris ${first}.`,
      });
      continue;
    }
    seenAt.set(position.id, r);
    for (const col of columns) {
      const raw = cellText(values[col.index]);
      if (raw === '') {
        cells.push({ positionId: position.id, competencyId: col.competencyId, requiredLevel: null });
        continue;
      }
      const n = Number(raw.replace(',', '.'));
      if (!Number.isInteger(n) || n < 1 || n > 5) {
        errors.push({
          row: r,
          column: col.header,
          message: `Level "${raw}" tidak sah; isi angka 1 sampai 5 atau kosongkan.`,
        });
        continue;
      }
      cells.push({ positionId: position.id, competencyId: col.competencyId, requiredLevel: n });
    }
  }

  const counts = await preview(db, ctx.tenantId, cells);
  if (errors.length) {
    throw new AppError('import.invalid', { count: errors.length }, errors.slice(0, 500), {
      ...counts,
      dryRun,
      rows,
      errorCount: errors.length,
    });
  }
  if (!dryRun && counts.inserted + counts.updated + counts.removed > 0) {
    await db.transaction(async (tx) => {
      const written = await repo.writeCells(tx, ctx.tenantId, dedupe(cells));
      await audit(tx, actor, {
        action: 'import',
        entity: 'position_standards',
        after: { file: file.fileName, rows, ...written },
      });
    });
  }
  return { ...counts, dryRun, rows, errors: [] };
}

/** What writing the cells would do, without writing. */
async function preview(db: Db, tenantId: string, cells: repo.Cell[]): Promise<Counts> {
  const ids = [...new Set(cells.map((c) => c.positionId))];
  const current = ids.length ? await repo.standardsOfPositions(db, tenantId, ids) : [];
  const now = new Map(current.map((c) => [`${c.position_id}:${c.competency_id}`, c.required_level]));
  const counts: Counts = { inserted: 0, updated: 0, removed: 0, unchanged: 0 };
  for (const c of dedupe(cells)) {
    const old = now.get(`${c.positionId}:${c.competencyId}`);
    if (c.requiredLevel === null) {
      if (old === undefined) continue;
      counts.removed++;
    } else if (old === undefined) counts.inserted++;
    else if (old !== c.requiredLevel) counts.updated++;
    else counts.unchanged++;
  }
  return counts;
}
