/**
 * Static description of the Kota Ambon government used by the demo generator.
 * Bidang strings are "Bidang name|seksi 1|seksi 2|…". Synthetic where the real SOTK is not known.
 */

import type { UnitKind } from '../org.js';

/** Field of work: drives academic titles. */
export type Field = 'edu' | 'health' | 'eng' | 'fin' | 'law' | 'it' | 'agri' | 'fish' | 'gov';

export interface OpdSpec {
  code: string;
  name: string;
  kind: UnitKind;
  /** Head title, e.g. "Kepala Dinas Pendidikan". */
  head: string;
  field: Field;
  /** Relative share of all staff. */
  share: number;
  bidang: string[];
  /** Subbagian of the sekretariat. */
  subbagian?: string[];
}

const SUBBAG = ['Umum dan Kepegawaian', 'Keuangan', 'Perencanaan, Evaluasi dan Pelaporan'];

function dinas(code: string, name: string, field: Field, share: number, bidang: string[]): OpdSpec {
  return {
    code,
    name: `Dinas ${name}`,
    kind: 'dinas',
    head: `Kepala Dinas ${name}`,
    field,
    share,
    bidang,
    subbagian: SUBBAG,
  };
}
function badan(code: string, name: string, field: Field, share: number, bidang: string[]): OpdSpec {
  return {
    code,
    name: `Badan ${name}`,
    kind: 'badan',
    head: `Kepala Badan ${name}`,
    field,
    share,
    bidang,
    subbagian: SUBBAG,
  };
}

/** Sekretariat Daerah: bagian with subbagian; led by the Sekda, who heads the root unit. */
export const SETDA_BAGIAN = [
  'Tata Pemerintahan|Pemerintahan Umum|Otonomi Daerah|Kerja Sama',
  'Hukum|Perundang-undangan|Bantuan Hukum|Dokumentasi dan Informasi Hukum',
  'Organisasi|Kelembagaan dan Analisis Jabatan|Reformasi Birokrasi dan Akuntabilitas Kinerja|Tata Laksana dan Pelayanan Publik',
  'Umum|Tata Usaha Pimpinan|Rumah Tangga|Keuangan dan Perlengkapan',
  'Perekonomian|Perekonomian|Sumber Daya Alam|Sarana Perekonomian',
  'Kesejahteraan Rakyat|Kesejahteraan Sosial|Bina Mental dan Keagamaan',
  'Pengadaan Barang dan Jasa|Pengelolaan Pengadaan|Layanan Pengadaan Secara Elektronik|Pembinaan dan Advokasi Pengadaan',
  'Protokol dan Komunikasi Pimpinan|Protokol|Komunikasi Pimpinan|Dokumentasi Pimpinan',
  'Administrasi Pembangunan|Pengendalian Program|Pelaporan Pembangunan',
];

