/** Builds the Kota Ambon unit tree and each unit's head position. */

import type { FunctionalLevel, PositionType, UnitKind } from '../org.js';
import { KECAMATAN, KECAMATAN_SEKSI, OPDS, PUSKESMAS, SCHOOLS, SETDA_BAGIAN, type Field } from './opds.js';
import type { DemoPosition } from './positions.js';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  /** Head position code, or null when the unit has no ASN head (root container, negeri, desa). */
  headPositionCode: string | null;
  /** Top-level unit (OPD) this unit belongs to; the root belongs to itself. */
  opdCode: string;
  field: Field;
  /** Staff pool tag: which specialised positions fit here. */
  tag: 'school' | 'puskesmas' | 'kecamatan' | null;
  /** Relative share of all non-head staff. */
  staffWeight: number;
  depth: number;
}

export interface UnitTree {
  units: DemoUnit[];
  headPositions: DemoPosition[];
}

export const ROOT_CODE = 'PEMKOT';

const slug = (s: string) =>
  s
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

class Builder {
  units: DemoUnit[] = [];
  heads: DemoPosition[] = [];
  private codes = new Set<string>();
  private byCode = new Map<string, DemoUnit>();

  add(
    u: Omit<DemoUnit, 'headPositionCode' | 'depth' | 'staffWeight' | 'opdCode' | 'field' | 'tag'> &
      Partial<Pick<DemoUnit, 'opdCode' | 'field' | 'tag'>>,
    head: { name: string; type: PositionType; level?: FunctionalLevel } | null,
    localWeight: number,
  ): DemoUnit {
    if (this.codes.has(u.code)) throw new Error(`duplicate unit code ${u.code}`);
    this.codes.add(u.code);
    const parent = u.parentCode ? this.byCode.get(u.parentCode) : undefined;
    const unit: DemoUnit = {
      ...u,
      opdCode: u.opdCode ?? (parent && parent.depth > 0 ? parent.opdCode : u.code),
      field: u.field ?? parent?.field ?? 'gov',
      tag: u.tag ?? parent?.tag ?? null,
      headPositionCode: head ? `${u.code}-KA` : null,
      staffWeight: localWeight,
      depth: parent ? parent.depth + 1 : 0,
    };
    if (head) {
      this.heads.push({ code: `${u.code}-KA`, name: head.name, type: head.type, level: head.level ?? null });
    }
    this.units.push(unit);
    this.byCode.set(unit.code, unit);
    return unit;
  }
}

/** Splits "Name|child|child" strings. */
function parts(s: string): [string, string[]] {
  const [name, ...children] = s.split('|');
  return [name!, children];
}

/** Scales the local weights of one OPD's units so that they sum to the OPD's share. */
function scale(units: DemoUnit[], from: number, share: number) {
  let sum = 0;
  for (let i = from; i < units.length; i++) sum += units[i]!.staffWeight;
  for (let i = from; i < units.length; i++)
    units[i]!.staffWeight = sum > 0 ? (units[i]!.staffWeight / sum) * share : 0;
}

