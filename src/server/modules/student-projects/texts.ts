import { textsOf, type Lang } from '../../http/messages.js';

const TEXTS = {
  unitOutside: { id: 'Unit ini di luar OPD Anda.', en: 'This unit is outside your OPD.' },
  supervisorUnknown: {
    id: 'Pembimbing dengan NIP {nip} tidak ditemukan di OPD ini.',
    en: 'No supervisor with NIP {nip} in this OPD.',
  },
  partnerUnknown: { id: 'Mitra tidak ditemukan.', en: 'Partner not found.' },
  seatsFull: {
    id: 'Semua {seats} kursi proyek sudah terisi.',
    en: 'All {seats} places of the project are taken.',
  },
  reserved: {
    id: 'Proyek ini disediakan untuk mitra lain.',
    en: 'This project is reserved for another partner.',
  },
  notOpen: {
    id: 'Mahasiswa hanya dapat ditambahkan selama proyek dibuka atau berjalan.',
    en: 'Students can be added only while the project is open or running.',
  },
  duplicateStudent: {
    id: 'Mahasiswa dengan NIM {number} sudah ada di proyek ini.',
    en: 'A student with number {number} is already on this project.',
  },
  finalOutput: {
    id: 'Tuliskan hasil akhir proyek sebelum menandainya selesai.',
    en: 'Describe the final output before marking the project done.',
  },
  statusMove: {
    id: 'Proyek berstatus "{from}" tidak dapat diubah menjadi "{to}".',
    en: 'A project that is "{from}" cannot become "{to}".',
  },
  seatsBelowMembers: {
    id: 'Sudah ada {members} mahasiswa; kursi tidak boleh kurang dari itu.',
    en: 'There are already {members} students; places cannot be fewer.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type ProjectTextKey = keyof typeof TEXTS;

export const text = textsOf(TEXTS);
