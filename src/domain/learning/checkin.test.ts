import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  certificateNumber,
  certificatePrefix,
  checkinCode,
  checkinCodeAge,
  checkinWindow,
  isVerificationCode,
  normaliseCode,
  parseCertificateNumber,
  secondsToNextCode,
  verificationCode,
  verifyCheckin,
} from './checkin.js';

const SECRET = 'f3c1a9e0b2d84c7e9a1b2c3d4e5f6a7b';
const SESSION = '5b0e8a8e-4c2b-4f7e-9d1a-2c3b4d5e6f70';
/** 5 s into a 30 s window. */
const NOW = Date.UTC(2026, 3, 6, 1, 0, 5);

describe('rotating check-in code', () => {
  it('is short, from the unambiguous alphabet, the same within a window, new in the next', () => {
    const code = checkinCode(SECRET, SESSION, NOW);
    expect(code).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/);
    expect(checkinCode(SECRET, SESSION, NOW + 20_000)).toBe(code);
    expect(checkinCode(SECRET, SESSION, new Date(NOW))).toBe(code);
    expect(checkinCode(SECRET, SESSION, NOW + 30_000)).not.toBe(code);
    expect(checkinCode(SECRET, 'other-session', NOW)).not.toBe(code);
    expect(checkinCode('another-secret', SESSION, NOW)).not.toBe(code);
  });

  it('accepts the current code and one from 31 s ago; rejects one from 90 s ago', () => {
    expect(verifyCheckin(SECRET, SESSION, checkinCode(SECRET, SESSION, NOW), NOW)).toBe(true);
    const late = checkinCode(SECRET, SESSION, NOW - 31_000);
    expect(verifyCheckin(SECRET, SESSION, late, NOW, { allowPrevious: 1 })).toBe(true);
    expect(checkinCodeAge(SECRET, SESSION, late, NOW)).toBe(1);
    expect(verifyCheckin(SECRET, SESSION, late, NOW, { allowPrevious: 0 })).toBe(false);
    const old = checkinCode(SECRET, SESSION, NOW - 90_000);
    expect(verifyCheckin(SECRET, SESSION, old, NOW, { allowPrevious: 1 })).toBe(false);
    // A code from the future (next window) is not accepted either.
    expect(verifyCheckin(SECRET, SESSION, checkinCode(SECRET, SESSION, NOW + 30_000), NOW)).toBe(false);
  });

  it('rejects a code of another session, a wrong secret, junk and empty input', () => {
    const code = checkinCode(SECRET, SESSION, NOW);
    expect(verifyCheckin(SECRET, 'other-session', code, NOW)).toBe(false);
    expect(verifyCheckin('other-secret', SESSION, code, NOW)).toBe(false);
    expect(verifyCheckin('', SESSION, code, NOW)).toBe(false);
    expect(verifyCheckin(SECRET, SESSION, '', NOW)).toBe(false);
    expect(verifyCheckin(SECRET, SESSION, `${code}X`, NOW)).toBe(false);
    expect(verifyCheckin(SECRET, SESSION, 'ÄÄÄÄÄÄ', NOW)).toBe(false);
  });

  it('accepts what a person types: lower case, spaces, dashes', () => {
    const code = checkinCode(SECRET, SESSION, NOW);
    const typed = `${code.slice(0, 3).toLowerCase()} -${code.slice(3)}`;
    expect(normaliseCode(typed)).toBe(code);
    expect(verifyCheckin(SECRET, SESSION, typed, NOW)).toBe(true);
  });

  it('counts down to the next code', () => {
    expect(secondsToNextCode(NOW)).toBe(25);
    expect(secondsToNextCode(Date.UTC(2026, 0, 1, 0, 0, 0))).toBe(30);
    expect(checkinWindow(NOW + 25_000)).toBe(checkinWindow(NOW) + 1);
  });

  it('any code is accepted for exactly its own and the next window (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        (shownAt, delay) => {
          const code = checkinCode(SECRET, SESSION, shownAt);
          const windows = checkinWindow(shownAt + delay) - checkinWindow(shownAt);
          // (A repeat of the same code two windows later has a chance of 1 in 32^6 per try.)
          expect(verifyCheckin(SECRET, SESSION, code, shownAt + delay)).toBe(windows <= 1);
          if (delay <= 30_000) expect(windows).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('refuses a bad configuration', () => {
    expect(() => checkinCode('', SESSION, NOW)).toThrow(RangeError);
    expect(() => checkinCode(SECRET, SESSION, NOW, 0)).toThrow(RangeError);
    expect(() => checkinCode(SECRET, SESSION, NOW, 30, 2)).toThrow(RangeError);
  });
});

