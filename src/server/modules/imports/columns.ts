/** The columns of each import kind, as written in the templates' header rows. */

export const IMPORT_KINDS = ['employees', 'org-units', 'positions'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface KindSpec {
  columns: readonly string[];
  /** Columns the header must contain. The others may be left out (existing values are kept). */
  required: readonly string[];
  /** The column that identifies the header row among title rows. */
  key: string;
  /** Text columns (Excel would mangle long digit strings or leading zeros). */
  text: readonly string[];
  example: Record<string, string>;
  fileStem: string;
}

export const SPECS: Record<ImportKind, KindSpec> = {
  employees: {
    columns: [
      'nip',
      'nama',
      'gelar_depan',
      'gelar_belakang',
      'status',
      'golongan',
      'kode_unit',
      'jabatan',
      'nip_atasan',
      'email',
      'telepon',
    ],
    required: ['nip', 'nama', 'status', 'kode_unit'],
    key: 'nip',
    text: ['nip', 'kode_unit', 'nip_atasan', 'telepon', 'golongan'],
    example: {
      nip: '198503142010011002',
      nama: 'Johanis Latuheru',
      gelar_depan: '',
      gelar_belakang: 'S.Kom.',
      status: 'PNS',
      golongan: 'III/b',
      kode_unit: 'DISDUKCAPIL',
      jabatan: 'Pranata Komputer Ahli Pertama',
      nip_atasan: '',
      email: 'johanis.latuheru@ambon.go.id',
      telepon: '081234567890',
    },
    fileStem: 'templat-pegawai',
  },
  'org-units': {
    columns: ['kode_unit', 'nama', 'jenis', 'kode_induk'],
    required: ['kode_unit', 'nama', 'jenis'],
    key: 'kode_unit',
    text: ['kode_unit', 'kode_induk'],
    example: {
      kode_unit: 'DISDUKCAPIL-BID-PIAK',
      nama: 'Bidang Pelayanan Informasi Administrasi Kependudukan',
      jenis: 'bidang',
      kode_induk: 'DISDUKCAPIL',
    },
    fileStem: 'templat-unit-kerja',
  },
  positions: {
    columns: ['kode_jabatan', 'nama', 'jenis', 'jenjang'],
    required: ['kode_jabatan', 'nama', 'jenis'],
    key: 'kode_jabatan',
    text: ['kode_jabatan'],
    example: {
      kode_jabatan: 'JF-PRAKOM-AP',
      nama: 'Pranata Komputer Ahli Pertama',
      jenis: 'fungsional_keahlian',
      jenjang: 'ahli_pertama',
    },
    fileStem: 'templat-jabatan',
  },
};

/** "Kode Unit", " KODE-UNIT* " → "kode_unit". */
export function normalizeHeader(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/** A code-like value people type in different forms: "Fungsional Keahlian" → "fungsional_keahlian". */
export const normalizeCode = (raw: string) =>
  raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
