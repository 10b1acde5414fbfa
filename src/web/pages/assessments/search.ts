/** URL search parameters of the assessment screens (plain strings, validated here). */
export const ASSESS_SOURCES = ['self', 'atasan', 'peer'] as const;
export type AssessSource = (typeof ASSESS_SOURCES)[number];

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export const tasksSearch = (s: Record<string, unknown>): { disimpan?: string } => ({
  disimpan: str(s.disimpan),
});

export const assessSearch = (s: Record<string, unknown>): { sumber?: AssessSource } => {
  const v = str(s.sumber);
  return {
    sumber: (ASSESS_SOURCES as readonly string[]).includes(v ?? '') ? (v as AssessSource) : undefined,
  };
};

export const campaignSearch = (s: Record<string, unknown>): { id?: string } => ({ id: str(s.id) });
