/** The gap downloads: columns and the "Petunjuk" sheet (Bahasa Indonesia, as the office reads it). */
import type { XlsxColumn } from '../../http/xlsx.js';
import type { GapPeopleT, HeatmapT } from './schemas.js';

const SOURCE_NAMES: Record<string, string> = {
  assessment_center: 'Assessment center',
  test: 'Tes',
  atasan: 'Atasan',
  peer: 'Rekan kerja',
  self: 'Mandiri',
};

export type HeatmapRow = {
  unitCode: string;
  unitName: string;
  employees: number;
  code: string;
  competency: string;
  required: number;
  below: number;
  share: number;
  notAssessed: number;
};

/** One row per unit × competency required by somebody there, in the order of the table on screen. */
export function heatmapRows(map: HeatmapT): HeatmapRow[] {
  const cells = new Map(map.cells.map((c) => [`${c.unitId}/${c.competencyId}`, c]));
  const out: HeatmapRow[] = [];
  for (const u of map.units)
    for (const c of map.competencies) {
      const cell = cells.get(`${u.id}/${c.id}`);
      if (!cell || cell.required === 0) continue;
      out.push({
        unitCode: u.code,
        unitName: u.name,
        employees: u.employees,
        code: c.code,
        competency: c.name,
        required: cell.required,
        below: cell.below,
        share: Math.round(cell.share * 1000) / 10,
        notAssessed: cell.notAssessed,
      });
    }
  return out;
}

export const HEATMAP_COLUMNS: XlsxColumn<HeatmapRow>[] = [
  { header: 'Kode unit', value: (r) => r.unitCode, text: true, width: 16 },
  { header: 'Unit', value: (r) => r.unitName, width: 44 },
  { header: 'Pegawai aktif', value: (r) => r.employees, width: 14 },
  { header: 'Kode kompetensi', value: (r) => r.code, text: true, width: 16 },
  { header: 'Kompetensi', value: (r) => r.competency, width: 36 },
  { header: 'Wajib (orang)', value: (r) => r.required, width: 14 },
  { header: 'Di bawah standar (orang)', value: (r) => r.below, width: 22 },
  { header: 'Di bawah standar (%)', value: (r) => r.share, width: 20 },
  { header: 'Belum dinilai (orang)', value: (r) => r.notAssessed, width: 20 },
];

export const HEATMAP_GUIDE = [
  ['Lembar', 'Peta kesenjangan kompetensi: satu baris untuk satu unit dan satu kompetensi.'],
  ['Wajib (orang)', 'Pegawai aktif di unit dan sub-unitnya yang jabatannya mensyaratkan kompetensi ini.'],
  [
    'Di bawah standar (orang)',
    'Dari pegawai itu yang sudah dinilai, yang level saat ininya di bawah standar jabatan.',
  ],
  [
    'Di bawah standar (%)',
    'Di bawah standar dibagi pegawai yang sudah dinilai (wajib dikurangi belum dinilai), dalam persen.',
  ],
  [
    'Belum dinilai (orang)',
    'Dari pegawai wajib, yang belum pernah dinilai. Tidak dihitung di bawah standar.',
  ],
  [
    'Level saat ini',
    'Hasil penilaian yang paling dipercaya dan terbaru menurut aturan instansi (mis. assessment center, lalu atasan, lalu mandiri).',
  ],
  [
    'Warna di layar',
    '0 % putih; sampai 20 % krem; 20–40 % jingga muda; 40–60 % jingga; 60–80 % merah; 80 % ke atas merah tua.',
  ],
  ['Kompetensi tanpa baris', 'Tidak ada jabatan di unit itu yang mensyaratkannya.'],
] as const;

export const PEOPLE_COLUMNS: XlsxColumn<GapPeopleT['items'][number]>[] = [
  { header: 'NIP', value: (r) => r.nip, text: true, width: 22 },
  { header: 'Nama', value: (r) => r.name, width: 36 },
  { header: 'Jabatan', value: (r) => r.positionName, width: 36 },
  { header: 'Unit', value: (r) => r.unitName, width: 36 },
  { header: 'Standar', value: (r) => r.required, width: 10 },
  { header: 'Level saat ini', value: (r) => r.current ?? 'Belum dinilai', width: 14 },
  { header: 'Sumber', value: (r) => (r.source ? (SOURCE_NAMES[r.source] ?? r.source) : ''), width: 18 },
  { header: 'Kesenjangan', value: (r) => r.gap, width: 12 },
];

export const GAP_GUIDE = [
  ['Lembar', 'Pegawai yang jabatannya mensyaratkan kompetensi ini, kesenjangan terbesar dulu.'],
  ['Standar', 'Level yang disyaratkan jabatan (1–5).'],
  ['Level saat ini', 'Hasil penilaian yang berlaku; "Belum dinilai" bila belum ada.'],
  [
    'Belum dinilai',
    'Pegawai yang belum pernah dinilai tetap dicantumkan, tetapi tidak dihitung di bawah standar pada peta.',
  ],
  [
    'Kesenjangan',
    'Standar dikurangi level saat ini; 0 bila sudah memenuhi; seluruh standar bila belum dinilai.',
  ],
] as const;
