/**
 * Suggested required level per position class (domain.md §11.6, disputed): only a starting point
 * that the agency edits into its own SKJ; the stored target per position is what counts.
 */

import type { PositionType } from '../org.js';

const BY_TYPE: Partial<Record<PositionType, number>> = {
  jpt_utama: 5,
  jpt_madya: 5,
  jpt_pratama: 4,
  administrator: 3,
  pengawas: 2,
  pelaksana: 1,
};

const BY_FUNCTIONAL_LEVEL: Record<string, number> = {
  pemula: 1,
  terampil: 2,
  mahir: 2,
  penyelia: 3,
  ahli_pertama: 2,
  ahli_muda: 3,
  ahli_madya: 4,
  ahli_utama: 5,
};

/** The class default for a position, 1–5 (unknown classes: 1). */
export function suggestedLevel(type: string, level: string | null): number {
  return BY_TYPE[type as PositionType] ?? (level ? BY_FUNCTIONAL_LEVEL[level] : undefined) ?? 1;
}
