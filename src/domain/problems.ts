/**
 * Plain-language messages for the problems domain rules find in a value (Bahasa Indonesia first).
 * Used by the API, the import checker and the web forms, so every place says the same thing.
 */
import type { NipProblem } from './nip.js';

export type Lang = 'id' | 'en';

export type ValueProblem =
  | NipProblem
  | { code: 'required' }
  | { code: 'tooLong'; max: number }
  | { code: 'tooShort'; min: number }
  | { code: 'email' }
  | { code: 'phone' }
  | { code: 'date' }
  | { code: 'oneOf'; options: string }
  | { code: 'golongan.pns'; value: string }
  | { code: 'golongan.pppk'; value: string }
  | { code: 'status'; value: string }
  | { code: 'unit.unknown'; value: string }
  | { code: 'position.unknown'; value: string }
  | { code: 'supervisor.unknown'; value: string }
  | { code: 'supervisor.self' }
  | { code: 'supervisor.cycle' }
  | { code: 'duplicateInFile'; firstRow: number }
  | { code: 'nip.statusMismatch'; status: string; kind: string }
  | { code: 'level.required'; type: string }
  | { code: 'level.forbidden' }
  | { code: 'positionType'; value: string }
  | { code: 'unitKind'; value: string }
  | { code: 'parent.unknown'; value: string }
  | { code: 'parent.cycle' }
  | { code: 'invalid' };

type Text = { id: string; en: string };

/** Where the TMT sits in the NIP: year and month for a PNS, the year only for a PPPK. */
const tmtDigits = (kind: string) => (kind === 'PPPK' ? '9–12' : '9–14');

