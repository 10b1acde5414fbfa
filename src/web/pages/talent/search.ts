const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const BOXES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'incomplete'] as const;
export type BoxChoice = (typeof BOXES)[number];

export const talentSearch = (
  s: Record<string, unknown>,
): { unitId?: string; year?: number; box?: BoxChoice; page?: number } => {
  const year = Number(s.year);
  const box = String(s.box ?? '');
  return {
    unitId: str(s.unitId),
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    box: (BOXES as readonly string[]).includes(box) ? (box as BoxChoice) : undefined,
    page: Number(s.page) > 1 ? Math.floor(Number(s.page)) : undefined,
  };
};
