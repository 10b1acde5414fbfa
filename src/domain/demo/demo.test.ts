import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGolongan } from '../golongan.js';
import { decodeNip } from '../nip.js';
import { levelFits, POSITION_TYPES, UNIT_KINDS } from '../org.js';
import { generateDemo, pickDemoAccounts, ROOT_CODE, type DemoData } from './index.js';
import * as N from './names.js';

/** Checks every invariant that must hold for any seed and size. */
function checkInvariants(d: DemoData, n: number) {
  const units = new Map(d.units.map((u) => [u.code, u]));
  const positions = new Map(d.positions.map((p) => [p.code, p]));
  expect(d.employees).toHaveLength(n);

  const nips = new Set<string>();
  const headsPerUnit = new Map<string, number>();
  for (const [i, e] of d.employees.entries()) {
    expect(e.index).toBe(i);
    // NIP valid, unique, and consistent with the person.
    const r = decodeNip(e.nip);
    if (!r.ok) throw new Error(`invalid NIP ${e.nip}: ${r.problem.code}`);
    expect(nips.has(e.nip)).toBe(false);
    nips.add(e.nip);
    expect(r.value.kind).toBe(e.status === 'PPPK' ? 'PPPK' : 'PNS');
    expect(r.value.gender).toBe(e.gender);
    expect(r.value.birthDate).toBe(e.birthDate);
    expect(r.value.appointment).toBe(e.appointment);
    const by = Number(e.birthDate.slice(0, 4));
    expect(by).toBeGreaterThanOrEqual(1966);
    expect(by).toBeLessThanOrEqual(2002);
    expect(r.value.appointmentYear).toBeGreaterThanOrEqual(by + 19);
    expect(r.value.appointmentYear).toBeLessThanOrEqual(2025);
    expect(e.effectiveFrom).toBe(e.status === 'PPPK' ? `${e.appointment}-01-01` : `${e.appointment}-01`);
    // Golongan fits the status.
    expect(parseGolongan(e.golongan, e.status)).toBe(e.golongan);
    // Unit and position exist; heads hold their unit's head position.
    const unit = units.get(e.unitCode);
    expect(unit).toBeDefined();
    expect(positions.has(e.positionCode)).toBe(true);
    if (e.isHead) {
      expect(e.positionCode).toBe(unit!.headPositionCode);
      expect(e.status).toBe('PNS');
      headsPerUnit.set(e.unitCode, (headsPerUnit.get(e.unitCode) ?? 0) + 1);
    }
    // Supervisors come first, so chains cannot cycle.
    if (e.supervisorIndex !== null) {
      expect(e.supervisorIndex).toBeLessThan(i);
      expect(d.employees[e.supervisorIndex]!.isHead).toBe(true);
    }
  }

  // At most one head per unit; exactly one when there are enough employees.
  const headed = d.units.filter((u) => u.headPositionCode);
  for (const u of headed) expect(headsPerUnit.get(u.code) ?? 0).toBeLessThanOrEqual(1);
  if (n >= headed.length) for (const u of headed) expect(headsPerUnit.get(u.code)).toBe(1);

  // Supervisor = nearest filled head above (heads) or at/above (staff) the unit.
  const headOf = new Map(d.employees.filter((e) => e.isHead).map((e) => [e.unitCode, e.index]));
  const nearest = (code: string | null): number | null => {
    for (let c = code; c !== null; c = units.get(c)!.parentCode) {
      const h = headOf.get(c);
      if (h !== undefined) return h;
    }
    return null;
  };
  const rootHead = headOf.get(ROOT_CODE) ?? null;
  for (const e of d.employees) {
    const u = units.get(e.unitCode)!;
    expect(e.supervisorIndex).toBe(e.isHead ? nearest(u.parentCode) : nearest(u.code));
    // Every chain ends at the root head.
    let cur = e;
    let steps = 0;
    while (cur.supervisorIndex !== null) {
      cur = d.employees[cur.supervisorIndex]!;
      if (++steps > 20) throw new Error('supervisor chain too long');
    }
    expect(cur.index).toBe(rootHead);
  }
}

