/** Shape of the kamus kompetensi reference data (see dictionary.ts). */

export type CompetencyGroup = 'M' | 'SK' | 'T';

export interface DictionaryLevel {
  level: number;
  title: string;
  description: string;
  indicators: string[];
}

export interface DictionaryEntry {
  code: string;
  group: CompetencyGroup;
  name: string;
  definition: string;
  levels: DictionaryLevel[];
}

type LevelText = readonly [title: string, description: string, indicator1: string, indicator2: string];

export function entry(
  code: string,
  group: CompetencyGroup,
  name: string,
  definition: string,
  levels: readonly LevelText[],
): DictionaryEntry {
  return {
    code,
    group,
    name,
    definition,
    levels: levels.map(([title, description, a, b], i) => ({
      level: i + 1,
      title,
      description,
      indicators: [a, b],
    })),
  };
}
