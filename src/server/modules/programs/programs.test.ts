import { describe, expect, it } from 'vitest';
import { agreementStatus } from '../partners/service.js';
import { eligibilityReasons } from './eligibility.js';
import { isAmbon } from './service.js';

describe('eligibility', () => {
  const program = {
    status: 'published',
    eligiblePositionTypes: [] as string[],
    eligibleGolongan: [] as string[],
  };
  const employee = { active: true, positionType: 'pelaksana', golongan: 'II/c' };
  it('empty lists mean everyone', () => {
    expect(eligibilityReasons({ program, employee })).toEqual([]);
  });
  it('names every reason', () => {
    const reasons = eligibilityReasons({
      program: { status: 'draft', eligiblePositionTypes: ['pengawas'], eligibleGolongan: ['III/a'] },
      employee: { ...employee, active: false },
    });
    expect(reasons.map((r) => r.code)).toEqual(['notPublished', 'inactive', 'positionType', 'golongan']);
    expect(reasons[3]!.message.id).toContain('II/c');
  });
});

describe('agreement status and city', () => {
  it('berlaku until the reminder window, then segera berakhir, then berakhir', () => {
    expect(agreementStatus(61, 60)).toBe('berlaku');
    expect(agreementStatus(60, 60)).toBe('segera_berakhir');
    expect(agreementStatus(0, 60)).toBe('segera_berakhir');
    expect(agreementStatus(-1, 60)).toBe('berakhir');
  });
  it('knows Ambon however it is written', () => {
    expect(isAmbon('Ambon')).toBe(true);
    expect(isAmbon(' kota ambon ')).toBe(true);
    expect(isAmbon('Surabaya')).toBe(false);
  });
});
