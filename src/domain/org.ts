/** Kinds of organisational units and of positions (jabatan). */

export const UNIT_KINDS = [
  'pemda',
  'sekretariat',
  'inspektorat',
  'dinas',
  'badan',
  'satpol',
  'kecamatan',
  'kelurahan',
  'negeri',
  'desa',
  'bagian',
  'bidang',
  'subbagian',
  'subbidang',
  'seksi',
  'uptd',
  'unit',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const POSITION_TYPES = [
  'jpt_utama',
  'jpt_madya',
  'jpt_pratama',
  'administrator',
  'pengawas',
  'pelaksana',
  'fungsional_keahlian',
  'fungsional_keterampilan',
] as const;
export type PositionType = (typeof POSITION_TYPES)[number];

export const FUNCTIONAL_LEVELS = {
  fungsional_keahlian: ['ahli_pertama', 'ahli_muda', 'ahli_madya', 'ahli_utama'],
  fungsional_keterampilan: ['pemula', 'terampil', 'mahir', 'penyelia'],
} as const;
export type FunctionalLevel =
  | (typeof FUNCTIONAL_LEVELS.fungsional_keahlian)[number]
  | (typeof FUNCTIONAL_LEVELS.fungsional_keterampilan)[number];

export function isManagerial(t: PositionType): boolean {
  return t.startsWith('jpt_') || t === 'administrator' || t === 'pengawas';
}

/** A level is required for functional positions and forbidden elsewhere. */
export function levelFits(type: PositionType, level: string | null | undefined): boolean {
  if (type === 'fungsional_keahlian' || type === 'fungsional_keterampilan') {
    return (FUNCTIONAL_LEVELS[type] as readonly string[]).includes(level ?? '');
  }
  return level == null || level === '';
}

/** Full name with academic titles: "Dr. Maria Latuheru, S.E., M.Si." */
export function fullName(name: string, frontTitle?: string | null, backTitle?: string | null): string {
  const front = frontTitle?.trim();
  const back = backTitle?.trim();
  return `${front ? front + ' ' : ''}${name.trim()}${back ? ', ' + back : ''}`;
}
