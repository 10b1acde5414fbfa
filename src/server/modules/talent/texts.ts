/** Texts of the SKP import (Bahasa Indonesia first). */
import { textsOf, type Lang } from '../../http/messages.js';

const TEXTS = {
  required: { id: 'Wajib diisi.', en: 'Required.' },
  nipBad: {
    id: 'NIP harus 18 angka, ditulis sebagai Teks (bukan Angka).',
    en: 'The NIP must be 18 digits, written as Text (not a Number).',
  },
  nipUnknown: { id: 'NIP "{value}" tidak terdaftar.', en: 'NIP "{value}" is not registered.' },
  nipOutOfScope: {
    id: 'Pegawai dengan NIP "{value}" berada di luar OPD Anda.',
    en: 'The employee with NIP "{value}" is outside your OPD.',
  },
  yearRange: {
    id: 'Tahun harus angka bulat dari {min} sampai {max}.',
    en: 'The year must be a whole number from {min} to {max}.',
  },
  scoreRange: {
    id: 'Nilai SKP harus angka dari 0 sampai 200 (desimal boleh, mis. 87,5).',
    en: 'The SKP score must be a number from 0 to 200 (decimals allowed, e.g. 87.5).',
  },
  predikatBad: {
    id: 'Predikat harus salah satu dari: Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang (atau kosong).',
    en: 'The predikat must be one of: Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang (or empty).',
  },
  duplicate: {
    id: 'NIP ini dengan tahun {year} sudah ada di baris {first}. Satu pegawai hanya satu nilai per tahun.',
    en: 'This NIP with year {year} is already in row {first}. One score per employee per year.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type TalentTextKey = keyof typeof TEXTS;

export const text = textsOf(TEXTS);
