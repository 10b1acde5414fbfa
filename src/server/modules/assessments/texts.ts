/** Assessment texts the API speaks (Bahasa Indonesia first). */
import { textsOf, type Lang } from '../../http/messages.js';

const TEXTS = {
  futureDate: {
    id: 'Tanggal penilaian tidak boleh di masa depan.',
    en: 'The assessment date cannot be in the future.',
  },
  unknownCompetency: {
    id: 'Kompetensi ini tidak ada di kamus kompetensi yang berlaku.',
    en: 'This competency is not in the current dictionary.',
  },
  duplicateCompetency: {
    id: 'Kompetensi ini sudah dinilai pada isian nomor {first}.',
    en: 'This competency is already assessed in item {first}.',
  },
  unknownFile: {
    id: 'Berkas bukti tidak ditemukan untuk pegawai ini. Unggah ulang berkasnya.',
    en: 'The evidence file was not found for this employee. Upload it again.',
  },
  unknownCampaign: {
    id: 'Tidak ada tugas terbuka pada kampanye ini untuk penilaian ini.',
    en: 'This campaign has no open task for this assessment.',
  },
  fileType: { id: 'Jenis berkas harus PDF, JPG atau PNG.', en: 'The file must be a PDF, JPG or PNG.' },
  fileMissing: { id: 'Pilih berkas PDF, JPG atau PNG.', en: 'Choose a PDF, JPG or PNG file.' },
  fileTooLarge: { id: 'Berkas terlalu besar (maksimal {mb} MB).', en: 'File too large (max {mb} MB).' },
  fileEmployee: { id: 'Isi NIP pegawai yang dinilai.', en: 'Give the NIP of the assessed employee.' },
  unitOutOfScope: {
    id: 'Unit ini berada di luar OPD Anda.',
    en: 'This unit is outside your OPD.',
  },
  nipUnknown: { id: 'NIP "{value}" tidak terdaftar.', en: 'NIP "{value}" is not registered.' },
  nipOutOfScope: {
    id: 'Pegawai dengan NIP "{value}" berada di luar OPD Anda.',
    en: 'The employee with NIP "{value}" is outside your OPD.',
  },
  codeUnknown: {
    id: 'Kode kompetensi "{value}" tidak ada di kamus (mis. M.1, SK.1, T.1).',
    en: 'Competency code "{value}" is not in the dictionary (e.g. M.1, SK.1, T.1).',
  },
  levelRange: {
    id: 'Level harus angka bulat 1 sampai 5.',
    en: 'The level must be a whole number from 1 to 5.',
  },
  dateBad: {
    id: 'Tanggal tidak sah; tulis sebagai 2026-03-31 atau 31/03/2026.',
    en: 'Not a valid date; write it as 2026-03-31 or 31/03/2026.',
  },
  dateFuture: { id: 'Tanggal tidak boleh di masa depan.', en: 'The date cannot be in the future.' },
  required: { id: 'Wajib diisi.', en: 'Required.' },
  dueBeforeStart: {
    id: 'Batas waktu tidak boleh sebelum tanggal mulai.',
    en: 'The due date cannot be before the start date.',
  },
  duplicateRow: {
    id: 'Baris ini sama dengan baris {first}.',
    en: 'This row repeats row {first}.',
  },
  remindTitle: {
    id: 'Pengingat: penilaian kompetensi "{campaign}"',
    en: 'Reminder: competency assessment "{campaign}"',
  },
  remindBody: {
    id: 'Anda masih punya {count} penilaian yang belum diisi. Batas waktu {due}.',
    en: 'You still have {count} assessments to fill in. Due {due}.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type AssessmentTextKey = keyof typeof TEXTS;

export const text = textsOf(TEXTS);

export { fieldErrors } from '../../http/errors.js';
