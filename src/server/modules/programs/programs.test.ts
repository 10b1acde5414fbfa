import { describe, expect, it } from 'vitest';
import { agreementStatus } from '../partners/service.js';
import { eligibilityReasons } from './eligibility.js';
import { homeCityOf, sameCity } from '../../../domain/tenant.js';

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
  it('knows the home city however it is written, and no other', () => {
    expect(sameCity('Ambon', 'Ambon')).toBe(true);
    expect(sameCity(' kota  ambon ', 'Ambon')).toBe(true);
    expect(sameCity('AMBON', 'Kota Ambon')).toBe(true);
    expect(sameCity('Kabupaten Maluku Tengah', 'maluku tengah')).toBe(true);
    expect(sameCity('Ambon Timur', 'Ambon')).toBe(false);
    expect(sameCity('Surabaya', 'Ambon')).toBe(false);
    expect(sameCity('', '')).toBe(false);
  });
  it('takes the home city from the tenant name unless a setting gives it', () => {
    expect(homeCityOf('Pemerintah Kota Ambon')).toBe('Ambon');
    expect(homeCityOf('Pemerintah Kabupaten Maluku Tengah')).toBe('Maluku Tengah');
    expect(homeCityOf('Pemerintah Kota Tual', ' Langgur ')).toBe('Langgur');
    expect(homeCityOf('Pemerintah Kota Tual', '  ')).toBe('Tual');
  });
});