export const OPDS: OpdSpec[] = [
  {
    code: 'SETDPRD',
    name: 'Sekretariat DPRD',
    kind: 'sekretariat',
    head: 'Sekretaris DPRD',
    field: 'gov',
    share: 1.2,
    bidang: [
      'Umum dan Keuangan|Tata Usaha dan Kepegawaian|Keuangan|Rumah Tangga dan Perlengkapan',
      'Persidangan dan Perundang-undangan|Rapat dan Risalah|Perundang-undangan',
      'Fasilitasi Penganggaran dan Pengawasan|Fasilitasi Penganggaran|Fasilitasi Pengawasan',
    ],
  },
  {
    code: 'INSPEKTORAT',
    name: 'Inspektorat',
    kind: 'inspektorat',
    head: 'Inspektur',
    field: 'fin',
    share: 1.2,
    bidang: [
      'Inspektur Pembantu Wilayah I',
      'Inspektur Pembantu Wilayah II',
      'Inspektur Pembantu Wilayah III',
      'Inspektur Pembantu Wilayah IV',
    ],
    subbagian: ['Perencanaan', 'Evaluasi dan Pelaporan', 'Administrasi dan Umum'],
  },
  dinas('DISDIK', 'Pendidikan', 'edu', 40, [
    'Pembinaan Sekolah Dasar|Kurikulum dan Penilaian SD|Peserta Didik dan Pembangunan Karakter SD|Sarana dan Prasarana SD',
    'Pembinaan Sekolah Menengah Pertama|Kurikulum dan Penilaian SMP|Peserta Didik dan Pembangunan Karakter SMP|Sarana dan Prasarana SMP',
    'Pembinaan PAUD dan Pendidikan Nonformal|Kurikulum PAUD dan PNF|Kelembagaan dan Sarana Prasarana PAUD dan PNF',
    'Guru dan Tenaga Kependidikan|Pendidik dan Tenaga Kependidikan SD|Pendidik dan Tenaga Kependidikan SMP',
  ]),
  dinas('DINKES', 'Kesehatan', 'health', 13, [
    'Kesehatan Masyarakat|Kesehatan Keluarga dan Gizi|Promosi dan Pemberdayaan Masyarakat|Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga',
    'Pencegahan dan Pengendalian Penyakit|Surveilans dan Imunisasi|Pencegahan dan Pengendalian Penyakit Menular|Pencegahan dan Pengendalian Penyakit Tidak Menular dan Kesehatan Jiwa',
    'Pelayanan Kesehatan|Pelayanan Kesehatan Primer|Pelayanan Kesehatan Rujukan|Pelayanan Kesehatan Tradisional',
    'Sumber Daya Kesehatan|Kefarmasian|Alat Kesehatan dan PKRT|Sumber Daya Manusia Kesehatan',
  ]),
  dinas('DISPUPR', 'Pekerjaan Umum dan Penataan Ruang', 'eng', 2, [
    'Bina Marga|Pembangunan Jalan dan Jembatan|Preservasi Jalan dan Jembatan',
    'Sumber Daya Air|Irigasi dan Pengendalian Banjir|Air Baku',
    'Cipta Karya|Air Minum dan Sanitasi|Penataan Bangunan dan Lingkungan',
    'Penataan Ruang|Perencanaan Tata Ruang|Pemanfaatan dan Pengendalian Tata Ruang',
  ]),
  dinas('DISPERKIM', 'Perumahan dan Kawasan Permukiman', 'eng', 1.2, [
    'Perumahan|Pendataan dan Perencanaan Perumahan|Pembangunan Perumahan',
    'Kawasan Permukiman|Peningkatan Kualitas Permukiman|Pencegahan Permukiman Kumuh',
    'Prasarana, Sarana dan Utilitas|PSU Perumahan|Pertamanan dan Penerangan Jalan Umum',
  ]),
  dinas('DINSOS', 'Sosial', 'gov', 1.2, [
    'Perlindungan dan Jaminan Sosial|Perlindungan Sosial Korban Bencana|Jaminan Sosial Keluarga',
    'Rehabilitasi Sosial|Rehabilitasi Sosial Anak dan Lanjut Usia|Rehabilitasi Sosial Penyandang Disabilitas',
    'Pemberdayaan Sosial dan Penanganan Fakir Miskin|Pemberdayaan Sosial|Penanganan Fakir Miskin',
  ]),
  dinas('DISDUKCAPIL', 'Kependudukan dan Pencatatan Sipil', 'gov', 1.5, [
    'Pelayanan Pendaftaran Penduduk|Identitas Penduduk|Pindah Datang Penduduk|Pendataan Penduduk',
    'Pelayanan Pencatatan Sipil|Kelahiran|Perkawinan dan Perceraian|Perubahan Status Anak, Pewarganegaraan dan Kematian',
    'Pengelolaan Informasi Administrasi Kependudukan|Sistem Informasi Administrasi Kependudukan|Pengolahan dan Penyajian Data Kependudukan|Tata Kelola dan SDM Teknologi Informasi dan Komunikasi',
    'Pemanfaatan Data dan Inovasi Pelayanan|Kerja Sama dan Pemanfaatan Data|Inovasi Pelayanan',
  ]),
  dinas('DISHUB', 'Perhubungan', 'eng', 1.5, [
    'Lalu Lintas Jalan|Manajemen dan Rekayasa Lalu Lintas|Pengendalian dan Operasional',
    'Angkutan|Angkutan Orang|Angkutan Barang',
    'Pelayaran|Lalu Lintas dan Angkutan Perairan|Kepelabuhanan',
    'Sarana dan Prasarana|Pengujian Kendaraan Bermotor|Perparkiran',
  ]),
  dinas('DISKOMINFOSANDI', 'Komunikasi, Informatika dan Persandian', 'it', 1.2, [
    'Informasi dan Komunikasi Publik|Pengelolaan Informasi Publik|Pengelolaan Komunikasi Publik|Kemitraan Media',
    'Aplikasi Informatika|Layanan E-Government|Pengembangan Aplikasi',
    'Infrastruktur Teknologi Informasi|Infrastruktur Jaringan|Pusat Data',
    'Persandian dan Statistik|Persandian dan Keamanan Informasi|Statistik Sektoral',
  ]),
  dinas('DISKOPUKM', 'Koperasi dan Usaha Kecil dan Menengah', 'fin', 0.9, [
    'Koperasi|Kelembagaan dan Perizinan Koperasi|Pengawasan dan Pemeriksaan Koperasi',
    'Usaha Mikro, Kecil dan Menengah|Pemberdayaan UMKM|Pengembangan UMKM',
  ]),
  dinas('DPMPTSP', 'Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'law', 1, [
    'Penanaman Modal|Promosi Penanaman Modal|Pengendalian Pelaksanaan Penanaman Modal',
    'Pelayanan Perizinan dan Nonperizinan|Pelayanan Perizinan|Pelayanan Nonperizinan',
    'Pengaduan, Kebijakan dan Pelaporan Layanan|Pengaduan|Kebijakan dan Pelaporan',
  ]),
  dinas('DISPAR', 'Pariwisata', 'gov', 0.9, [
    'Destinasi Pariwisata|Pengembangan Daya Tarik Wisata|Pengelolaan Destinasi',
    'Pemasaran Pariwisata|Promosi|Kemitraan',
    'Industri Pariwisata|Usaha Pariwisata|Sumber Daya Manusia Pariwisata',
  ]),
  dinas('DISBUD', 'Kebudayaan', 'gov', 0.8, [
    'Cagar Budaya dan Permuseuman|Cagar Budaya|Permuseuman',
    'Kesenian dan Tradisi|Kesenian|Tradisi dan Adat',
    'Pengembangan Musik|Pendidikan Musik|Industri Musik',
  ]),
  dinas('DLHP', 'Lingkungan Hidup dan Persampahan', 'eng', 2.5, [
    'Tata Lingkungan|Perencanaan dan Kajian Dampak Lingkungan|Pemeliharaan Lingkungan',
    'Pengendalian Pencemaran dan Kerusakan Lingkungan|Pemantauan Lingkungan|Penegakan Hukum Lingkungan',
    'Pengelolaan Sampah|Penanganan Sampah|Pengurangan Sampah|Kebersihan Kota',
  ]),
  dinas('DISKAN', 'Perikanan', 'fish', 1, [
    'Perikanan Tangkap|Sarana dan Prasarana Perikanan Tangkap|Pemberdayaan Nelayan',
    'Perikanan Budidaya|Produksi Budidaya|Kesehatan Ikan dan Lingkungan',
    'Pengolahan dan Pemasaran Hasil Perikanan|Pengolahan Hasil Perikanan|Pemasaran Hasil Perikanan',
  ]),
  dinas('DISTAN', 'Pertanian', 'agri', 1.2, [
    'Tanaman Pangan dan Hortikultura|Produksi Tanaman Pangan|Hortikultura',
    'Peternakan dan Kesehatan Hewan|Produksi Peternakan|Kesehatan Hewan dan Kesehatan Masyarakat Veteriner',
    'Penyuluhan|Kelembagaan Penyuluhan|Metode dan Informasi Penyuluhan',
  ]),
  dinas('DKP', 'Ketahanan Pangan', 'agri', 0.8, [
    'Ketersediaan dan Kerawanan Pangan|Ketersediaan Pangan|Kerawanan Pangan',
    'Distribusi dan Cadangan Pangan|Distribusi Pangan|Cadangan Pangan',
    'Konsumsi dan Keamanan Pangan|Konsumsi dan Penganekaragaman Pangan|Keamanan Pangan',
  ]),
  dinas('DISPERINDAG', 'Perindustrian dan Perdagangan', 'fin', 1.2, [
    'Perindustrian|Industri Agro dan Kimia|Industri Logam, Mesin dan Aneka',
    'Perdagangan|Perdagangan Dalam Negeri|Perlindungan Konsumen dan Metrologi',
    'Pengelolaan Pasar|Pengelolaan Pasar|Pendapatan dan Ketertiban Pasar',
  ]),
  dinas('DISNAKER', 'Tenaga Kerja', 'law', 0.8, [
    'Pelatihan dan Produktivitas|Pelatihan Kerja|Produktivitas',
    'Penempatan Tenaga Kerja|Informasi Pasar Kerja|Penempatan dan Perluasan Kesempatan Kerja',
    'Hubungan Industrial dan Jaminan Sosial|Persyaratan Kerja|Penyelesaian Perselisihan',
  ]),
  dinas('DP3A', 'Pemberdayaan Perempuan dan Perlindungan Anak', 'gov', 0.8, [
    'Pemberdayaan Perempuan|Kualitas Hidup Perempuan|Pengarusutamaan Gender',
    'Perlindungan Perempuan dan Anak|Perlindungan Hak Perempuan|Perlindungan Khusus Anak',
    'Pemenuhan Hak Anak|Pemenuhan Hak Sipil Anak|Kota Layak Anak',
  ]),
  dinas('DPPKB', 'Pengendalian Penduduk dan Keluarga Berencana', 'health', 1, [
    'Pengendalian Penduduk|Analisis Dampak Kependudukan|Pendataan Keluarga',
    'Keluarga Berencana|Pelayanan KB|Jaminan dan Ketersediaan Alat Kontrasepsi',
    'Ketahanan dan Kesejahteraan Keluarga|Bina Keluarga Balita dan Anak|Bina Ketahanan Remaja',
  ]),
  dinas('DISPORA', 'Pemuda dan Olahraga', 'edu', 0.8, [
    'Kepemudaan|Pemberdayaan Pemuda|Pengembangan Pemuda',
    'Keolahragaan|Pembudayaan Olahraga|Peningkatan Prestasi Olahraga',
  ]),
  dinas('DISPUSIP', 'Perpustakaan dan Kearsipan', 'gov', 0.9, [
    'Perpustakaan|Layanan Perpustakaan|Pengembangan Koleksi|Pembudayaan Gemar Membaca',
    'Kearsipan|Pengelolaan Arsip|Pembinaan Kearsipan',
  ]),
  dinas('DAMKAR', 'Pemadam Kebakaran', 'eng', 2, [
    'Pencegahan Kebakaran|Pencegahan dan Penyuluhan|Inspeksi Peralatan Proteksi Kebakaran',
    'Operasional dan Penyelamatan|Pemadaman|Penyelamatan',
    'Sarana dan Prasarana|Sarana dan Prasarana Pemadam|Pengembangan Kapasitas',
  ]),
  badan('BKPSDM', 'Kepegawaian dan Pengembangan Sumber Daya Manusia', 'gov', 1.3, [
    'Pengadaan, Pemberhentian dan Informasi Kepegawaian|Pengadaan dan Pemberhentian|Data dan Informasi Kepegawaian',
    'Mutasi dan Promosi|Mutasi|Promosi dan Kepangkatan',
    'Pengembangan Sumber Daya Manusia|Pengembangan Kompetensi|Sertifikasi dan Penilaian Kompetensi',
    'Penilaian Kinerja Aparatur dan Penghargaan|Penilaian Kinerja|Disiplin dan Penghargaan',
  ]),
  badan('BAPPEDA', 'Perencanaan Pembangunan Daerah', 'gov', 1.1, [
    'Perencanaan, Pengendalian dan Evaluasi|Perencanaan|Pengendalian dan Evaluasi',
    'Pemerintahan dan Pembangunan Manusia|Pemerintahan|Pembangunan Manusia',
    'Perekonomian dan Sumber Daya Alam|Perekonomian|Sumber Daya Alam',
    'Infrastruktur dan Kewilayahan|Infrastruktur|Kewilayahan',
  ]),
  badan('BPKAD', 'Pengelolaan Keuangan dan Aset Daerah', 'fin', 1.6, [
    'Anggaran|Penyusunan Anggaran|Pengendalian Anggaran',
    'Perbendaharaan|Belanja|Kas Daerah',
    'Akuntansi|Akuntansi|Pelaporan Keuangan',
    'Aset|Perencanaan dan Penatausahaan Aset|Pemanfaatan dan Pengamanan Aset',
  ]),
  badan('BAPENDA', 'Pendapatan Daerah', 'fin', 1.3, [
    'Pendataan dan Penetapan|Pendataan|Penetapan',
    'Penagihan dan Keberatan|Penagihan|Keberatan',
    'Pajak Bumi dan Bangunan|Pendataan PBB|Penilaian PBB',
  ]),
  {
    ...badan('BPBD', 'Penanggulangan Bencana Daerah', 'eng', 0.9, [
      'Pencegahan dan Kesiapsiagaan|Pencegahan|Kesiapsiagaan',
      'Kedaruratan dan Logistik|Kedaruratan|Logistik',
      'Rehabilitasi dan Rekonstruksi|Rehabilitasi|Rekonstruksi',
    ]),
    head: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah',
  },
  badan('KESBANGPOL', 'Kesatuan Bangsa dan Politik', 'gov', 0.8, [
    'Ideologi, Wawasan Kebangsaan dan Karakter Bangsa|Ideologi dan Karakter Bangsa|Wawasan Kebangsaan',
    'Politik Dalam Negeri dan Organisasi Kemasyarakatan|Politik Dalam Negeri|Organisasi Kemasyarakatan',
    'Kewaspadaan Nasional dan Penanganan Konflik|Kewaspadaan Dini|Penanganan Konflik',
  ]),
  {
    code: 'SATPOLPP',
    name: 'Satuan Polisi Pamong Praja',
    kind: 'satpol',
    head: 'Kepala Satuan Polisi Pamong Praja',
    field: 'law',
    share: 3,
    subbagian: SUBBAG,
    bidang: [
      'Penegakan Peraturan Daerah|Pembinaan, Pengawasan dan Penyuluhan|Penyelidikan dan Penyidikan',
      'Ketertiban Umum dan Ketenteraman Masyarakat|Operasi dan Pengendalian|Kerja Sama',
      'Perlindungan Masyarakat|Satuan Perlindungan Masyarakat|Bina Potensi Masyarakat',
    ],
  },
  {
    code: 'RSUD',
    name: 'Rumah Sakit Umum Daerah Kota Ambon',
    kind: 'unit',
    head: 'Direktur Rumah Sakit Umum Daerah',
    field: 'health',
    share: 6,
    subbagian: ['Umum dan Kepegawaian', 'Keuangan', 'Perencanaan dan Rekam Medis'],
    bidang: [
      'Pelayanan Medik|Pelayanan Medik|Penunjang Medik',
      'Keperawatan|Asuhan Keperawatan|Etika dan Mutu Keperawatan',
      'Penunjang Nonmedik|Sarana dan Prasarana|Instalasi dan Logistik',
    ],
  },
];