describe('certificate numbers', () => {
  it('formats tenant code / year / sequence', () => {
    expect(certificateNumber({ prefix: 'ASAH', year: 2026, sequence: 123 })).toBe('ASAH/2026/000123');
    expect(certificateNumber({ prefix: 'bkpsdm-ambon', year: 2026, sequence: 1_234_567 })).toBe(
      'BKPSDM-AMBON/2026/1234567',
    );
    expect(() => certificateNumber({ prefix: 'A/B', year: 2026, sequence: 1 })).toThrow(RangeError);
    expect(() => certificateNumber({ prefix: 'ASAH', year: 26, sequence: 1 })).toThrow(RangeError);
    expect(() => certificateNumber({ prefix: 'ASAH', year: 2026, sequence: 0 })).toThrow(RangeError);
    expect(() => certificateNumber({ prefix: 'ASAH', year: 2026, sequence: 1.5 })).toThrow(RangeError);
  });

  it('makes a valid prefix from any tenant code and setting', () => {
    expect(certificatePrefix('ambon')).toBe('BKPSDM-AMBON');
    expect(certificatePrefix('ambon', 'bkd.ambon')).toBe('BKD.AMBON');
    expect(certificatePrefix('ambon', '  ')).toBe('BKPSDM-AMBON');
    expect(certificatePrefix('x', 'Kota Ambon / BKPSDM')).toBe('KOTAAMBONBKPSDM');
    expect(certificatePrefix('x', '-.x')).toBe('X');
    expect(certificatePrefix('', '-')).toBe('ASAH');
    expect(certificatePrefix('x', 'ééé')).toBe('ASAH');
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.option(fc.string({ maxLength: 40 })), (code, setting) => {
        expect(() =>
          certificateNumber({ prefix: certificatePrefix(code, setting), year: 2026, sequence: 1 }),
        ).not.toThrow();
      }),
    );
  });

  it('parses back what it formats', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9][A-Z0-9.-]{0,19}$/),
        fc.integer({ min: 1900, max: 9999 }),
        fc.integer({ min: 1, max: 99_999_999 }),
        (prefix, year, sequence) => {
          expect(parseCertificateNumber(certificateNumber({ prefix, year, sequence }))).toEqual({
            prefix,
            year,
            sequence,
          });
        },
      ),
    );
    expect(parseCertificateNumber('ASAH/2026/123')).toBeNull();
    expect(parseCertificateNumber('ASAH-2026-000123')).toBeNull();
    expect(parseCertificateNumber('ASAH/2026/000000')).toBeNull();
  });
});

describe('verification codes', () => {
  it('are random, URL-safe, at least 10 characters of the unambiguous alphabet', () => {
    const code = verificationCode(randomBytes);
    expect(code).toHaveLength(12);
    expect(encodeURIComponent(code)).toBe(code);
    expect(code).not.toMatch(/[01IO]/);
    expect(isVerificationCode(code)).toBe(true);
    expect(verificationCode(randomBytes, 20)).toHaveLength(20);
    expect(() => verificationCode(randomBytes, 9)).toThrow(RangeError);
    expect(() => verificationCode(() => new Uint8Array(3))).toThrow(RangeError);
    const many = new Set(Array.from({ length: 1000 }, () => verificationCode(randomBytes)));
    expect(many.size).toBe(1000);
  });

  it('are a pure function of the injected bytes, and use every character', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => i + 64);
    expect(verificationCode(() => bytes, 32)).toBe(CODE_ALPHABET);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (b) => {
        expect(verificationCode(() => b, 16)).toBe(verificationCode(() => b, 16));
        expect(isVerificationCode(verificationCode(() => b, 16))).toBe(true);
      }),
    );
  });

  it('tells junk from a possible code before any look-up', () => {
    for (const s of ['', 'short', 'ABCDEFGHJK0', "ABCDEFGHJK'", '../../etc/passwd', 'abcdefghjkmn'])
      expect(isVerificationCode(s)).toBe(false);
    expect(isVerificationCode('ABCDEFGHJK')).toBe(true);
  });
});
