import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeNip,
  encodeNip,
  formatNip,
  looksScientific,
  MIN_AGE_AT_APPOINTMENT,
  normalizeNip,
  type NipProblem,
} from './nip.js';
import { problemText } from './problems.js';

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
    ['196711101970031001', 'nip.tooYoung'],
    ['196711101960031001', 'nip.appointmentBeforeBirth'],
    ['199005012020201001', 'nip.batch'],
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
        // 20 years on, anyone is of age for either kind (PNS 18, PPPK 20).
        fc.integer({ min: 20, max: 40 }),
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

describe('dates a NIP can hold', () => {
  const today = '2026-12-02';
  it('refuses a birth date after today, naming the birth-date part', () => {
    const r = decodeNip('203001012050011001', { today });
    expect(r).toMatchObject({ ok: false, problem: { code: 'nip.birthFuture' } });
    expect(problemText((r as { problem: NipProblem }).problem).id).toMatch(/8 angka pertama/);
  });
  it('refuses a TMT after today, unless within the lead for appointments being prepared', () => {
    expect(decodeNip('199001012050011001', { today })).toMatchObject({
      ok: false,
      problem: { code: 'nip.appointmentFuture', kind: 'PNS' },
    });
    expect(decodeNip('199001012027011001', { today }).ok).toBe(false);
    expect(decodeNip('199001012027011001', { today, appointmentLeadDays: 30 }).ok).toBe(true);
    expect(decodeNip('199001012026121001', { today }).ok).toBe(true);
    // A PPPK TMT is a year: next year is in the future, this year is not.
    expect(decodeNip('199001012027211001', { today }).ok).toBe(false);
    expect(decodeNip('199001012026211001', { today }).ok).toBe(true);
  });
  it('requires 18 at the TMT of a CPNS and 20 of a PPPK, citing the regulation', () => {
    // Born 1 Jan 2012, TMT January 2026: 14 years old.
    const r = decodeNip('201201012026011001', { today });
    expect(r).toMatchObject({ ok: false, problem: { code: 'nip.tooYoung', kind: 'PNS', age: 14, min: 18 } });
    expect(problemText((r as { problem: NipProblem }).problem).id).toMatch(/PP 11\/2017 Pasal 23/);
    expect(decodeNip('200801012026011001', { today }).ok).toBe(true);
    // PPPK: 19 at the end of the TMT year is too young; 20 is enough.
    expect(decodeNip('200601012025211001', { today })).toMatchObject({
      ok: false,
      problem: { code: 'nip.tooYoung', kind: 'PPPK', min: 20 },
    });
    expect(decodeNip('200512312025211001', { today }).ok).toBe(true);
  });
  it('a TMT before the birth date says so, not "too close"', () => {
    const r = decodeNip('199001011989011001', { today });
    expect(r).toMatchObject({ ok: false, problem: { code: 'nip.appointmentBeforeBirth' } });
    expect(problemText((r as { problem: NipProblem }).problem).id).toMatch(/lebih awal dari tanggal lahir/);
  });
  it('a PPPK batch digit 0 is named as the batch, not the TMT', () => {
    const r = decodeNip('199001012022201001', { today });
    expect(r).toMatchObject({ ok: false, problem: { code: 'nip.batch' } });
    expect(problemText((r as { problem: NipProblem }).problem).id).toMatch(/angkatan/);
  });
  it('whatever it accepts holds a birth date up to today and a TMT at the minimum age or later', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^(19[5-9]\d|20[0-3]\d)(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{4}\d{2}[12]\d{3}$/),
        (nip) => {
          const r = decodeNip(nip, { today });
          if (!r.ok) return;
          expect(r.value.birthDate <= today).toBe(true);
          expect(r.value.appointmentYear <= 2026).toBe(true);
          expect(r.value.appointmentYear - Number(r.value.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(
            MIN_AGE_AT_APPOINTMENT[r.value.kind].years,
          );
        },
      ),
    );
  });
});
