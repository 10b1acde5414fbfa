/**
 * Kamus kompetensi: the nine manajerial and sosial-kultural competencies of PermenPANRB 38/2017
 * (codes as in the anjab seed data) and three teknis competencies for Kota Ambon's services.
 * The M/SK text is the lampiran's, as written, with its source (dictionary-managerial.ts); the teknis
 * ones are Asah's own examples. Pure reference data: seeded as version 1 of each competency; tenants
 * edit it by adding versions.
 */

import { entry, type DictionaryEntry } from './dictionary-entry.js';
import { MANAGERIAL_DICTIONARY } from './dictionary-managerial.js';

export type { CompetencyGroup, DictionaryEntry, DictionaryLevel } from './dictionary-entry.js';

/** Teknis competencies for Kota Ambon's services (set per jabatan/urusan). */
export const TECHNICAL_DICTIONARY: readonly DictionaryEntry[] = [
  entry(
    'T.1',
    'T',
    'Pelayanan Administrasi Kependudukan',
    'Kemampuan melaksanakan pendaftaran penduduk dan pencatatan sipil (KTP-el, KK, akta) secara tepat, cepat, dan sesuai peraturan perundang-undangan.',
    [
      [
        'Memahami jenis dokumen kependudukan',
        'Mengenali jenis dokumen kependudukan dan persyaratannya.',
        'Menjelaskan persyaratan KTP-el, KK, dan akta',
        'Memeriksa kelengkapan berkas pemohon',
      ],
      [
        'Memproses layanan dokumen kependudukan rutin',
        'Memproses permohonan dokumen kependudukan rutin dengan benar.',
        'Memasukkan data permohonan ke SIAK tanpa kesalahan',
        'Menyelesaikan dokumen sesuai waktu standar',
      ],
      [
        'Menangani kasus layanan kependudukan yang tidak biasa',
        'Menyelesaikan kasus administrasi kependudukan yang rumit.',
        'Menangani perbaikan data ganda atau salah',
        'Melayani penduduk rentan dengan jemput bola',
      ],
      [
        'Mengendalikan mutu layanan dan data kependudukan',
        'Mengawasi mutu layanan dan kebenaran data kependudukan unit.',
        'Memantau konsolidasi dan pembersihan data',
        'Menyusun inovasi layanan adminduk',
      ],
      [
        'Merumuskan kebijakan administrasi kependudukan daerah',
        'Merumuskan kebijakan adminduk daerah dan pemanfaatan datanya.',
        'Menyusun kebijakan pemanfaatan data kependudukan',
        'Membangun kerja sama pemanfaatan data dengan instansi lain',
      ],
    ],
  ),
  entry(
    'T.2',
    'T',
    'Literasi Digital dan Sistem Informasi',
    'Kemampuan menggunakan perangkat digital dan sistem informasi pemerintahan secara aman dan efektif untuk mendukung tugas dan layanan (SPBE).',
    [
      [
        'Menggunakan perangkat dan aplikasi kantor dasar',
        'Menggunakan komputer, surel, dan aplikasi perkantoran dasar.',
        'Mengetik dan menyimpan dokumen dengan rapi',
        'Menjaga kerahasiaan kata sandi',
      ],
      [
        'Menggunakan aplikasi layanan sesuai tugas',
        'Menggunakan aplikasi layanan pemerintahan sesuai tugasnya.',
        'Memasukkan data ke aplikasi dengan benar',
        'Mengenali tautan atau pesan penipuan',
      ],
      [
        'Mengolah dan menyajikan data secara digital',
        'Mengolah data dan menyajikannya untuk mendukung keputusan unit.',
        'Membuat tabel dan grafik dari data layanan',
        'Membantu rekan menyelesaikan masalah aplikasi',
      ],
      [
        'Mengelola sistem informasi unit kerja',
        'Mengelola sistem informasi unit dan keamanan datanya.',
        'Menetapkan hak akses pengguna aplikasi',
        'Memantau integrasi data antaraplikasi',
      ],
      [
        'Mengarahkan transformasi digital instansi',
        'Mengarahkan transformasi digital dan tata kelola SPBE instansi.',
        'Menyusun peta rencana SPBE',
        'Menetapkan kebijakan keamanan informasi',
      ],
    ],
  ),
  entry(
    'T.3',
    'T',
    'Pengelolaan Keuangan Daerah',
    'Kemampuan merencanakan, menatausahakan, melaporkan, dan mempertanggungjawabkan keuangan daerah sesuai peraturan (SIPD, standar akuntansi pemerintahan).',
    [
      [
        'Memahami dasar pengelolaan keuangan daerah',
        'Memahami dokumen dan siklus dasar keuangan daerah.',
        'Mengenali dokumen DPA dan SPJ',
        'Menyimpan bukti transaksi dengan tertib',
      ],
      [
        'Menatausahakan transaksi keuangan',
        'Mencatat dan menatausahakan transaksi keuangan dengan benar.',
        'Menyusun SPJ sesuai ketentuan',
        'Mencatat transaksi di SIPD tepat waktu',
      ],
      [
        'Menyusun anggaran dan laporan keuangan unit',
        'Menyusun anggaran dan laporan keuangan unit kerja.',
        'Menyusun RKA sesuai pagu dan program',
        'Merekonsiliasi realisasi anggaran',
      ],
      [
        'Mengendalikan pelaksanaan anggaran',
        'Mengendalikan pelaksanaan anggaran dan menindaklanjuti temuan.',
        'Memantau serapan anggaran secara berkala',
        'Menindaklanjuti temuan pemeriksaan',
      ],
      [
        'Merumuskan kebijakan keuangan daerah',
        'Merumuskan kebijakan pengelolaan keuangan daerah yang akuntabel.',
        'Menyusun kebijakan akuntansi daerah',
        'Mengarahkan perbaikan opini laporan keuangan',
      ],
    ],
  ),
];

export const COMPETENCY_DICTIONARY: readonly DictionaryEntry[] = [
  ...MANAGERIAL_DICTIONARY,
  ...TECHNICAL_DICTIONARY,
];
