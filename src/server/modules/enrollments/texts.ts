/** Texts the enrolment and attendance APIs speak (Bahasa Indonesia first). */
import { AppError } from '../../http/errors.js';
import { textsOf, type Lang } from '../../http/messages.js';

const TEXTS = {
  noEmployee: {
    id: 'Akun Anda tidak terhubung dengan data pegawai, jadi tidak dapat mendaftar sendiri.',
    en: 'Your account is not linked to an employee, so you cannot enrol yourself.',
  },
  nipUnknown: { id: 'Pegawai dengan NIP {value} tidak ditemukan.', en: 'No employee with NIP {value}.' },
  notYourEmployee: {
    id: 'Anda hanya dapat mengusulkan pegawai OPD Anda (operator) atau bawahan Anda (atasan).',
    en: 'You can only nominate employees of your OPD (operator) or your subordinates (atasan).',
  },
  alreadyDecided: {
    id: 'Langkah persetujuan ini sudah diputuskan. Muat ulang untuk melihat status terbaru.',
    en: 'This approval step has already been decided. Reload to see the latest status.',
  },
  alreadyEnrolled: {
    id: 'Pegawai ini sudah terdaftar di program ini.',
    en: 'This employee is already enrolled in this programme.',
  },
  notApprover: {
    id: 'Hanya atasan pegawai ini (atau BKPSDM pada langkahnya) yang dapat memutuskan pendaftaran ini.',
    en: "Only this employee's supervisor (or BKPSDM at its step) can decide on this enrolment.",
  },
  noteRequired: {
    id: 'Tulis alasan penolakan agar pegawai mengerti.',
    en: 'Give the reason for the rejection so the employee understands.',
  },
  reasonRequired: {
    id: 'Tulis alasan singkat mengapa program ini diperlukan.',
    en: 'Give a short reason why this programme is needed.',
  },
  clash: {
    id: 'Jadwal bentrok dengan program "{title}" yang sudah disetujui ({when}).',
    en: 'The schedule clashes with the approved programme "{title}" ({when}).',
  },
  codeWrong: {
    id: 'Kode tidak cocok atau sudah kedaluwarsa. Kode berganti setiap 30 detik: pindai lagi atau ketik kode yang tampil sekarang.',
    en: 'The code does not match or has expired. It changes every 30 seconds: scan again or type the code shown now.',
  },
  notParticipant: {
    id: 'Anda tidak terdaftar sebagai peserta yang disetujui pada program ini.',
    en: 'You are not an approved participant of this programme.',
  },
  outsideWindow: {
    id: 'Presensi sesi ini dibuka {from} s.d. {to}.',
    en: 'Check-in for this session is open {from} to {to}.',
  },
  notParticipantRow: {
    id: 'Pendaftaran ini bukan peserta yang disetujui pada program ini.',
    en: 'This enrolment is not an approved participant of this programme.',
  },
  replaceSame: {
    id: 'Pengganti harus pegawai lain.',
    en: 'The replacement must be another employee.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type EnrolmentTextKey = keyof typeof TEXTS;

export const text = textsOf(TEXTS);

/** A 422 naming the field, with the message also as `detail` so small pages can show it plainly. */
export function refuse(field: string, message: string): AppError {
  return new AppError('validation', {}, [{ field, message }], { detail: message });
}
