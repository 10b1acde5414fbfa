import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  parseDateInput,
  setTimeZone,
  timeZone,
  zoneName,
} from './format';

describe('format', () => {
  it('shows dates as dd/mm/yyyy and instants in WIT', () => {
    expect(formatDate('2026-11-28')).toBe('28/11/2026');
    expect(formatDateTime('2026-11-28T16:30:00Z')).toBe('29/11/2026 01:30');
  });
  it('shows instants in the signed-in tenant’s zone once it is known, and ignores an unknown zone', () => {
    try {
      setTimeZone('Asia/Jakarta');
      expect(formatDateTime('2026-11-28T16:30:00Z')).toBe('28/11/2026 23:30');
      expect(zoneName()).toBe('WIB');
      setTimeZone('Asia/Ambon');
      expect(timeZone()).toBe('Asia/Jakarta');
    } finally {
      setTimeZone('Asia/Jayapura');
    }
    expect(zoneName()).toBe('WIT');
  });
  it('groups thousands with a dot', () => {
    expect(formatNumber(48000)).toBe('48.000');
  });
  it('reads what people type', () => {
    expect(parseDateInput('1/2/2026')).toBe('2026-02-01');
    expect(parseDateInput('31/02/2026')).toBeNull();
    expect(parseDateInput('kemarin')).toBeNull();
  });
});