export function problemText(p: ValueProblem): Text {
  switch (p.code) {
    case 'nip.empty':
      return { id: 'NIP wajib diisi.', en: 'NIP is required.' };
    case 'nip.notDigits':
      return { id: 'NIP hanya boleh berisi angka.', en: 'NIP may contain digits only.' };
    case 'nip.length':
      return {
        id: `NIP harus 18 angka; tertulis ${p.actual}.`,
        en: `NIP must be 18 digits; got ${p.actual}.`,
      };
    case 'nip.scientific':
      return {
        id: 'NIP terbaca sebagai angka ilmiah (mis. 1,97E+17) karena Excel. Format kolom NIP sebagai Teks lalu ketik ulang.',
        en: 'Excel turned the NIP into scientific notation (e.g. 1.97E+17). Format the column as Text and retype it.',
      };
    case 'nip.birthDate':
      return {
        id: '8 angka pertama NIP bukan tanggal lahir yang sah (TTTTBBHH).',
        en: 'The first 8 digits are not a valid birth date.',
      };
    case 'nip.appointment':
      return {
        id: 'Angka 9–14 NIP bukan TMT yang sah.',
        en: 'Digits 9–14 are not a valid appointment date.',
      };
    case 'nip.gender':
      return {
        id: 'Angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan).',
        en: 'Digit 15 must be 1 (male) or 2 (female).',
      };
    case 'nip.serial':
      return {
        id: 'Nomor urut NIP (3 angka terakhir) tidak boleh 000.',
        en: 'The serial (last 3 digits) cannot be 000.',
      };
    case 'nip.batch':
      return {
        id: 'Angka ke-14 NIP PPPK (angkatan) harus 1–9, bukan 0.',
        en: 'Digit 14 of a PPPK NIP (the batch) must be 1–9, not 0.',
      };
    case 'nip.birthFuture':
      return {
        id: 'Tanggal lahir pada NIP (8 angka pertama) jatuh setelah hari ini.',
        en: 'The birth date in the NIP (first 8 digits) is after today.',
      };
    case 'nip.appointmentFuture':
      return {
        id: `TMT pada NIP (angka ${tmtDigits(p.kind)}) jatuh setelah hari ini.`,
        en: `The appointment date in the NIP (digits ${tmtDigits(p.kind)}) is after today.`,
      };
    case 'nip.appointmentBeforeBirth':
      return {
        id: `TMT pada NIP (angka ${tmtDigits(p.kind)}) lebih awal dari tanggal lahirnya (8 angka pertama).`,
        en: `The appointment date in the NIP (digits ${tmtDigits(p.kind)}) is before the birth date (first 8 digits).`,
      };
    case 'nip.tooYoung':
      return {
        id: `Pada TMT umurnya baru ${p.age} tahun; ${p.kind === 'PPPK' ? 'PPPK' : 'CPNS'} paling muda ${p.min} tahun (${p.basis}). Periksa tanggal lahir (8 angka pertama) dan TMT (angka ${tmtDigits(p.kind)}).`,
        en: `At the appointment date they were only ${p.age}; a ${p.kind === 'PPPK' ? 'PPPK' : 'CPNS'} is at least ${p.min} (${p.basis}). Check the birth date (first 8 digits) and the appointment date (digits ${tmtDigits(p.kind)}).`,
      };
    case 'nip.statusMismatch':
      return {
        id: `Status ${p.status} tidak cocok dengan NIP berpola ${p.kind}.`,
        en: `Status ${p.status} does not fit a ${p.kind}-style NIP.`,
      };
    case 'required':
      return { id: 'Wajib diisi.', en: 'Required.' };
    case 'tooLong':
      return {
        id: `Terlalu panjang (maksimal ${p.max} karakter).`,
        en: `Too long (max ${p.max} characters).`,
      };
    case 'tooShort':
      return {
        id: `Terlalu pendek (minimal ${p.min} karakter).`,
        en: `Too short (min ${p.min} characters).`,
      };
    case 'email':
      return { id: 'Alamat email tidak sah.', en: 'Not a valid e-mail address.' };
    case 'phone':
      return {
        id: 'Nomor telepon hanya angka, boleh diawali +.',
        en: 'Phone: digits only, may start with +.',
      };
    case 'date':
      return { id: 'Tanggal tidak sah (gunakan dd/mm/yyyy).', en: 'Not a valid date (use dd/mm/yyyy).' };
    case 'oneOf':
      return { id: `Pilih salah satu: ${p.options}.`, en: `Choose one of: ${p.options}.` };
    case 'golongan.pns':
      return {
        id: `Golongan "${p.value}" tidak dikenal; tulis seperti III/a (I/a sampai IV/e).`,
        en: `Unknown golongan "${p.value}"; write it like III/a (I/a to IV/e).`,
      };
    case 'golongan.pppk':
      return {
        id: `Golongan PPPK "${p.value}" tidak dikenal; tulis angka Romawi I sampai XVII.`,
        en: `Unknown PPPK golongan "${p.value}"; use Roman numerals I to XVII.`,
      };
    case 'status':
      return {
        id: `Status "${p.value}" tidak dikenal; isi PNS, CPNS atau PPPK.`,
        en: `Unknown status "${p.value}"; use PNS, CPNS or PPPK.`,
      };
    case 'unit.unknown':
      return { id: `Kode unit "${p.value}" tidak ada.`, en: `Unit code "${p.value}" does not exist.` };
    case 'position.unknown':
      return {
        id: `Jabatan "${p.value}" tidak ada di daftar jabatan.`,
        en: `Position "${p.value}" is not in the position list.`,
      };
    case 'supervisor.unknown':
      return {
        id: `NIP atasan ${p.value} tidak ditemukan (di berkas maupun di data).`,
        en: `Supervisor NIP ${p.value} not found (in the file or the data).`,
      };
    case 'supervisor.self':
      return {
        id: 'Pegawai tidak boleh menjadi atasan dirinya sendiri.',
        en: 'An employee cannot supervise themself.',
      };
    case 'supervisor.cycle':
      return {
        id: 'Rantai atasan menjadi melingkar: pegawai ini sudah menjadi atasan (langsung atau tidak langsung) dari atasan yang diisi.',
        en: 'The supervisor chain would loop: this employee already supervises (directly or not) the supervisor given.',
      };
    case 'duplicateInFile':
      return {
        id: `NIP ini sudah muncul di baris ${p.firstRow}.`,
        en: `This NIP already appears in row ${p.firstRow}.`,
      };
    case 'level.required':
      return { id: `Jabatan ${p.type} wajib punya jenjang.`, en: `A ${p.type} position needs a level.` };
    case 'level.forbidden':
      return {
        id: 'Jenjang hanya untuk jabatan fungsional.',
        en: 'Levels are for functional positions only.',
      };
    case 'positionType':
      return { id: `Jenis jabatan "${p.value}" tidak dikenal.`, en: `Unknown position type "${p.value}".` };
    case 'unitKind':
      return { id: `Jenis unit "${p.value}" tidak dikenal.`, en: `Unknown unit kind "${p.value}".` };
    case 'parent.unknown':
      return {
        id: `Kode unit induk "${p.value}" tidak ada.`,
        en: `Parent unit code "${p.value}" does not exist.`,
      };
    case 'parent.cycle':
      return {
        id: 'Unit tidak boleh berada di bawah dirinya sendiri.',
        en: 'A unit cannot sit under itself.',
      };
    case 'invalid':
      return { id: 'Isian tidak sah.', en: 'Invalid value.' };
  }
}

export const problemMessage = (lang: Lang, p: ValueProblem) => problemText(p)[lang];
