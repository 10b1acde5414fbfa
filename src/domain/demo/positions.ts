/** Shared staff positions (pelaksana and fungsional) and where they occur. */

import type { FunctionalLevel, PositionType } from '../org.js';

export interface DemoPosition {
  code: string;
  name: string;
  type: PositionType;
  /** Set only for fungsional positions. */
  level: FunctionalLevel | null;
}

/** Title field overriding the unit's field, for professions with fixed titles. */
export type JobField = 'doctor' | 'dentist' | 'nurse' | 'midwife' | 'pharma' | 'it' | 'edu' | 'law';
export type Edu = 'SMA' | 'D3' | 'S1' | 'S2' | 'S3';

export interface JobFamily {
  key: string;
  name: string;
  type: PositionType;
  /** Levels from junior to senior; empty for pelaksana. */
  levels: FunctionalLevel[];
  /** Weight by OPD code, unit tag or '*' (anywhere). */
  where: Record<string, number>;
  field?: JobField;
  /** Education override (weights). */
  edu?: [Edu, number][];
  /** Share of women, default 0.5. */
  female?: number;
}

const K = 'fungsional_keahlian' as const;
const T = 'fungsional_keterampilan' as const;
const P = 'pelaksana' as const;
const AP = 'ahli_pertama' as const;
const AM = 'ahli_muda' as const;
const AMD = 'ahli_madya' as const;

