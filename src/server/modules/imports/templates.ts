/** Import templates: a CSV with header and example row, or an XLSX with a "Data" and a "Petunjuk" sheet. */
import ExcelJS from 'exceljs';
import { PNS_GOLONGAN, PPPK_GOLONGAN } from '../../../domain/golongan.js';
import { FUNCTIONAL_LEVELS, POSITION_TYPES, UNIT_KINDS } from '../../../domain/org.js';
import { SPECS, type ImportKind, type KindSpec } from './columns.js';

const OPTIONAL = 'Boleh kosong.';

const GUIDE: Record<ImportKind, Record<string, string>> = {
  employees: {
    nip:
      'NIP 18 angka tanpa spasi, mis. 198503142010011002. Wajib. Kolom ini sudah berformat Teks: jangan ubah menjadi Angka, ' +
      'karena Excel akan mengubah NIP menjadi 1,98503E+17 dan angka terakhirnya hilang. Saat menempel dari berkas lain, ' +
      'pilih "Tempel Nilai" (Paste Values). Pegawai dikenali dari NIP: NIP yang sudah ada diperbarui, NIP baru ditambahkan.',
    nama: 'Nama lengkap tanpa gelar, mis. Johanis Latuheru. Wajib.',
    gelar_depan: `Gelar di depan nama, mis. Dr. atau Ir. ${OPTIONAL}`,
    gelar_belakang: `Gelar di belakang nama, mis. S.E., M.Si. ${OPTIONAL}`,
    status:
      'Tulis PNS, CPNS atau PPPK. Wajib. Harus cocok dengan NIP: NIP PPPK memuat angka 2 pada digit ke-13.',
    golongan:
      `PNS dan CPNS: ${PNS_GOLONGAN.map((g) => g.golongan).join(', ')}. PPPK: angka Romawi ${PPPK_GOLONGAN[0]} sampai ` +
      `${PPPK_GOLONGAN[PPPK_GOLONGAN.length - 1]}. ${OPTIONAL}`,
    kode_unit:
      'Kode unit kerja seperti pada menu Unit Kerja, mis. DISDUKCAPIL. Wajib. Operator OPD hanya boleh mengisi unit di OPD-nya sendiri.',
    jabatan: `Kode jabatan atau nama jabatan persis seperti pada daftar Jabatan (huruf besar/kecil tidak berpengaruh). ${OPTIONAL}`,
    nip_atasan: `NIP atasan langsung, 18 angka sebagai Teks. Atasan boleh ada di berkas ini atau sudah terdaftar. ${OPTIONAL}`,
    email: `Alamat email kantor, mis. nama@ambon.go.id. ${OPTIONAL}`,
    telepon: `Nomor telepon, hanya angka, boleh diawali +, mis. 081234567890. ${OPTIONAL}`,
  },
  'org-units': {
    kode_unit:
      'Kode unik unit, huruf/angka/titik/garis bawah/tanda minus, maksimal 40 karakter, mis. DISDUKCAPIL. Wajib. Unit dikenali dari kode ini: kode yang sudah ada diperbarui, kode baru ditambahkan.',
    nama: 'Nama unit lengkap, 2 sampai 200 karakter. Wajib.',
    jenis: `Salah satu dari: ${UNIT_KINDS.join(', ')}. Wajib.`,
    kode_induk:
      'Kode unit induk (unit di atasnya). Unit induk boleh ditulis di baris sebelum atau sesudahnya, atau sudah terdaftar. ' +
      'Kosongkan hanya untuk unit paling atas. Unit tidak boleh berada di bawah dirinya sendiri.',
  },
  positions: {
    kode_jabatan:
      'Kode unik jabatan, huruf/angka/titik/garis bawah/tanda minus, maksimal 40 karakter. Wajib. Kode yang sudah ada diperbarui, kode baru ditambahkan.',
    nama: 'Nama jabatan lengkap, 2 sampai 200 karakter. Wajib.',
    jenis: `Salah satu dari: ${POSITION_TYPES.join(', ')}. Wajib.`,
    jenjang:
      `Wajib untuk jabatan fungsional, kosongkan untuk jenis lain. fungsional_keahlian: ${FUNCTIONAL_LEVELS.fungsional_keahlian.join(', ')}. ` +
      `fungsional_keterampilan: ${FUNCTIONAL_LEVELS.fungsional_keterampilan.join(', ')}.`,
  },
};

const GENERAL = [
  'Isi data mulai baris 2 pada lembar "Data", satu baris untuk satu data. Jangan ubah baris judul kolom.',
  'Hapus baris contoh sebelum mengimpor.',
  'Kolom yang tidak wajib boleh dihapus dari berkas; nilainya yang sudah tersimpan tidak diubah.',
  'Berkas boleh disimpan sebagai .xlsx atau CSV (pemisah koma atau titik koma).',
  'Jika ada satu saja kesalahan, tidak ada data yang disimpan. Perbaiki baris yang disebutkan lalu unggah ulang.',
  'Mengimpor berkas yang sama dua kali tidak mengubah apa pun.',
  'Gunakan "Pratinjau" untuk memeriksa berkas tanpa menyimpan.',
];

const csvCell = (v: string) => (/[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function csvTemplate(kind: ImportKind): Buffer {
  const spec = SPECS[kind];
  const lines = [spec.columns.join(','), spec.columns.map((c) => csvCell(spec.example[c] ?? '')).join(',')];
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

export function xlsxTemplate(kind: ImportKind): Promise<Buffer> {
  return workbookTemplate(SPECS[kind], GUIDE[kind], GENERAL);
}

/**
 * An XLSX template for any import: a "Data" sheet with the header (text columns formatted as Text)
 * and the example row, and a "Petunjuk" sheet explaining each column and then the general rules.
 */
export async function workbookTemplate(
  spec: KindSpec,
  guide: Record<string, string>,
  general: readonly string[],
  widths: Record<string, number> = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Asah';
  const data = wb.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = spec.columns.map((c) => ({
    header: c,
    key: c,
    width: widths[c] ?? (c === 'nama' ? 40 : c.startsWith('nip') ? 22 : 18),
    style: spec.text.includes(c) ? { numFmt: '@' } : {},
  }));
  data.getRow(1).font = { bold: true };
  data.addRow(spec.example);
  const sheet = wb.addWorksheet('Petunjuk');
  sheet.columns = [
    { header: 'Kolom', key: 'col', width: 18 },
    { header: 'Cara mengisi', key: 'how', width: 110 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of spec.columns) sheet.addRow({ col: c, how: guide[c] ?? '' });
  sheet.addRow({});
  sheet.addRow({ col: 'Umum', how: '' }).font = { bold: true };
  for (const g of general) sheet.addRow({ col: '', how: g });
  sheet.getColumn('how').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
