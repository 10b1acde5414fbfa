import { describe, expect, it } from 'vitest';
import { computeJp } from '../../../domain/learning/jp.js';
import { JP_RULES_2018 } from '../../../domain/learning/jp-rules.js';
import { agreementStatus } from '../partners/service.js';
import { eligibilityReasons } from './eligibility.js';
import { jpInputOf } from './jp.js';
import { homeCityOf, sameCity } from '../../../domain/tenant.js';

const s = (startDate: string, endDate: string, minutes: number) => ({ startDate, endDate, minutes });

describe('programme JP input from sessions', () => {
  it('counts every calendar day a session covers, once', () => {
    const input = jpInputOf({ form: 'B7', scope: 'nasional', scheduledJp: null }, [
      s('2026-03-02', '2026-03-04', 3 * 24 * 60),
      s('2026-03-03', '2026-03-03', 120),
    ]);
    expect(input.days).toBe(3);
    const o = computeJp(input, JP_RULES_2018);
    expect(o.ok && o.jp).toBe(15);
  });

  it('uses the scheduled JP when given, else the sessions’ minutes', () => {
    expect(
      jpInputOf({ form: 'B3', scope: 'nasional', scheduledJp: 24 }, [s('2026-01-05', '2026-01-05', 90)])
        .scheduledJp,
    ).toBe(24);
    const byMinutes = jpInputOf({ form: 'B3', scope: 'nasional', scheduledJp: null }, [
      s('2026-01-05', '2026-01-05', 90),
    ]);
    expect(byMinutes.scheduledMinutes).toBe(90);
    const o = computeJp(byMinutes, JP_RULES_2018);
    expect(o.ok && o.jp).toBe(2);
  });

  it('caps e-learning per day from the sessions’ hours', () => {
    const input = jpInputOf({ form: 'C3', scope: 'nasional', scheduledJp: null }, [
      s('2026-02-01', '2026-02-01', 240),
      s('2026-02-02', '2026-02-02', 60),
    ]);
    const o = computeJp(input, JP_RULES_2018);
    // 4 h = 5.33 JP capped at 3; 1 h = 1.33 JP.
    expect(o.ok && o.jp).toBe(4.33);
  });

  it('needs a scheduled JP for an as-scheduled form without sessions', () => {
    const o = computeJp(jpInputOf({ form: 'B3', scope: 'nasional', scheduledJp: null }, []), JP_RULES_2018);
    expect(!o.ok && o.field).toBe('scheduledJp');
  });
});

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