export const JOB_FAMILIES: JobFamily[] = [
  // Pelaksana, anywhere.
  { key: 'ADMUM', name: 'Pengadministrasi Umum', type: P, levels: [], where: { '*': 3 } },
  { key: 'OLAHDATA', name: 'Pengolah Data', type: P, levels: [], where: { '*': 2 } },
  { key: 'ADMKANTOR', name: 'Pengadministrasi Perkantoran', type: P, levels: [], where: { '*': 3 } },
  { key: 'PENGELOLALO', name: 'Pengelola Layanan Operasional', type: P, levels: [], where: { '*': 2 } },
  {
    key: 'OPERATORLO',
    name: 'Operator Layanan Operasional',
    type: P,
    levels: [],
    where: { '*': 2, DLHP: 12 },
  },
  { key: 'PENATALO', name: 'Penata Layanan Operasional', type: P, levels: [], where: { '*': 2 } },
  { key: 'BENDAHARA', name: 'Bendahara', type: P, levels: [], where: { '*': 0.4 } },
  // Fungsional, anywhere.
  {
    key: 'PRAKOM',
    name: 'Pranata Komputer',
    type: K,
    levels: [AP, AM],
    where: { '*': 0.4, DISKOMINFOSANDI: 4, DISDUKCAPIL: 1.5 },
    field: 'it',
  },
  {
    key: 'PRAKOMT',
    name: 'Pranata Komputer',
    type: T,
    levels: ['terampil', 'mahir'],
    where: { '*': 0.3, DISKOMINFOSANDI: 2 },
    field: 'it',
  },
  { key: 'ARSIPARIS', name: 'Arsiparis', type: K, levels: [AP, AM], where: { '*': 0.3, DISPUSIP: 3 } },
  {
    key: 'ARSIPARIST',
    name: 'Arsiparis',
    type: T,
    levels: ['terampil', 'mahir'],
    where: { '*': 0.3, DISPUSIP: 3 },
  },
  {
    key: 'ANSDM',
    name: 'Analis SDM Aparatur',
    type: K,
    levels: [AP, AM, AMD],
    where: { '*': 0.25, BKPSDM: 6 },
  },
  {
    key: 'ANKEB',
    name: 'Analis Kebijakan',
    type: K,
    levels: [AP, AM, AMD],
    where: { '*': 0.15, SETDA: 1.5, BAPPEDA: 1 },
  },
  { key: 'PERENCANA', name: 'Perencana', type: K, levels: [AP, AM, AMD], where: { '*': 0.2, BAPPEDA: 6 } },
  {
    key: 'AKPD',
    name: 'Analis Keuangan Pusat dan Daerah',
    type: K,
    levels: [AP, AM],
    where: { '*': 0.15, BPKAD: 5, BAPENDA: 3 },
  },
  // OPD-specific fungsional.
  { key: 'ASESOR', name: 'Asesor SDM Aparatur', type: K, levels: [AP, AM], where: { BKPSDM: 2 } },
  { key: 'AUDITOR', name: 'Auditor', type: K, levels: [AP, AM, AMD], where: { INSPEKTORAT: 6 } },
  {
    key: 'P2UPD',
    name: 'Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah',
    type: K,
    levels: [AP, AM],
    where: { INSPEKTORAT: 3 },
  },
  { key: 'PPBJ', name: 'Pengelola Pengadaan Barang/Jasa', type: K, levels: [AP, AM], where: { SETDA: 1 } },
  {
    key: 'PERANCANG',
    name: 'Perancang Peraturan Perundang-undangan',
    type: K,
    levels: [AP, AM],
    where: { SETDA: 0.6, SETDPRD: 1 },
    field: 'law',
  },
  {
    key: 'ANHUKUM',
    name: 'Analis Hukum',
    type: K,
    levels: [AP, AM],
    where: { SETDA: 0.5, SATPOLPP: 0.5 },
    field: 'law',
  },
  {
    key: 'HUMAS',
    name: 'Pranata Hubungan Masyarakat',
    type: K,
    levels: [AP, AM],
    where: { DISKOMINFOSANDI: 3, SETDA: 1 },
  },
  { key: 'STATISTISI', name: 'Statistisi', type: K, levels: [AP, AM], where: { DISKOMINFOSANDI: 1.5 } },
  {
    key: 'SANDIMAN',
    name: 'Sandiman',
    type: K,
    levels: [AP, AM],
    where: { DISKOMINFOSANDI: 1 },
    field: 'it',
  },
  {
    key: 'ADBKEP',
    name: 'Administrator Database Kependudukan',
    type: K,
    levels: [AP, AM],
    where: { DISDUKCAPIL: 5 },
    field: 'it',
  },
  {
    key: 'GURU',
    name: 'Guru',
    type: K,
    levels: [AP, AM, AMD],
    where: { school: 40 },
    field: 'edu',
    female: 0.68,
  },
  {
    key: 'DOKTER',
    name: 'Dokter',
    type: K,
    levels: [AP, AM, AMD],
    where: { puskesmas: 2, RSUD: 3, DINKES: 0.4 },
    field: 'doctor',
    female: 0.6,
  },
  {
    key: 'DRG',
    name: 'Dokter Gigi',
    type: K,
    levels: [AP, AM],
    where: { puskesmas: 0.8, RSUD: 0.5 },
    field: 'dentist',
    female: 0.7,
  },
  {
    key: 'PERAWATT',
    name: 'Perawat',
    type: T,
    levels: ['terampil', 'mahir', 'penyelia'],
    where: { puskesmas: 5, RSUD: 10 },
    field: 'nurse',
    female: 0.75,
  },
  {
    key: 'PERAWAT',
    name: 'Perawat',
    type: K,
    levels: [AP, AM],
    where: { puskesmas: 2, RSUD: 5 },
    field: 'nurse',
    female: 0.75,
  },
  {
    key: 'BIDAN',
    name: 'Bidan',
    type: T,
    levels: ['terampil', 'mahir'],
    where: { puskesmas: 4, RSUD: 2 },
    field: 'midwife',
    female: 1,
  },
  {
    key: 'APOTEKER',
    name: 'Apoteker',
    type: K,
    levels: [AP, AM],
    where: { puskesmas: 0.5, RSUD: 1 },
    field: 'pharma',
    female: 0.7,
  },
  {
    key: 'TTK',
    name: 'Tenaga Teknis Kefarmasian',
    type: T,
    levels: ['terampil', 'mahir'],
    where: { puskesmas: 1, RSUD: 1.5 },
    field: 'pharma',
    female: 0.7,
  },
  {
    key: 'PLK',
    name: 'Pranata Laboratorium Kesehatan',
    type: T,
    levels: ['terampil', 'mahir'],
    where: { puskesmas: 1, RSUD: 1.5 },
  },
  {
    key: 'NUTRISIONIS',
    name: 'Nutrisionis',
    type: T,
    levels: ['terampil'],
    where: { puskesmas: 0.8, RSUD: 0.8 },
    female: 0.8,
  },
  {
    key: 'SANITASI',
    name: 'Tenaga Sanitasi Lingkungan',
    type: T,
    levels: ['terampil'],
    where: { puskesmas: 0.8 },
  },
  {
    key: 'PKM',
    name: 'Penyuluh Kesehatan Masyarakat',
    type: K,
    levels: [AP, AM],
    where: { DINKES: 2, puskesmas: 0.5 },
  },
  { key: 'EPID', name: 'Epidemiolog Kesehatan', type: K, levels: [AP, AM], where: { DINKES: 1 } },
  { key: 'PENYTAN', name: 'Penyuluh Pertanian', type: K, levels: [AP, AM], where: { DISTAN: 4 } },
  {
    key: 'PENYTANT',
    name: 'Penyuluh Pertanian',
    type: T,
    levels: ['terampil', 'mahir'],
    where: { DISTAN: 3, DKP: 1 },
  },
  { key: 'ANKETPANG', name: 'Analis Ketahanan Pangan', type: K, levels: [AP, AM], where: { DKP: 3 } },
  { key: 'PENYKAN', name: 'Penyuluh Perikanan', type: K, levels: [AP, AM], where: { DISKAN: 3 } },
  { key: 'PUSTAKAWAN', name: 'Pustakawan', type: K, levels: [AP, AM], where: { DISPUSIP: 3 } },
  { key: 'PUSTAKAWANT', name: 'Pustakawan', type: T, levels: ['terampil', 'mahir'], where: { DISPUSIP: 3 } },
  {
    key: 'POLPP',
    name: 'Polisi Pamong Praja',
    type: T,
    levels: ['terampil', 'mahir', 'penyelia'],
    where: { SATPOLPP: 15 },
    field: 'law',
    edu: [
      ['SMA', 7],
      ['D3', 1],
      ['S1', 2],
    ],
    female: 0.25,
  },
  {
    key: 'DAMKAR',
    name: 'Pemadam Kebakaran',
    type: T,
    levels: ['pemula', 'terampil', 'mahir'],
    where: { DAMKAR: 12 },
    edu: [
      ['SMA', 8],
      ['D3', 1],
      ['S1', 1],
    ],
    female: 0.08,
  },
  { key: 'ANKEBAKARAN', name: 'Analis Kebakaran', type: K, levels: [AP, AM], where: { DAMKAR: 1 } },
  {
    key: 'PKB',
    name: 'Penyuluh Keluarga Berencana',
    type: K,
    levels: [AP, AM],
    where: { DPPKB: 5 },
    female: 0.7,
  },
  { key: 'PEKSOS', name: 'Pekerja Sosial', type: K, levels: [AP, AM], where: { DINSOS: 3 } },
  {
    key: 'UJIKB',
    name: 'Penguji Kendaraan Bermotor',
    type: T,
    levels: ['terampil', 'mahir'],
    where: { DISHUB: 3 },
    female: 0.2,
  },
  { key: 'PAMONGBUD', name: 'Pamong Budaya', type: K, levels: [AP, AM], where: { DISBUD: 3 } },
  {
    key: 'ADYATAMA',
    name: 'Adyatama Kepariwisataan dan Ekonomi Kreatif',
    type: K,
    levels: [AP, AM],
    where: { DISPAR: 3 },
  },
  {
    key: 'TJJ',
    name: 'Teknik Jalan dan Jembatan',
    type: K,
    levels: [AP, AM],
    where: { DISPUPR: 3 },
    female: 0.3,
  },
  { key: 'PENATARUANG', name: 'Penata Ruang', type: K, levels: [AP, AM], where: { DISPUPR: 2 } },
  {
    key: 'TTBP',
    name: 'Teknik Tata Bangunan dan Perumahan',
    type: K,
    levels: [AP, AM],
    where: { DISPERKIM: 3 },
  },
  { key: 'PDL', name: 'Pengendali Dampak Lingkungan', type: K, levels: [AP, AM], where: { DLHP: 2 } },
  { key: 'PENERA', name: 'Penera', type: T, levels: ['terampil', 'mahir'], where: { DISPERINDAG: 2 } },
  { key: 'PENGKOP', name: 'Pengawas Koperasi', type: K, levels: [AP, AM], where: { DISKOPUKM: 2 } },
  {
    key: 'MEDIATOR',
    name: 'Mediator Hubungan Industrial',
    type: K,
    levels: [AP, AM],
    where: { DISNAKER: 2 },
  },
  { key: 'PENGANTAR', name: 'Pengantar Kerja', type: K, levels: [AP, AM], where: { DISNAKER: 2 } },
  { key: 'PSM', name: 'Penggerak Swadaya Masyarakat', type: K, levels: [AP, AM], where: { kecamatan: 1.5 } },
  { key: 'ANGGARAN', name: 'Analis Anggaran', type: K, levels: [AP, AM], where: { BPKAD: 2 } },
];

