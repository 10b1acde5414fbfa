/**
 * The tenant's kamus kompetensi as a Moodle competency framework (tool_lpimportcsv CSV) and back.
 * Import compares each competency with its newest version: new codes are created, changed wording
 * becomes a new version, the same wording is left alone; all or nothing.
 */
import { sql } from 'drizzle-orm';
import {
  dictionaryToMoodle,
  moodleToDictionary,
  type AsahDictionaryEntry,
} from '../../../domain/competency/moodle-dictionary.js';
import {
  MOODLE_HEADERS,
  parseMoodleFramework,
  readCsv,
  writeMoodleFramework,
} from '../../../domain/competency/moodle.js';
import type { Db } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import type { AuthContext } from '../../http/auth.js';
import { AppError, type RowError } from '../../http/errors.js';
import * as repo from './repository.js';
import { CompetencyCode, type MoodleImportResultT } from './schemas.js';
import { sameWording, tenantToday } from './service.js';

async function tenantInfo(db: Db, tenantId: string) {
  const res = await db.execute<{ code: string; name: string }>(
    sql`select code, name from tenants where id = ${tenantId}`,
  );
  return res.rows[0] ?? { code: 'asah', name: 'Asah' };
}

/** The current wording of every active competency, as a Moodle framework CSV. */
export async function moodleExport(db: Db, ctx: AuthContext): Promise<{ fileName: string; csv: string }> {
  const today = await tenantToday(db, ctx.tenantId);
  const rows = (await repo.competencyVersions(db, ctx.tenantId, today)).filter((r) => r.active);
  const tenant = await tenantInfo(db, ctx.tenantId);
  const dictionary: AsahDictionaryEntry[] = rows.map((r) => ({
    code: r.code,
    group: r.group,
    name: r.name,
    definition: r.definition,
    levels: r.levels,
  }));
  const { framework, competencies } = dictionaryToMoodle(dictionary, {
    idNumber: `ASAH-${tenant.code.toUpperCase()}`,
    shortName: `Kamus Kompetensi ${tenant.name}`,
    description: `<p>Kamus kompetensi ${tenant.name}, diekspor dari Asah pada ${today}.</p>`,
  });
  return {
    fileName: `kamus-kompetensi-moodle-${today}.csv`,
    csv: writeMoodleFramework(framework, competencies),
  };
}

const column = (index: number) => MOODLE_HEADERS[index]!;

export async function moodleImport(
  db: Db,
  ctx: AuthContext,
  actor: AuditActor,
  text: string,
  fileName: string,
  dryRun: boolean,
): Promise<MoodleImportResultT> {
  const parsed = parseMoodleFramework(text);
  if (!parsed.ok) {
    const errors = parsed.errors.map((e) => ({
      row: e.row,
      ...(e.column ? { column: column(e.column - 1) } : {}),
      message: e.message,
    }));
    throw new AppError('import.invalid', { count: errors.length }, errors.slice(0, 500), {
      dryRun,
      errorCount: errors.length,
    });
  }
  const { dictionary, dropped } = moodleToDictionary(parsed.framework, parsed.competencies);

  // Spreadsheet row of each ID number, for errors.
  const read = readCsv(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const rowOf = new Map<string, number>();
  if ('records' in read) read.records.forEach((r, i) => rowOf.set((r[1] ?? '').trim(), i + 1));
  const levelRow = (code: string, level: number) => rowOf.get(`${code}-L${level}`) ?? rowOf.get(code);

  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const e of dictionary) {
    const row = rowOf.get(e.code);
    if (!CompetencyCode.safeParse(e.code).success) {
      errors.push({
        row,
        column: column(1),
        message: `Kode "${e.code}" tidak dapat dipakai di Asah (huruf, angka, titik, garis bawah, tanda minus; maksimal 40).`,
      });
    }
    if (seen.has(e.code.toLowerCase())) {
      errors.push({
        row,
        column: column(1),
        message: `Kode "${e.code}" muncul dua kali (huruf besar/kecil tidak dibedakan).`,
      });
    }
    seen.add(e.code.toLowerCase());
    if (e.name.trim() === '' || e.name.length > 200) {
      errors.push({ row, column: column(2), message: 'Nama kompetensi harus 1 sampai 200 karakter.' });
    }
    for (const l of e.levels) {
      if (!Number.isInteger(l.level) || l.level < 1 || l.level > 5) {
        errors.push({
          row: levelRow(e.code, l.level),
          column: column(1),
          message: `Level ${l.level} tidak ada; Asah memakai level 1 sampai 5.`,
        });
      } else if (l.title.trim() === '' || l.title.length > 300) {
        errors.push({
          row: levelRow(e.code, l.level),
          column: column(2),
          message: `Judul level ${l.level} harus 1 sampai 300 karakter.`,
        });
      }
    }
  }
  const today = await tenantToday(db, ctx.tenantId);
  const result: MoodleImportResultT = {
    dryRun,
    created: [],
    newVersions: [],
    unchanged: [],
    dropped,
    errors: [],
  };
  if (errors.length) {
    throw new AppError('import.invalid', { count: errors.length }, errors.slice(0, 500), {
      dryRun,
      errorCount: errors.length,
    });
  }

  const apply = async (write: boolean) => {
    await db.transaction(async (tx) => {
      const existing = new Map(
        (await repo.competencyVersions(tx, ctx.tenantId, null)).map((r) => [r.code.toLowerCase(), r]),
      );
      for (const e of dictionary) {
        const wording = {
          name: e.name,
          definition: e.definition === '' ? e.name : e.definition,
          levels: [...e.levels].sort((a, b) => a.level - b.level),
        };
        const old = existing.get(e.code.toLowerCase());
        if (old && old.group !== e.group) {
          result.dropped.push(
            `${old.code}: kelompok ${e.group} tidak diterapkan; kompetensi ini tetap di kelompok ${old.group}.`,
          );
        }
        if (!old) {
          result.created.push(e.code);
          if (write)
            await repo.insertCompetency(tx, ctx.tenantId, {
              ...wording,
              code: e.code,
              group: e.group,
              effectiveFrom: today,
            });
        } else if (sameWording(wording, old)) {
          result.unchanged.push(old.code);
        } else {
          result.newVersions.push(old.code);
          if (write) {
            await repo.lockNewest(tx, ctx.tenantId, old.competency_id);
            const from = old.effective_from > today ? old.effective_from : today;
            await repo.insertVersion(tx, ctx.tenantId, old.competency_id, old.version + 1, {
              ...wording,
              effectiveFrom: from,
            });
          }
        }
      }
      if (write && (result.created.length || result.newVersions.length)) {
        await audit(tx, actor, {
          action: 'import',
          entity: 'competency',
          after: {
            file: fileName,
            format: 'moodle',
            created: result.created,
            newVersions: result.newVersions,
          },
        });
      }
    });
  };
  await apply(!dryRun);
  return result;
}
