/**
 * The paths (jalur) and forms (bentuk) of ASN competency development (domain.md §1.2), as data.
 *
 * Two paths: pendidikan and pelatihan; pelatihan splits into klasikal and nonklasikal. Every form
 * has a stable code (A… pendidikan, B… klasikal, C… nonklasikal) that programmes, learning records
 * and the JP rule sets (jp-rules.ts) refer to. The B and C numbering follows the JP conversion
 * table of domain.md §1.3; B12, C12 and C13 are the forms that table has no row for.
 *
 * Magang is nonklasikal (PP 11/2017 Pasal 212(3)), even though some apps list it as klasikal.
 */

export const LEARNING_PATHS = ['pendidikan', 'pelatihan_klasikal', 'pelatihan_nonklasikal'] as const;
export type LearningPath = (typeof LEARNING_PATHS)[number];

export interface Label {
  id: string;
  en: string;
}

export const PATH_LABELS: Record<LearningPath, Label> = {
  pendidikan: { id: 'Pendidikan', en: 'Formal education' },
  pelatihan_klasikal: { id: 'Pelatihan klasikal', en: 'Classical training' },
  pelatihan_nonklasikal: { id: 'Pelatihan nonklasikal', en: 'Non-classical training' },
};

export const FORM_CODES = [
  'A1',
  'A2',
  'B1',
  'B2',
  'B3',
  'B4',
  'B5',
  'B6',
  'B7',
  'B8',
  'B9',
  'B10',
  'B11',
  'B12',
  'C1',
  'C2',
  'C3',
  'C4',
  'C5',
  'C6',
  'C7',
  'C8',
  'C9',
  'C10',
  'C11',
  'C12',
  'C13',
] as const;
export type FormCode = (typeof FORM_CODES)[number];

export interface DevelopmentForm {
  code: FormCode;
  path: LearningPath;
  label: Label;
  /**
   * SIASN "jenis diklat" id where one matches. UNVERIFIED: the list comes from a public PHP app
   * (domain.md §1.2), not from BKN; check against the SIASN reference API before sending data.
   */
  siasnJenisDiklatId: number | null;
}

/** Whether the SIASN ids above have been checked against BKN's reference API. */
export const SIASN_JENIS_DIKLAT_VERIFIED = false;

const form = (
  code: FormCode,
  path: LearningPath,
  id: string,
  en: string,
  siasnJenisDiklatId: number | null,
): DevelopmentForm => ({ code, path, label: { id, en }, siasnJenisDiklatId });

const K = 'pelatihan_klasikal' as const;
const N = 'pelatihan_nonklasikal' as const;

export const DEVELOPMENT_FORMS: readonly DevelopmentForm[] = [
  form('A1', 'pendidikan', 'Tugas belajar', 'Study assignment (full-time study)', null),
  form('A2', 'pendidikan', 'Izin belajar', 'Study permit (part-time study)', null),
  form('B1', K, 'Pelatihan struktural kepemimpinan', 'Structural leadership training', 1),
  form('B2', K, 'Pelatihan manajerial', 'Managerial training', 5),
  form('B3', K, 'Pelatihan teknis', 'Technical training', 3),
  form('B4', K, 'Pelatihan fungsional', 'Functional training', 2),
  form('B5', K, 'Pelatihan sosial kultural', 'Socio-cultural training', 6),
  form('B6', K, 'Seminar/konferensi/sarasehan', 'Seminar/conference', 9),
  form('B7', K, 'Workshop/lokakarya', 'Workshop', 4),
  form('B8', K, 'Kursus', 'Course', 11),
  form('B9', K, 'Penataran', 'Upgrading course (penataran)', 12),
  form('B10', K, 'Bimbingan teknis', 'Technical guidance (bimtek)', 8),
  form('B11', K, 'Sosialisasi', 'Information session (sosialisasi)', 7),
  form('B12', K, 'Pelatihan klasikal lainnya', 'Other classical training', 13),
  form('C1', N, 'Coaching', 'Coaching', 14),
  form('C2', N, 'Mentoring', 'Mentoring', 15),
  form('C3', N, 'E-learning', 'E-learning', 16),
  form('C4', N, 'Pelatihan jarak jauh', 'Distance training', 17),
  form('C5', N, 'Detasering (secondment)', 'Secondment (detasering)', 18),
  form('C6', N, 'Pembelajaran alam terbuka (outbond)', 'Outdoor learning (outbound)', 19),
  form('C7', N, 'Patok banding (benchmarking)', 'Benchmarking', 20),
  form(
    'C8',
    N,
    'Pertukaran PNS dengan pegawai swasta/BUMN/BUMD',
    'Exchange between civil servants and private/state-enterprise staff',
    21,
  ),
  form('C9', N, 'Belajar mandiri', 'Self-study (self development)', 22),
  form('C10', N, 'Komunitas belajar (community of practice)', 'Community of practice', 23),
  form('C11', N, 'Magang/praktik kerja', 'Internship (magang)', 10),
  form('C12', N, 'Bimbingan di tempat kerja', 'On-the-job guidance', 24),
  form('C13', N, 'Pelatihan nonklasikal lainnya', 'Other non-classical training', 25),
];

const BY_CODE = new Map<string, DevelopmentForm>(DEVELOPMENT_FORMS.map((f) => [f.code, f]));

export const isFormCode = (value: unknown): value is FormCode =>
  typeof value === 'string' && BY_CODE.has(value);

export const formByCode = (code: string): DevelopmentForm | undefined => BY_CODE.get(code);

export const formsOfPath = (path: LearningPath): DevelopmentForm[] =>
  DEVELOPMENT_FORMS.filter((f) => f.path === path);

/** The form a SIASN jenis diklat id maps to (for imports from SIASN exports); unverified ids. */
export const formBySiasnId = (siasnId: number): DevelopmentForm | undefined =>
  DEVELOPMENT_FORMS.find((f) => f.siasnJenisDiklatId === siasnId);