const LEVEL_LABEL: Record<FunctionalLevel, [string, string]> = {
  ahli_pertama: ['Ahli Pertama', 'AP'],
  ahli_muda: ['Ahli Muda', 'AM'],
  ahli_madya: ['Ahli Madya', 'AMD'],
  ahli_utama: ['Ahli Utama', 'AU'],
  pemula: ['Pemula', 'PML'],
  terampil: ['Terampil', 'TRP'],
  mahir: ['Mahir', 'MHR'],
  penyelia: ['Penyelia', 'PNY'],
};

/** Position code of a family at a level (pelaksana: level null). */
export function jobCode(f: JobFamily, level: FunctionalLevel | null): string {
  return level ? `JF-${f.key}-${LEVEL_LABEL[level][1]}` : `PL-${f.key}`;
}

/** Every shared staff position, one per family and level. */
export function sharedPositions(): DemoPosition[] {
  const out: DemoPosition[] = [];
  for (const f of JOB_FAMILIES) {
    if (f.levels.length === 0) out.push({ code: jobCode(f, null), name: f.name, type: f.type, level: null });
    for (const l of f.levels)
      out.push({ code: jobCode(f, l), name: `${f.name} ${LEVEL_LABEL[l][0]}`, type: f.type, level: l });
  }
  return out;
}