describe('generateDemo', () => {
  const d = generateDemo({ seed: 1, employees: 5000 });

  it('is deterministic for the same seed and size', () => {
    expect(generateDemo({ seed: 1, employees: 5000 })).toEqual(d);
    expect(generateDemo({ seed: 2, employees: 5000 }).employees).not.toEqual(d.employees);
  });

  it('builds the Kota Ambon unit tree', () => {
    const byCode = new Map(d.units.map((u) => [u.code, u]));
    const root = d.units[0]!;
    expect(root).toMatchObject({
      code: 'PEMKOT',
      name: 'Pemerintah Kota Ambon',
      kind: 'pemda',
      parentCode: null,
    });
    expect(byCode.get('DISDUKCAPIL')).toMatchObject({ kind: 'dinas', parentCode: 'PEMKOT' });
    expect(byCode.get('BKPSDM')).toMatchObject({ kind: 'badan', parentCode: 'PEMKOT' });
    const dukcapilBidang = d.units
      .filter((u) => u.parentCode === 'DISDUKCAPIL' && u.kind === 'bidang')
      .map((u) => u.name);
    expect(dukcapilBidang).toEqual([
      'Bidang Pelayanan Pendaftaran Penduduk',
      'Bidang Pelayanan Pencatatan Sipil',
      'Bidang Pengelolaan Informasi Administrasi Kependudukan',
      'Bidang Pemanfaatan Data dan Inovasi Pelayanan',
    ]);
    const kec = d.units.filter((u) => u.kind === 'kecamatan');
    expect(kec).toHaveLength(5);
    const villages = d.units.filter((u) => ['kelurahan', 'negeri', 'desa'].includes(u.kind));
    expect(villages).toHaveLength(50);
    expect(villages.filter((u) => u.kind === 'kelurahan')).toHaveLength(20);
    for (const v of villages) expect(byCode.get(v.parentCode!)!.kind).toBe('kecamatan');

    const seen = new Set<string>();
    for (const u of d.units) {
      expect(u.code).toMatch(/^[A-Z0-9-]+$/);
      expect(seen.has(u.code)).toBe(false);
      if (u.parentCode) expect(seen.has(u.parentCode)).toBe(true); // parents first
      seen.add(u.code);
      expect(UNIT_KINDS).toContain(u.kind);
    }
  });

  it('has valid positions with unique codes', () => {
    const codes = new Set(d.positions.map((p) => p.code));
    expect(codes.size).toBe(d.positions.length);
    for (const p of d.positions) {
      expect(POSITION_TYPES).toContain(p.type);
      expect(levelFits(p.type, p.level)).toBe(true);
    }
    const byCode = new Map(d.positions.map((p) => [p.code, p]));
    expect(byCode.get('PEMKOT-KA')).toMatchObject({ name: 'Sekretaris Daerah', type: 'jpt_madya' });
    expect(byCode.get('DISDUKCAPIL-KA')!.type).toBe('jpt_pratama');
    expect(byCode.get('DISDUKCAPIL-BID1-KA')!.type).toBe('administrator');
    expect(byCode.get('DISDUKCAPIL-BID1-SEK1-KA')!.type).toBe('pengawas');
    expect(byCode.get('KEC-SIRIMAU-KA')!.type).toBe('administrator');
    expect(byCode.get('KEL-BENTENG-KA')).toMatchObject({ name: 'Lurah Benteng', type: 'pengawas' });
  });

  it('satisfies the invariants at the default size', () => checkInvariants(d, 5000));

  it('has a realistic mix of statuses, genders and OPDs', () => {
    const share = (f: (e: DemoData['employees'][number]) => boolean) => d.employees.filter(f).length / 5000;
    expect(share((e) => e.status === 'PPPK')).toBeGreaterThan(0.22);
    expect(share((e) => e.status === 'PPPK')).toBeLessThan(0.38);
    expect(share((e) => e.status === 'CPNS')).toBeGreaterThan(0.01);
    expect(share((e) => e.status === 'CPNS')).toBeLessThan(0.08);
    const opd = new Map(d.units.map((u) => [u.code, u.opdCode]));
    expect(share((e) => opd.get(e.unitCode) === 'DISDIK')).toBeGreaterThan(0.2);
    // Given names agree with the sex digit of the NIP.
    const female = new Set([...N.GIVEN_CHRISTIAN_F, ...N.GIVEN_MUSLIM_F, ...N.MIDDLE_F, 'Wa']);
    const male = new Set([...N.GIVEN_CHRISTIAN_M, ...N.GIVEN_MUSLIM_M, ...N.MIDDLE_M, 'La']);
    for (const e of d.employees) {
      const first = e.name.split(' ')[0]!;
      expect((e.gender === 'P' ? female : male).has(first)).toBe(true);
    }
  });

  it('finds the Disdukcapil atasan and one of their staff', () => {
    const { atasan, pegawai } = pickDemoAccounts(d);
    expect(atasan!.isHead).toBe(true);
    expect(atasan!.unitCode).toMatch(/^DISDUKCAPIL-BID\d$/);
    expect(pegawai!.supervisorIndex).toBe(atasan!.index);
    expect(pegawai!.isHead).toBe(false);
  });

  it('holds its invariants for any seed and small size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 1500 }), (seed, n) => {
        checkInvariants(generateDemo({ seed, employees: n }), n);
      }),
      { numRuns: 12 },
    );
  });

  it('scales to 100,000 employees with unique NIPs', () => {
    const t = performance.now();
    const big = generateDemo({ seed: 3, employees: 100_000 });
    expect(performance.now() - t).toBeLessThan(15_000);
    expect(new Set(big.employees.map((e) => e.nip)).size).toBe(100_000);
    expect(big.employees.every((e) => decodeNip(e.nip).ok)).toBe(true);
  });
});
