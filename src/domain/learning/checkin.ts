/**
 * Codes for attendance and certificates (issue: Programmes and partners, items 4 and 5).
 *
 * - Rotating check-in code: the organiser's screen shows a QR code that changes every 30 s; it is
 *   HMAC-SHA256(session secret, "sessionId.window") truncated to a short code. The participant's
 *   phone sends it back; the server accepts the current window and `allowPrevious` earlier ones,
 *   so a scan that reaches the server late on a weak network still counts.
 * - Certificate number: "ASAH/2026/000123" (tenant code / year / sequence).
 * - Verification code for the public `/verifikasi/{code}` page: random, URL-safe, unambiguous.
 *
 * All codes use one alphabet of 32 characters without 0/O and 1/I, so they read and type safely,
 * and a byte maps to a character without bias (byte & 31). Randomness is injected.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** 32 characters: digits 2–9 and A–Z without I and O. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export const CHECKIN_PERIOD_SECONDS = 30;
export const CHECKIN_CODE_LENGTH = 6;

const toMs = (t: Date | number) => (t instanceof Date ? t.getTime() : t);

/** The time window a moment falls in (counter of `periodSeconds` since the epoch). */
export const checkinWindow = (time: Date | number, periodSeconds = CHECKIN_PERIOD_SECONDS) =>
  Math.floor(toMs(time) / 1000 / periodSeconds);

/** Seconds until the code shown at `time` changes (for the organiser's countdown). */
export function secondsToNextCode(time: Date | number, periodSeconds = CHECKIN_PERIOD_SECONDS): number {
  const periodMs = periodSeconds * 1000;
  const ms = toMs(time);
  return Math.ceil((periodMs - (((ms % periodMs) + periodMs) % periodMs)) / 1000);
}

function codeForWindow(secret: string, sessionId: string, window: number, length: number): string {
  const mac = createHmac('sha256', secret).update(`${sessionId}.${window}`).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[mac[i]! & 31];
  return out;
}

/** The check-in code of a session at a moment. */
export function checkinCode(
  secret: string,
  sessionId: string,
  time: Date | number,
  periodSeconds = CHECKIN_PERIOD_SECONDS,
  length = CHECKIN_CODE_LENGTH,
): string {
  if (!secret) throw new RangeError('check-in secret is empty');
  if (!(periodSeconds > 0)) throw new RangeError('periodSeconds must be > 0');
  if (!Number.isInteger(length) || length < 4 || length > 32) throw new RangeError('length must be 4–32');
  return codeForWindow(secret, sessionId, checkinWindow(time, periodSeconds), length);
}

/** What a person typed or scanned, as a code: upper case, without spaces and dashes. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

export interface CheckinOptions {
  /** How many earlier windows still count (1 = the previous 30 s). */
  allowPrevious?: number;
  periodSeconds?: number;
  length?: number;
}

/**
 * How many windows old a valid code is (0 = current, 1 = previous …), or null when it is not a
 * code of this session in the accepted windows. Compares in constant time.
 */
export function checkinCodeAge(
  secret: string,
  sessionId: string,
  code: string,
  now: Date | number,
  {
    allowPrevious = 1,
    periodSeconds = CHECKIN_PERIOD_SECONDS,
    length = CHECKIN_CODE_LENGTH,
  }: CheckinOptions = {},
): number | null {
  const given = Buffer.from(normaliseCode(code));
  if (!secret || given.length !== length) return null;
  const current = checkinWindow(now, periodSeconds);
  let found: number | null = null;
  for (let age = 0; age <= Math.max(0, Math.floor(allowPrevious)); age++) {
    const expected = Buffer.from(codeForWindow(secret, sessionId, current - age, length));
    if (timingSafeEqual(expected, given) && found === null) found = age;
  }
  return found;
}

/** Whether a check-in code is valid now (current window or up to `allowPrevious` earlier ones). */
export const verifyCheckin = (
  secret: string,
  sessionId: string,
  code: string,
  now: Date | number,
  options: CheckinOptions = {},
): boolean => checkinCodeAge(secret, sessionId, code, now, options) !== null;

// ---------------------------------------------------------------------------------------------
// Certificates

export interface CertificateNumberParts {
  /** The tenant's code, e.g. "ASAH" or "AMBON" (A–Z, 0–9, dot or dash; upper case). */
  prefix: string;
  year: number;
  /** 1, 2, 3 … within the tenant and year. */
  sequence: number;
}

const PREFIX = /^[A-Z0-9][A-Z0-9.-]{0,19}$/;
const NUMBER = /^([A-Z0-9][A-Z0-9.-]{0,19})\/(\d{4})\/(\d{6,})$/;

/**
 * A tenant's certificate prefix: its setting `certificatePrefix` when given, else "BKPSDM-" + the tenant
 * code; made valid: upper case, only A–Z, 0–9, dot and dash, starting with a letter or digit, at most 20
 * characters; "ASAH" when nothing is left.
 */
export function certificatePrefix(tenantCode: string, setting?: string | null): string {
  const p = (setting?.trim() || `BKPSDM-${tenantCode}`)
    .toUpperCase()
    .replace(/[^A-Z0-9.-]/g, '')
    .replace(/^[.-]+/, '')
    .slice(0, 20);
  return p || 'ASAH';
}

/** "ASAH/2026/000123": prefix / year / sequence padded to at least 6 digits. */
export function certificateNumber({ prefix, year, sequence }: CertificateNumberParts): string {
  const p = prefix.trim().toUpperCase();
  if (!PREFIX.test(p)) throw new RangeError(`certificate prefix "${prefix}" is not A–Z/0–9 (max 20)`);
  if (!Number.isInteger(year) || year < 1900 || year > 9999)
    throw new RangeError(`year ${year} is not valid`);
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new RangeError(`sequence ${sequence} is not ≥ 1`);
  return `${p}/${year}/${String(sequence).padStart(6, '0')}`;
}

export function parseCertificateNumber(value: string): CertificateNumberParts | null {
  const m = NUMBER.exec(value.trim().toUpperCase());
  if (!m) return null;
  const sequence = Number(m[3]);
  if (!Number.isSafeInteger(sequence) || sequence < 1) return null;
  return { prefix: m[1]!, year: Number(m[2]), sequence };
}

export const VERIFICATION_CODE_LENGTH = 12;

/**
 * A random verification code for `/verifikasi/{code}`: `length` (≥ 10, default 12 → 60 bits)
 * characters of CODE_ALPHABET, URL-safe as is. `randomBytes` is injected (node:crypto's
 * randomBytes on the server; a seeded source in tests and demo data).
 */
export function verificationCode(
  randomBytes: (n: number) => Uint8Array,
  length = VERIFICATION_CODE_LENGTH,
): string {
  if (!Number.isInteger(length) || length < 10 || length > 64) throw new RangeError('length must be 10–64');
  const bytes = randomBytes(length);
  if (bytes.length < length) throw new RangeError('randomBytes returned too few bytes');
  let out = '';
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[bytes[i]! & 31];
  return out;
}

const CODE_RE = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10,64}$/;

/** Whether a string can be a verification code at all (checked before any database look-up). */
export const isVerificationCode = (value: string) => CODE_RE.test(value);
