import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTimeZone, localDate, localDateTime, todayIn, yearIn, zoneLabel } from './time.js';

const at = (iso: string) => new Date(iso);

describe('local dates of a tenant', () => {
  it('midnight in Ambon (WIT, UTC+9) comes nine hours before midnight in UTC', () => {
    expect(localDate('Asia/Jayapura', at('2026-03-31T14:59:59Z'))).toBe('2026-03-31');
    expect(localDate('Asia/Jayapura', at('2026-03-31T15:00:00Z'))).toBe('2026-04-01');
    // The same instants in Jakarta (WIB, UTC+7) are still 31 March.
    expect(localDate('Asia/Jakarta', at('2026-03-31T15:00:00Z'))).toBe('2026-03-31');
    expect(localDate('Asia/Jakarta', at('2026-03-31T17:00:00Z'))).toBe('2026-04-01');
  });

  it('month end: 1 March after 28 February in a common year, in each zone', () => {
    expect(todayIn('Asia/Makassar', at('2027-02-28T15:59:00Z'))).toBe('2027-02-28');
    expect(todayIn('Asia/Makassar', at('2027-02-28T16:00:00Z'))).toBe('2027-03-01');
  });

  it('year end: 00:00–09:00 WIT on 1 January belongs to the new year, though UTC is still in the old one', () => {
    expect(yearIn('Asia/Jayapura', at('2026-12-31T14:59:59Z'))).toBe(2026);
    expect(yearIn('Asia/Jayapura', at('2026-12-31T15:00:00Z'))).toBe(2027);
    expect(yearIn('Asia/Jayapura', at('2026-12-31T23:59:00Z'))).toBe(2027);
    expect(yearIn('Asia/Jakarta', at('2026-12-31T16:59:59Z'))).toBe(2026);
    expect(yearIn('Asia/Jakarta', at('2026-12-31T17:00:00Z'))).toBe(2027);
  });

  it('is the UTC date shifted by the zone offset (Indonesia keeps no daylight saving)', () => {
    const offsets = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 } as const;
    fc.assert(
      fc.property(
        fc.date({ min: at('1990-01-01T00:00:00Z'), max: at('2090-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...(Object.keys(offsets) as (keyof typeof offsets)[])),
        (d, zone) => {
          const shifted = new Date(d.getTime() + offsets[zone] * 3_600_000).toISOString().slice(0, 10);
          expect(localDate(zone, d)).toBe(shifted);
          expect(yearIn(zone, d)).toBe(Number(shifted.slice(0, 4)));
        },
      ),
    );
  });

  it('prints a time with the zone people know it by', () => {
    expect(localDateTime('Asia/Jayapura', at('2026-11-28T00:15:00Z'))).toBe('28/11/2026 09.15 WIT');
    expect(localDateTime('Asia/Jakarta', at('2026-11-28T00:15:00Z'))).toBe('28/11/2026 07.15 WIB');
    expect(localDateTime('Asia/Makassar', at('2026-11-28T00:15:00Z'), { year: false })).toBe(
      '28/11 08.15 WITA',
    );
    expect(localDateTime('Asia/Jayapura', at('2026-11-28T15:00:00Z'))).toBe('29/11/2026 00.00 WIT');
    expect(zoneLabel('Europe/Amsterdam')).toBe('Europe/Amsterdam');
  });

  it('knows which zone names exist', () => {
    expect(isTimeZone('Asia/Jayapura')).toBe(true);
    expect(isTimeZone('Asia/Ambon')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
