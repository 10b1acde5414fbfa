/** Org-unit import: upsert by kode_unit; parents may be earlier, later or existing; paths recomputed. */
import crypto from 'node:crypto';
import { UNIT_KINDS } from '../../../domain/org.js';
import { problemMessage } from '../../../domain/problems.js';
import { normalizeCode, SPECS } from './columns.js';
import type { Counts, Importer, ImportSession } from './runner.js';
import { text } from './texts.js';

interface UnitRow {
  row: number;
  ok: boolean;
  code: string;
  name: string;
  kind: string;
  /** undefined: column absent (keep); null: root; string: parent code. */
  parentCode: string | null | undefined;
}

interface Unit {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  path: string;
}

export const CODE_RE = /^[A-Za-z0-9._-]{1,40}$/;

interface State {
  existing: Map<string, Unit>; // by upper(code)
  rows: UnitRow[];
  plan?: { inserts: Unit[]; updates: Unit[]; created: string[]; updated: string[] };
}
const states = new WeakMap<ImportSession, State>();
const st = (s: ImportSession) => states.get(s)!;

export const orgUnitImporter: Importer<UnitRow> = {
  spec: SPECS['org-units'],
  entity: 'org_unit',

  async begin(s) {
    const res = await s.client.query<{
      id: string;
      code: string;
      name: string;
      kind: string;
      parent_id: string | null;
      path: string;
    }>('select id, code, name, kind, parent_id, path from org_units where tenant_id = $1 for update', [
      s.ctx.tenantId,
    ]);
    const existing = new Map(
      res.rows.map((r) => [
        r.code.toUpperCase(),
        { id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id, path: r.path },
      ]),
    );
    states.set(s, { existing, rows: [] });
  },

  row(s, r) {
    const c = r.cells;
    const add = (column: string, message: string) => s.errors.add({ row: r.row, column, message });
    const code = (c.kode_unit ?? '').trim();
    const name = (c.nama ?? '').trim().replace(/\s+/g, ' ');
    const kind = normalizeCode(c.jenis ?? '');
    let ok = true;
    const bad = (column: string, message: string) => {
      ok = false;
      add(column, message);
    };
    if (!code) bad('kode_unit', problemMessage(s.lang, { code: 'required' }));
    else if (!CODE_RE.test(code)) bad('kode_unit', text(s.lang, 'code'));
    if (!name) bad('nama', problemMessage(s.lang, { code: 'required' }));
    else if (name.length < 2) bad('nama', problemMessage(s.lang, { code: 'tooShort', min: 2 }));
    else if (name.length > 200) bad('nama', problemMessage(s.lang, { code: 'tooLong', max: 200 }));
    if (!kind) bad('jenis', problemMessage(s.lang, { code: 'required' }));
    else if (!(UNIT_KINDS as readonly string[]).includes(kind))
      bad('jenis', problemMessage(s.lang, { code: 'unitKind', value: c.jenis!.trim() }));
    const parentCode = s.header.present.has('kode_induk') ? (c.kode_induk ?? '').trim() || null : undefined;
    if (parentCode && code && parentCode.toUpperCase() === code.toUpperCase())
      bad('kode_induk', problemMessage(s.lang, { code: 'parent.cycle' }));
    return { row: r.row, ok, code, name, kind, parentCode };
  },

  async stage(s, rows) {
    st(s).rows.push(...rows);
  },

  async check(s) {
    const state = st(s);
    const { errors, lang } = s;
    const firstRow = new Map<string, number>();
    const fileUnits = new Map<string, Unit & { row: UnitRow; isNew: boolean }>();
    for (const r of state.rows) {
      if (!r.code) continue;
      const key = r.code.toUpperCase();
      const first = firstRow.get(key);
      if (first !== undefined) {
        errors.add({
          row: r.row,
          column: 'kode_unit',
          message: problemMessage(lang, { code: 'duplicateInFile', firstRow: first }),
        });
        continue;
      }
      firstRow.set(key, r.row);
      const old = state.existing.get(key);
      fileUnits.set(key, {
        id: old?.id ?? crypto.randomUUID(),
        code: old?.code ?? r.code,
        name: r.name,
        kind: r.kind,
        parentId: old?.parentId ?? null,
        path: '',
        row: r,
        isNew: !old,
      });
    }
    // Resolve parents against the file first, then the existing units.
    for (const u of fileUnits.values()) {
      const pc = u.row.parentCode;
      if (pc === undefined) continue;
      if (pc === null) u.parentId = null;
      else {
        const key = pc.toUpperCase();
        const parent = fileUnits.get(key) ?? state.existing.get(key);
        if (!parent)
          errors.add({
            row: u.row.row,
            column: 'kode_induk',
            message: problemMessage(lang, { code: 'parent.unknown', value: pc }),
          });
        else u.parentId = parent.id;
      }
    }
    // The resulting tree: every existing unit, overlaid with the file.
    const all = new Map<string, Unit>();
    for (const u of state.existing.values()) all.set(u.id, { ...u });
    for (const u of fileUnits.values()) all.set(u.id, u);
    const cyclic = new Set<string>();
    for (const u of fileUnits.values()) {
      const seen = new Set<string>([u.id]);
      for (let p = u.parentId; p; p = all.get(p)?.parentId ?? null) {
        if (seen.has(p)) {
          if (p === u.id) cyclic.add(u.id);
          break;
        }
        seen.add(p);
      }
      if (cyclic.has(u.id) && u.row.parentCode?.toUpperCase() !== u.row.code.toUpperCase()) {
        errors.add({
          row: u.row.row,
          column: 'kode_induk',
          message: problemMessage(lang, { code: 'parent.cycle' }),
        });
      }
    }
    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    if (errors.count > 0) return counts;
    // Paths from the root down, memoised; the depth guard only matters for damaged data.
    const newPath = new Map<string, string>();
    const compute = (id: string, depth = 0): string => {
      const hit = newPath.get(id);
      if (hit) return hit;
      const u = all.get(id)!;
      const p =
        (u.parentId && depth < 200 && all.has(u.parentId) ? compute(u.parentId, depth + 1) : '/') +
        `${u.id}/`;
      newPath.set(id, p);
      return p;
    };
    const plan: NonNullable<State['plan']> = { inserts: [], updates: [], created: [], updated: [] };
    const byId = new Map([...state.existing.values()].map((u) => [u.id, u]));
    for (const u of all.values()) {
      const path = compute(u.id);
      const old = byId.get(u.id);
      const next = { ...u, path };
      if (!old) plan.inserts.push(next);
      else if (old.name !== u.name || old.kind !== u.kind || old.parentId !== u.parentId || old.path !== path)
        plan.updates.push(next);
    }
    for (const u of fileUnits.values()) {
      const old = byId.get(u.id);
      if (!old) {
        counts.created++;
        plan.created.push(u.code);
      } else if (old.name !== u.name || old.kind !== u.kind || old.parentId !== u.parentId) {
        counts.updated++;
        plan.updated.push(u.code);
      } else counts.unchanged++;
    }
    state.plan = plan;
    return counts;
  },

  async write(s) {
    const plan = st(s).plan!;
    const t = s.ctx.tenantId;
    const cols = (list: Unit[]) => [
      list.map((u) => u.id),
      list.map((u) => u.code),
      list.map((u) => u.name),
      list.map((u) => u.kind),
      list.map((u) => u.parentId),
      list.map((u) => u.path),
    ];
    if (plan.inserts.length) {
      await s.client.query(
        `insert into org_units (id, tenant_id, code, name, kind, parent_id, path)
        select id, $1, code, name, kind, parent_id, path
        from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[]) as x(id, code, name, kind, parent_id, path)`,
        [t, ...cols(plan.inserts)],
      );
    }
    if (plan.updates.length) {
      await s.client.query(
        `update org_units o set name = x.name, kind = x.kind, parent_id = x.parent_id, path = x.path, updated_at = now()
        from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[]) as x(id, code, name, kind, parent_id, path)
        where o.tenant_id = $1 and o.id = x.id`,
        [t, ...cols(plan.updates)],
      );
    }
    return { created: plan.created, updated: plan.updated };
  },
};
