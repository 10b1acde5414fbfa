import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeNip, encodeNip, formatNip, looksScientific, normalizeNip } from './nip.js';

describe('decodeNip', () => {
  it('decodes a PNS NIP: birth date, TMT, gender, serial', () => {
    const r = decodeNip('196711101992031001');
    expect(r).toEqual({
      ok: true,
      value: {
        nip: '196711101992031001',
        kind: 'PNS',
        birthDate: '1967-11-10',
        appointment: '1992-03',
        appointmentYear: 1992,
        gender: 'L',
        serial: 1,
      },
    });
  });

  it('decodes a PPPK NIP: TMT year, batch, gender', () => {
    const r = decodeNip('200012312024211001');
    expect(r.ok && r.value).toMatchObject({
      kind: 'PPPK',
      birthDate: '2000-12-31',
      appointment: '2024',
      batch: 1,
      gender: 'L',
      serial: 1,
    });
  });

  it('accepts NIPs typed with spaces as printed on documents', () => {
    expect(decodeNip('19671110 199203 1 001').ok).toBe(true);
    expect(normalizeNip(' 19671110.199203.1.001 ')).toBe('196711101992031001');
  });

  it.each([
    ['', 'nip.empty'],
    ['19671110199203100', 'nip.length'],
    ['1967111019920310011', 'nip.length'],
    ['19671110199203100A', 'nip.notDigits'],
    ['1.96711E+17', 'nip.scientific'],
    ['196713101992031001', 'nip.birthDate'],
    ['196702301992031001', 'nip.birthDate'],
    ['196711101992131001', 'nip.appointment'],
    ['196711101992033001', 'nip.gender'],
    ['196711101992031000', 'nip.serial'],
    ['196711101970031001', 'nip.order'],
  ])('rejects %s with %s', (nip, code) => {
    const r = decodeNip(nip);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe(code);
  });

  it('tells Excel scientific notation apart', () => {
    expect(looksScientific('1.96711101992031E+17')).toBe(true);
    expect(looksScientific('1,97E+17')).toBe(true);
    expect(looksScientific('196711101992031001')).toBe(false);
  });

  it('formats for reading', () => {
    expect(formatNip('196711101992031001')).toBe('19671110 199203 1 001');
  });
});

const dateArb = fc
  .record({
    y: fc.integer({ min: 1940, max: 2005 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => ({ y, iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` }));

describe('NIP properties', () => {
  it('decode(encode(parts)) gives the parts back, for both layouts', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 18, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('L' as const, 'P' as const),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom('PNS' as const, 'PPPK' as const),
        fc.integer({ min: 1, max: 9 }),
        (birth, age, month, gender, serial, kind, batch) => {
          const year = birth.y + age;
          const appointment = kind === 'PNS' ? `${year}-${String(month).padStart(2, '0')}` : String(year);
          const nip = encodeNip({ birthDate: birth.iso, appointment, gender, serial, kind, batch });
          const r = decodeNip(nip);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.value).toMatchObject({ nip, kind, birthDate: birth.iso, appointment, gender, serial });
          if (kind === 'PPPK') expect(r.value.batch).toBe(batch);
        },
      ),
    );
  });

  it('any string that is not 18 digits is rejected, never thrown on', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = decodeNip(s);
        if (!/^\d{18}$/.test(normalizeNip(s))) expect(r.ok).toBe(false);
      }),
    );
  });
});