/** Kecamatan with their kelurahan (K), negeri (N) and desa (D), per Perda 2/2006 counts. */
export const KECAMATAN: { name: string; villages: string[] }[] = [
  {
    name: 'Nusaniwe',
    villages: [
      'K:Benteng',
      'K:Kudamati',
      'K:Mangga Dua',
      'K:Nusaniwe',
      'K:Silale',
      'K:Urimessing',
      'K:Waihaong',
      'K:Wainitu',
      'N:Amahusu',
      'N:Latuhalat',
      'N:Nusaniwe',
      'N:Urimessing',
      'D:Seilale',
    ],
  },
  {
    name: 'Sirimau',
    villages: [
      'K:Ahusen',
      'K:Amantelu',
      'K:Batu Gajah',
      'K:Batu Meja',
      'K:Honipopu',
      'K:Karang Panjang',
      'K:Pandan Kasturi',
      'K:Rijali',
      'K:Uritetu',
      'K:Waihoka',
      'N:Batu Merah',
      'N:Hative Kecil',
      'N:Soya',
      'D:Galala',
    ],
  },
  {
    name: 'Teluk Ambon',
    villages: [
      'K:Tihu',
      'N:Hative Besar',
      'N:Laha',
      'N:Rumah Tiga',
      'N:Tawiri',
      'D:Hunuth',
      'D:Poka',
      'D:Wayame',
    ],
  },
  {
    name: 'Teluk Ambon Baguala',
    villages: ['K:Lateri', 'N:Halong', 'N:Latta', 'N:Passo', 'D:Nania', 'D:Negeri Lama', 'D:Waiheru'],
  },
  {
    name: 'Leitimur Selatan',
    villages: [
      'N:Ema',
      'N:Hatalai',
      'N:Hukurila',
      'N:Hutumuri',
      'N:Kilang',
      'N:Leahari',
      'N:Naku',
      'N:Rutong',
    ],
  },
];

export const KECAMATAN_SEKSI = [
  'Pemerintahan',
  'Ketenteraman dan Ketertiban Umum',
  'Pemberdayaan Masyarakat',
  'Pelayanan Umum',
];

export const PUSKESMAS = [
  'Rijali',
  'Waihaong',
  'Benteng',
  'Kudamati',
  'Air Salobar',
  'Latuhalat',
  'Amahusu',
  'Karang Panjang',
  'Belakang Soya',
  'Hutumuri',
  'Passo',
  'Lateri',
  'Tawiri',
  'Poka',
];

export const SCHOOLS = { sd: 30, smp: 12 };