export function buildUnitTree(): UnitTree {
  const b = new Builder();
  b.add(
    { code: ROOT_CODE, name: 'Pemerintah Kota Ambon', kind: 'pemda', parentCode: null, field: 'gov' },
    { name: 'Sekretaris Daerah', type: 'jpt_madya' },
    0,
  );

  // Sekretariat Daerah: the Sekda heads the root, so the sekretariat itself has no separate head.
  let from = b.units.length;
  b.add(
    { code: 'SETDA', name: 'Sekretariat Daerah', kind: 'sekretariat', parentCode: ROOT_CODE, field: 'gov' },
    null,
    1,
  );
  SETDA_BAGIAN.forEach((s, i) => {
    const [name, subs] = parts(s);
    const code = `SETDA-BAG${i + 1}`;
    b.add(
      { code, name: `Bagian ${name}`, kind: 'bagian', parentCode: 'SETDA' },
      { name: `Kepala Bagian ${name}`, type: 'administrator' },
      1,
    );
    subs.forEach((sub, j) =>
      b.add(
        { code: `${code}-SUB${j + 1}`, name: `Subbagian ${sub}`, kind: 'subbagian', parentCode: code },
        { name: `Kepala Subbagian ${sub}`, type: 'pengawas' },
        1,
      ),
    );
  });
  scale(b.units, from, 4);

  for (const opd of OPDS) {
    from = b.units.length;
    b.add(
      { code: opd.code, name: opd.name, kind: opd.kind, parentCode: ROOT_CODE, field: opd.field },
      { name: opd.head, type: 'jpt_pratama' },
      1,
    );
    const isBadan = opd.kind === 'badan';
    if (opd.subbagian) {
      const sek = `${opd.code}-SEKR`;
      const sekName = opd.kind === 'unit' ? 'Bagian Tata Usaha' : 'Sekretariat';
      const sekHead = opd.kind === 'unit' ? 'Kepala Bagian Tata Usaha' : `Sekretaris ${opd.name}`;
      b.add(
        {
          code: sek,
          name: sekName,
          kind: opd.kind === 'unit' ? 'bagian' : 'sekretariat',
          parentCode: opd.code,
        },
        { name: sekHead, type: 'administrator' },
        1,
      );
      opd.subbagian.forEach((sub, j) =>
        b.add(
          { code: `${sek}-SUB${j + 1}`, name: `Subbagian ${sub}`, kind: 'subbagian', parentCode: sek },
          { name: `Kepala Subbagian ${sub}`, type: 'pengawas' },
          1,
        ),
      );
    }
    opd.bidang.forEach((s, i) => {
      const [name, subs] = parts(s);
      const code = `${opd.code}-BID${i + 1}`;
      const irban = opd.code === 'INSPEKTORAT';
      const unitName = irban ? name : opd.kind === 'sekretariat' ? `Bagian ${name}` : `Bidang ${name}`;
      const headName = irban
        ? name
        : opd.kind === 'sekretariat'
          ? `Kepala Bagian ${name}`
          : `Kepala Bidang ${name}`;
      b.add(
        {
          code,
          name: unitName,
          kind: opd.kind === 'sekretariat' ? 'bagian' : irban ? 'unit' : 'bidang',
          parentCode: opd.code,
        },
        { name: headName, type: 'administrator' },
        irban ? 4 : 1.5,
      );
      subs.forEach((sub, j) => {
        const [kind, label, code2] =
          opd.kind === 'sekretariat'
            ? (['subbagian', 'Subbagian', 'SUB'] as const)
            : isBadan
              ? (['subbidang', 'Subbidang', 'SUB'] as const)
              : (['seksi', 'Seksi', 'SEK'] as const);
        b.add(
          { code: `${code}-${code2}${j + 1}`, name: `${label} ${sub}`, kind, parentCode: code },
          { name: `Kepala ${label} ${sub}`, type: 'pengawas' },
          1,
        );
      });
    });
    if (opd.code === 'DISDIK') {
      // Schools: led by a teacher with an additional task (kepala sekolah), staffed by teachers.
      const schools: [string, number, number][] = [
        ...Array.from({ length: SCHOOLS.sd }, (_, i): [string, number, number] => ['SD', i + 1, 12]),
        ...Array.from({ length: SCHOOLS.smp }, (_, i): [string, number, number] => ['SMP', i + 1, 30]),
      ];
      for (const [level, no, w] of schools) {
        const name = `${level} Negeri ${no} Ambon`;
        b.add(
          {
            code: `${level}N-${String(no).padStart(2, '0')}`,
            name,
            kind: 'uptd',
            parentCode: opd.code,
            tag: 'school',
          },
          { name: `Kepala ${name}`, type: 'fungsional_keahlian', level: 'ahli_madya' },
          w,
        );
      }
    }
    if (opd.code === 'DINKES') {
      for (const p of PUSKESMAS) {
        b.add(
          {
            code: `PKM-${slug(p)}`,
            name: `UPTD Puskesmas ${p}`,
            kind: 'uptd',
            parentCode: opd.code,
            tag: 'puskesmas',
          },
          { name: `Kepala UPTD Puskesmas ${p}`, type: 'pengawas' },
          7,
        );
      }
    }
    scale(b.units, from, opd.share);
  }

  for (const kec of KECAMATAN) {
    from = b.units.length;
    const code = `KEC-${slug(kec.name)}`;
    b.add(
      {
        code,
        name: `Kecamatan ${kec.name}`,
        kind: 'kecamatan',
        parentCode: ROOT_CODE,
        field: 'gov',
        tag: 'kecamatan',
      },
      { name: `Camat ${kec.name}`, type: 'administrator' },
      3,
    );
    b.add(
      { code: `${code}-SEKR`, name: 'Sekretariat Kecamatan', kind: 'sekretariat', parentCode: code },
      { name: `Sekretaris Kecamatan ${kec.name}`, type: 'administrator' },
      2,
    );
    KECAMATAN_SEKSI.forEach((s, i) =>
      b.add(
        { code: `${code}-SEK${i + 1}`, name: `Seksi ${s}`, kind: 'seksi', parentCode: code },
        { name: `Kepala Seksi ${s} Kecamatan ${kec.name}`, type: 'pengawas' },
        1,
      ),
    );
    for (const v of kec.villages) {
      const [k, name] = v.split(':') as [string, string];
      if (k === 'K') {
        b.add(
          { code: `KEL-${slug(name)}`, name: `Kelurahan ${name}`, kind: 'kelurahan', parentCode: code },
          { name: `Lurah ${name}`, type: 'pengawas' },
          2,
        );
      } else {
        // Negeri (led by a raja) and desa (kepala desa) have no ASN head and no ASN staff here.
        const kind = k === 'N' ? 'negeri' : 'desa';
        b.add(
          {
            code: `${k === 'N' ? 'NEG' : 'DESA'}-${slug(name)}`,
            name: `${k === 'N' ? 'Negeri' : 'Desa'} ${name}`,
            kind,
            parentCode: code,
          },
          null,
          0,
        );
      }
    }
    scale(b.units, from, 2.4);
  }

  return { units: b.units, headPositions: b.heads };
}
