/** Import-specific texts (Bahasa Indonesia first). Row problems use src/domain/problems.ts. */
import { textsOf, type Lang } from '../../http/messages.js';

const TEXTS = {
  empty: { id: 'berkas kosong.', en: 'the file is empty.' },
  oldXls: {
    id: 'format .xls lama tidak didukung; simpan ulang sebagai .xlsx atau CSV.',
    en: 'the old .xls format is not supported; save it as .xlsx or CSV.',
  },
  notSpreadsheet: { id: 'bukan berkas CSV atau XLSX.', en: 'not a CSV or XLSX file.' },
  brokenXlsx: { id: 'berkas XLSX rusak atau terenkripsi.', en: 'the XLSX file is damaged or encrypted.' },
  brokenCsv: {
    id: 'CSV tidak terbaca pada baris {row}: {detail}',
    en: 'CSV unreadable at row {row}: {detail}',
  },
  noHeader: {
    id: 'Baris judul kolom tidak ditemukan: 10 baris pertama tidak memuat kolom "{key}". Gunakan templat.',
    en: 'No header row found: none of the first 10 rows has a "{key}" column. Use the template.',
  },
  missingColumns: { id: 'Kolom wajib tidak ada: {columns}.', en: 'Required columns are missing: {columns}.' },
  noRows: {
    id: 'Tidak ada baris data di bawah baris judul.',
    en: 'There are no data rows below the header.',
  },
  unitOutOfScope: {
    id: 'Unit "{value}" berada di luar OPD Anda; Anda hanya boleh mengimpor ke unit OPD Anda.',
    en: 'Unit "{value}" is outside your OPD; you may import only into your own units.',
  },
  employeeOutOfScope: {
    id: 'Pegawai dengan NIP ini terdaftar di unit di luar OPD Anda dan tidak boleh diubah.',
    en: 'This NIP belongs to an employee outside your OPD, who cannot be changed here.',
  },
  code: {
    id: 'Kode hanya boleh huruf, angka, titik, garis bawah dan tanda minus (maksimal 40).',
    en: 'Codes may use letters, digits, dot, underscore and minus (max 40).',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof TEXTS;

export const text = textsOf(TEXTS);
