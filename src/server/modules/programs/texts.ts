/** Texts the partner and programme APIs speak (Bahasa Indonesia first). */
import { textsOf, type Lang } from '../../http/messages.js';

const TEXTS = {
  partnerNameTaken: {
    id: 'Sudah ada mitra bernama "{value}".',
    en: 'A partner named "{value}" already exists.',
  },
  agreementNumberTaken: {
    id: 'Nomor perjanjian "{value}" sudah dipakai.',
    en: 'Agreement number "{value}" is already used.',
  },
  userUnknown: { id: 'Pengguna "{value}" tidak ditemukan.', en: 'User "{value}" was not found.' },
  userNotMitra: {
    id: 'Pengguna "{value}" tidak berperan mitra. Beri peran mitra dahulu di menu Pengguna.',
    en: 'User "{value}" does not have the mitra role. Give the role first under Users.',
  },
  pdfOnly: { id: 'Dokumen perjanjian harus berkas PDF.', en: 'The agreement document must be a PDF.' },
  fileMissing: { id: 'Pilih berkas PDF untuk diunggah.', en: 'Choose a PDF file to upload.' },
  agreementOther: {
    id: 'Perjanjian ini bukan milik mitra tersebut.',
    en: 'This agreement does not belong to that partner.',
  },
  programUnknown: { id: 'Program tidak ditemukan.', en: 'Programme not found.' },
  programCodeTaken: {
    id: 'Kode program "{value}" sudah dipakai.',
    en: 'Programme code "{value}" is already used.',
  },
  formUnknown: {
    id: 'Bentuk pengembangan "{value}" tidak dikenal.',
    en: 'Unknown development form "{value}".',
  },
  scheduledJpNeeded: {
    id: 'Bentuk ini menghitung JP dari jadwal: isi JP terjadwal (lebih dari 0).',
    en: 'This form counts the scheduled JP: fill in the scheduled JP (more than 0).',
  },
  partnerUnknown: { id: 'Mitra tidak ditemukan.', en: 'Partner not found.' },
  partnerNotYours: {
    id: 'Anda hanya dapat membuat program untuk mitra Anda sendiri.',
    en: 'You can only create programmes for your own partner.',
  },
  unitOutOfScope: {
    id: 'Unit penyelenggara berada di luar OPD Anda.',
    en: 'The organising unit is outside your OPD.',
  },
  unitUnknown: { id: 'Unit tidak ditemukan.', en: 'Unit not found.' },
  competencyRetired: {
    id: 'Kompetensi ini sudah tidak dipakai lagi di kamus kompetensi. Pilih kompetensi yang berlaku.',
    en: 'This competency is no longer in use in the dictionary. Choose a current one.',
  },
  competencyUnknown: {
    id: 'Kompetensi ini tidak ada di kamus kompetensi.',
    en: 'This competency is not in the dictionary.',
  },
  competencyTwice: {
    id: 'Kompetensi ini sudah dipilih pada baris {first}.',
    en: 'This competency is already chosen in row {first}.',
  },
  sessionEnd: {
    id: 'Waktu selesai harus sesudah waktu mulai.',
    en: 'The end time must be after the start time.',
  },
  sessionPlace: {
    id: 'Isi tempat atau tautan daring.',
    en: 'Give a venue or an online link.',
  },
  statusMove: {
    id: 'Program berstatus "{from}" tidak dapat diubah menjadi "{to}".',
    en: 'A programme that is "{from}" cannot become "{to}".',
  },
  publishNeedsSession: {
    id: 'Tambahkan paling sedikit satu sesi sebelum menerbitkan program.',
    en: 'Add at least one session before publishing.',
  },
  noRuleSet: {
    id: 'Belum ada aturan konversi JP yang berlaku pada tanggal {date}.',
    en: 'No JP conversion rules are in force on {date}.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type ProgramTextKey = keyof typeof TEXTS;

export const text = textsOf(TEXTS);

export { fieldErrors } from '../../http/errors.js';
