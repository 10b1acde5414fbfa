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
  expanded: {
    id: 'isi berkas XLSX setelah diekstrak melebihi {mb} MB.',
    en: 'the XLSX file unpacks to more than {mb} MB.',
  },
  ratio: {
    id: 'pemadatan berkas XLSX tidak wajar ({ratio}:1, paling tinggi {max}:1).',
    en: 'the XLSX file is packed implausibly tight ({ratio}:1, at most {max}:1).',
  },
  entries: {
    id: 'arsip XLSX memuat {count} bagian (paling banyak {max}).',
    en: 'the XLSX archive holds {count} parts (at most {max}).',
  },
  entryLies: {
    id: 'bagian "{name}" dalam arsip XLSX lebih besar daripada yang dinyatakan.',
    en: 'part "{name}" of the XLSX archive is larger than declared.',
  },
  rows: {
    id: 'lembar "{sheet}" memuat lebih dari {max} baris ({found}).',
    en: 'sheet "{sheet}" has more than {max} rows ({found}).',
  },
  columns: {
    id: 'baris {row} pada lembar "{sheet}" memuat lebih dari {max} kolom.',
    en: 'row {row} of sheet "{sheet}" has more than {max} columns.',
  },
  cell: {
    id: 'sel {cell} pada lembar "{sheet}" memuat lebih dari {max} karakter.',
    en: 'cell {cell} of sheet "{sheet}" holds more than {max} characters.',
  },
  sharedString: {
    id: 'teks bersama ke-{index} dalam berkas XLSX memuat lebih dari {max} karakter.',
    en: 'shared string {index} of the XLSX file holds more than {max} characters.',
  },
  sharedStrings: {
    id: 'berkas XLSX memuat lebih dari {max} teks bersama.',
    en: 'the XLSX file holds more than {max} shared strings.',
  },
  line: {
    id: 'baris {row} CSV lebih panjang dari {max} karakter.',
    en: 'CSV line {row} is longer than {max} characters.',
  },
  tag: {
    id: 'berkas XLSX memuat tag XML lebih panjang dari {max} karakter.',
    en: 'the XLSX file has an XML tag longer than {max} characters.',
  },
  timeout: {
    id: 'pembacaan berkas melebihi {seconds} detik; bagi berkas menjadi beberapa bagian.',
    en: 'reading the file took longer than {seconds} seconds; split it into smaller files.',
  },
  memory: {
    id: 'pembacaan berkas memerlukan memori lebih dari {mb} MB; bagi berkas menjadi beberapa bagian.',
    en: 'reading the file needs more than {mb} MB of memory; split it into smaller files.',
  },
  overlap: {
    id: 'bagian-bagian arsip XLSX saling tumpang tindih, tersembunyi atau tidak tercantum di daftar isi arsip.',
    en: 'parts of the XLSX archive overlap, are hidden or are missing from its directory.',
  },
  nested: {
    id: 'arsip XLSX memuat arsip lain ("{name}").',
    en: 'the XLSX archive holds another archive ("{name}").',
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
