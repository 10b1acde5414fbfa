import { describe, expect, it } from 'vitest';
import { suggestedLevel } from './class-defaults.js';
import { COMPETENCY_DICTIONARY } from './dictionary.js';

describe('competency dictionary', () => {
  it('has the nine M/SK competencies and three teknis ones, each with five described levels', () => {
    expect(COMPETENCY_DICTIONARY.map((c) => c.code)).toEqual([
      ...['M.1', 'M.2', 'M.3', 'M.4', 'M.5', 'M.6', 'M.7', 'M.8', 'SK.1', 'T.1', 'T.2', 'T.3'],
    ]);
    for (const c of COMPETENCY_DICTIONARY) {
      expect(c.group).toBe(c.code.split('.')[0]);
      expect(c.definition.length).toBeGreaterThan(40);
      expect(c.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
      for (const l of c.levels) {
        expect(l.title.length).toBeGreaterThan(5);
        expect(l.description).toMatch(/\.$/);
        expect(l.indicators.length).toBeGreaterThanOrEqual(c.group === 'T' ? 2 : 3);
      }
    }
  });

  it('carries the lampiran text of PermenPANRB 38/2017 for the nine M/SK competencies, with its source', () => {
    const regulated = COMPETENCY_DICTIONARY.filter((c) => c.group !== 'T');
    expect(regulated).toHaveLength(9);
    for (const c of regulated) {
      expect(c.source?.regulation).toMatch(/Nomor 38 Tahun 2017/);
      expect(c.source?.part).toMatch(/Lampiran/);
      expect(c.source?.copies.length).toBeGreaterThanOrEqual(2);
      expect(c.source?.verified).toBe(true);
      for (const l of c.levels) {
        expect(l.indicators.length).toBeGreaterThanOrEqual(3);
        expect(l.indicators.length).toBeLessThanOrEqual(4);
        expect(new Set(l.indicators).size).toBe(l.indicators.length);
      }
    }
    const byCode = new Map(regulated.map((c) => [c.code, c]));
    // Spot checks against the lampiran: M.7 level 5, SK.1 level 1 and the four indicators of M.1 level 2.
    expect(byCode.get('M.7')!.levels[4]!.title).toBe(
      'Memimpin, menggalang dan menggerakkan dukungan pemangku kepentingan untuk menjalankan perubahan secara berkelanjutan pada tingkat instansi/nasional',
    );
    expect(byCode.get('SK.1')!.levels[0]!.title).toBe('Peka memahami dan menerima kemajemukan');
    expect(byCode.get('M.1')!.levels[1]!.indicators).toHaveLength(4);
    expect(byCode.get('M.1')!.definition).toMatch(
      /^Konsisten berperilaku selaras dengan nilai, norma dan\/atau etika organisasi/,
    );
    // Titles fit the dictionary form (300 characters).
    for (const c of regulated) for (const l of c.levels) expect(l.title.length).toBeLessThanOrEqual(300);
  });

  it('suggests class defaults (§11.6) as a starting point', () => {
    expect(suggestedLevel('jpt_madya', null)).toBe(5);
    expect(suggestedLevel('jpt_pratama', null)).toBe(4);
    expect(suggestedLevel('administrator', null)).toBe(3);
    expect(suggestedLevel('pengawas', null)).toBe(2);
    expect(suggestedLevel('pelaksana', null)).toBe(1);
    expect(suggestedLevel('fungsional_keahlian', 'ahli_muda')).toBe(3);
    expect(suggestedLevel('fungsional_keterampilan', 'penyelia')).toBe(3);
    expect(suggestedLevel('fungsional_keahlian', null)).toBe(1);
  });
});
