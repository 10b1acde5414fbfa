/** Position import: upsert by kode_jabatan; jenjang required for functional positions only. */
import crypto from 'node:crypto';
import { FUNCTIONAL_LEVELS, levelFits, POSITION_TYPES, type PositionType } from '../../../domain/org.js';
import { problemMessage } from '../../../domain/problems.js';
import { normalizeCode, SPECS } from './columns.js';
import { CODE_RE } from './org-units.js';
import type { Counts, Importer, ImportSession } from './runner.js';
import { text } from './texts.js';

interface PositionRow {
  row: number;
  ok: boolean;
  code: string;
  name: string;
  type: string;
  level: string | null;
}

interface Position {
  id: string;
  code: string;
  name: string;
  type: string;
  level: string | null;
}

interface State {
  existing: Map<string, Position>;
  rows: PositionRow[];
  plan?: { inserts: Position[]; updates: Position[] };
}
const states = new WeakMap<ImportSession, State>();
const st = (s: ImportSession) => states.get(s)!;

export const positionImporter: Importer<PositionRow> = {
  spec: SPECS.positions,
  entity: 'position',

  async begin(s) {
    const res = await s.client.query<Position>(
      'select id, code, name, type, level from positions where tenant_id = $1 for update',
      [s.ctx.tenantId],
    );
    states.set(s, { existing: new Map(res.rows.map((p) => [p.code.toUpperCase(), p])), rows: [] });
  },

  row(s, r) {
    const c = r.cells;
    let ok = true;
    const bad = (column: string, message: string) => {
      ok = false;
      s.errors.add({ row: r.row, column, message });
    };
    const code = (c.kode_jabatan ?? '').trim();
    const name = (c.nama ?? '').trim().replace(/\s+/g, ' ');
    const type = normalizeCode(c.jenis ?? '');
    const level = normalizeCode(c.jenjang ?? '') || null;
    if (!code) bad('kode_jabatan', problemMessage(s.lang, { code: 'required' }));
    else if (!CODE_RE.test(code)) bad('kode_jabatan', text(s.lang, 'code'));
    if (!name) bad('nama', problemMessage(s.lang, { code: 'required' }));
    else if (name.length < 2) bad('nama', problemMessage(s.lang, { code: 'tooShort', min: 2 }));
    else if (name.length > 200) bad('nama', problemMessage(s.lang, { code: 'tooLong', max: 200 }));
    if (!type) bad('jenis', problemMessage(s.lang, { code: 'required' }));
    else if (!(POSITION_TYPES as readonly string[]).includes(type)) {
      bad('jenis', problemMessage(s.lang, { code: 'positionType', value: c.jenis!.trim() }));
    } else if (!levelFits(type as PositionType, level)) {
      const levels = (FUNCTIONAL_LEVELS as Record<string, readonly string[]>)[type];
      if (!level) bad('jenjang', problemMessage(s.lang, { code: 'level.required', type }));
      else if (levels) bad('jenjang', problemMessage(s.lang, { code: 'oneOf', options: levels.join(', ') }));
      else bad('jenjang', problemMessage(s.lang, { code: 'level.forbidden' }));
    }
    return { row: r.row, ok, code, name, type, level };
  },

  async stage(s, rows) {
    st(s).rows.push(...rows);
  },

  async check(s) {
    const state = st(s);
    const firstRow = new Map<string, number>();
    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    const plan: NonNullable<State['plan']> = { inserts: [], updates: [] };
    for (const r of state.rows) {
      if (!r.code) continue;
      const key = r.code.toUpperCase();
      const first = firstRow.get(key);
      if (first !== undefined) {
        s.errors.add({
          row: r.row,
          column: 'kode_jabatan',
          message: problemMessage(s.lang, { code: 'duplicateInFile', firstRow: first }),
        });
        continue;
      }
      firstRow.set(key, r.row);
      if (!r.ok) continue;
      const old = state.existing.get(key);
      if (!old) {
        counts.created++;
        plan.inserts.push({
          id: crypto.randomUUID(),
          code: r.code,
          name: r.name,
          type: r.type,
          level: r.level,
        });
      } else if (old.name !== r.name || old.type !== r.type || old.level !== r.level) {
        counts.updated++;
        plan.updates.push({ ...old, name: r.name, type: r.type, level: r.level });
      } else counts.unchanged++;
    }
    state.plan = plan;
    return counts;
  },

  async write(s) {
    const plan = st(s).plan!;
    const t = s.ctx.tenantId;
    const cols = (l: Position[]) => [
      l.map((p) => p.id),
      l.map((p) => p.code),
      l.map((p) => p.name),
      l.map((p) => p.type),
      l.map((p) => p.level),
    ];
    const x = `unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) as x(id, code, name, type, level)`;
    if (plan.inserts.length) {
      await s.client.query(
        `insert into positions (id, tenant_id, code, name, type, level) select id, $1, code, name, type, level from ${x}`,
        [t, ...cols(plan.inserts)],
      );
    }
    if (plan.updates.length) {
      await s.client.query(
        `update positions p set name = x.name, type = x.type, level = x.level, updated_at = now() from ${x}
        where p.tenant_id = $1 and p.id = x.id`,
        [t, ...cols(plan.updates)],
      );
    }
    return { created: plan.inserts.map((p) => p.code), updated: plan.updates.map((p) => p.code) };
  },
};
