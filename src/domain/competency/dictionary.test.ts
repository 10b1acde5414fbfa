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
        expect(l.indicators).toHaveLength(2);
      }
    }
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
