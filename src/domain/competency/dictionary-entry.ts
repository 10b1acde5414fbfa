/** Shape of the kamus kompetensi reference data (see dictionary.ts). */

export type CompetencyGroup = 'M' | 'SK' | 'T';

export interface DictionaryLevel {
  level: number;
  title: string;
  description: string;
  indicators: string[];
}

/** The regulation (and the public copies of it) a dictionary entry's text was transcribed from. */
export interface DictionarySource {
  regulation: string;
  part: string;
  copies: readonly string[];
  /** False where no copy of the text could be found and Asah's own wording is kept. */
  verified: boolean;
}

export interface DictionaryEntry {
  code: string;
  group: CompetencyGroup;
  name: string;
  definition: string;
  levels: DictionaryLevel[];
  /** Set for text taken from a regulation; Asah's own teknis examples have none. */
  source?: DictionarySource;
}

type LevelText = readonly [title: string, description: string, indicator1: string, indicator2: string];
type RegulationLevelText = readonly [title: string, description: string, ...indicators: string[]];

const toLevels = (levels: readonly (readonly [string, string, ...string[]])[]): DictionaryLevel[] =>
  levels.map(([title, description, ...indicators], i) => ({ level: i + 1, title, description, indicators }));

export function entry(
  code: string,
  group: CompetencyGroup,
  name: string,
  definition: string,
  levels: readonly LevelText[],
): DictionaryEntry {
  return { code, group, name, definition, levels: toLevels(levels) };
}

/** An entry transcribed from a regulation: its levels carry the regulation's indicators (three or four). */
export function regulationEntry(
  code: string,
  group: CompetencyGroup,
  name: string,
  definition: string,
  source: DictionarySource,
  levels: readonly RegulationLevelText[],
): DictionaryEntry {
  return { code, group, name, definition, source, levels: toLevels(levels) };
}
