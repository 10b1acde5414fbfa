import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeGolongan,
  golonganRank,
  parseGolongan,
  parsePnsGolongan,
  parsePppkGolongan,
  PNS_GOLONGAN,
  PPPK_GOLONGAN,
} from './golongan.js';

describe('golongan', () => {
  it('has the 17 PNS steps with codes 11–45 and their pangkat', () => {
    expect(PNS_GOLONGAN).toHaveLength(17);
    expect(PNS_GOLONGAN[0]).toEqual({ code: 11, golongan: 'I/a', rank: 'Juru Muda' });
    expect(PNS_GOLONGAN.at(-1)).toEqual({ code: 45, golongan: 'IV/e', rank: 'Pembina Utama' });
    expect(PNS_GOLONGAN.find((g) => g.golongan === 'III/a')?.rank).toBe('Penata Muda');
  });

  it.each(['III/a', 'iii/a', 'III a', 'III-a', '3a', '3/A', '31', ' III/a '])('reads %s as III/a', (raw) => {
    expect(parsePnsGolongan(raw)?.golongan).toBe('III/a');
  });

  it.each(['V/a', 'II/f', '46', 'IIII/a', '', 'abc'])('rejects %s', (raw) => {
    expect(parsePnsGolongan(raw)).toBeNull();
  });

  it('reads PPPK golongan I–XVII, in Roman or Arabic numerals', () => {
    expect(PPPK_GOLONGAN).toHaveLength(17);
    expect(parsePppkGolongan('ix')).toBe('IX');
    expect(parsePppkGolongan('9')).toBe('IX');
    expect(parsePppkGolongan('XVIII')).toBeNull();
    expect(parsePppkGolongan('18')).toBeNull();
  });

  it('checks golongan against the status', () => {
    expect(parseGolongan('III/a', 'PNS')).toBe('III/a');
    expect(parseGolongan('III/a', 'PPPK')).toBeNull();
    expect(parseGolongan('IX', 'PPPK')).toBe('IX');
    expect(parseGolongan('II/a', 'CPNS')).toBe('II/a');
  });

  it('describes a golongan with its meaning, never a bare code', () => {
    expect(describeGolongan('III/a')).toBe('III/a — Penata Muda');
    expect(describeGolongan('IX')).toBe('IX (PPPK)');
    expect(describeGolongan(null)).toBe('—');
  });

  it('every canonical form reads back to itself and ranks in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 16 }), (i, j) => {
        const a = PNS_GOLONGAN[i]!;
        const b = PNS_GOLONGAN[j]!;
        expect(parsePnsGolongan(a.golongan)).toEqual(a);
        expect(parsePnsGolongan(String(a.code))).toEqual(a);
        expect(Math.sign(golonganRank(a.golongan) - golonganRank(b.golongan))).toBe(Math.sign(i - j));
      }),
    );
  });
});
