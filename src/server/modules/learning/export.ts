import type { XlsxColumn } from '../../http/xlsx.js';
import type { ComplianceReportT, CompliancePeopleT } from './schemas.js';

const pct = (share: number) => Math.round(share * 1000) / 10;

export const COMPLIANCE_COLUMNS: XlsxColumn<ComplianceReportT['units'][number]>[] = [
  { header: 'Kode unit', value: (u) => u.code, text: true, width: 14 },
  { header: 'Unit', value: (u) => u.name, width: 44 },
  { header: 'Pegawai', value: (u) => u.employees, width: 10 },
  { header: 'Memenuhi target', value: (u) => u.compliant, width: 16 },
  { header: 'Persentase memenuhi', value: (u) => pct(u.share), width: 18 },
  { header: 'Rata-rata JP', value: (u) => u.averageJp, width: 12 },
];

export const COMPLIANCE_GUIDE = (target: number) =>
  [
    ['Isi lembar', 'Satu baris per unit; angka tiap unit mencakup sub-unitnya.'],
    ['Pegawai', 'Pegawai aktif di unit itu dan sub-unitnya.'],
    [
      'Memenuhi target',
      `Pegawai yang JP-nya tahun itu mencapai sedikitnya ${target} JP (PP 11/2017 Pasal 203 ayat 4).`,
    ],
    ['Persentase memenuhi', 'Memenuhi target dibagi jumlah pegawai, dalam persen.'],
    ['JP', '1 JP = 45 menit. JP dihitung dari tabel konversi bentuk pengembangan kompetensi yang berlaku.'],
  ] as const;

export const PEOPLE_COLUMNS: XlsxColumn<CompliancePeopleT['items'][number]>[] = [
  { header: 'NIP', value: (p) => p.nip, text: true, width: 22 },
  { header: 'Nama', value: (p) => p.name, width: 36 },
  { header: 'Unit', value: (p) => p.unitName, width: 36 },
  { header: 'Jabatan', value: (p) => p.positionName, width: 32 },
  { header: 'Jumlah JP', value: (p) => p.totalJp, width: 12 },
  { header: 'Kurang JP', value: (p) => p.remainingJp, width: 12 },
  { header: 'Kegiatan', value: (p) => p.records, width: 10 },
];

export const PEOPLE_GUIDE = (target: number) =>
  [
    ['Isi lembar', 'Pegawai dan jumlah JP mereka pada tahun itu, JP terkecil dulu.'],
    ['Kurang JP', `Selisih terhadap target ${target} JP; 0 berarti target sudah tercapai.`],
    [
      'Kegiatan',
      'Banyaknya catatan pembelajaran (program selesai dan sertifikat luar yang sudah diverifikasi).',
    ],
  ] as const;
