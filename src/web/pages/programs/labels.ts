import { DEVELOPMENT_FORMS, formByCode, LEARNING_PATHS } from '../../../domain/learning/forms';
import { currentLang } from '../../i18n';
import { formatDate } from '../../lib/format';

/** "Workshop/lokakarya" (the form's name in the current language). */
export const formLabel = (code: string) => formByCode(code)?.label[currentLang()] ?? code;

/** Form choices grouped by path, for selects. */
export function formOptions(pathLabel: (p: string) => string) {
  return LEARNING_PATHS.map((p) => ({
    group: pathLabel(p),
    items: DEVELOPMENT_FORMS.filter((f) => f.path === p).map((f) => ({
      value: f.code,
      label: `${f.label[currentLang()]} (${f.code})`,
    })),
  }));
}

const rupiahFmt = new Intl.NumberFormat('id-ID');
/** Rp 1.500.000 */
export const rupiah = (n: number) => `Rp ${rupiahFmt.format(n)}`;

/** "02/03/2026" or "02/03/2026 – 05/03/2026" from the first and last session. */
export function dateSpan(first: string | null, last: string | null): string {
  if (!first) return '—';
  const a = formatDate(first);
  const b = formatDate(last);
  return a === b || !last ? a : `${a} – ${b}`;
}

/** "2026-03-02T09:00" → "02/03/2026 09:00" */
export const localDateTime = (v: string) => `${formatDate(v.slice(0, 10))} ${v.slice(11, 16)}`;

export const STATUS_COLOR: Record<string, string> = {
  draft: 'gray.8',
  published: 'teal.9',
  closed: 'blue.9',
  cancelled: 'red.9',
};
