import { describe, expect, it } from 'vitest';
import { parseDay } from './ac-import.js';
import { sniffType } from './service.js';

describe('assessment-centre dates', () => {
  it('reads ISO, dd/mm/yyyy and Excel day numbers; refuses impossible dates', () => {
    expect(parseDay('2026-03-02')).toBe('2026-03-02');
    expect(parseDay('2/3/2026')).toBe('2026-03-02');
    expect(parseDay('02-03-2026')).toBe('2026-03-02');
    expect(parseDay('46083')).toBe('2026-03-02');
    expect(parseDay('31/02/2026')).toBeNull();
    expect(parseDay('2026-13-01')).toBeNull();
    expect(parseDay('kemarin')).toBeNull();
  });
});

describe('evidence file types', () => {
  it('knows PDF, JPEG and PNG by their first bytes, nothing else', () => {
    expect(sniffType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffType(Buffer.from('<html>'))).toBeNull();
    expect(sniffType(Buffer.from('PK\u0003\u0004'))).toBeNull();
  });
});
