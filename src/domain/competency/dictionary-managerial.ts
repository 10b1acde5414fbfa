/** The nine manajerial (M) and sosial-kultural (SK) competencies of PermenPANRB 38/2017. */

import { entry, type DictionaryEntry } from './dictionary-entry.js';

export const MANAGERIAL_DICTIONARY: readonly DictionaryEntry[] = [
  entry(
    'M.1',
    'M',
    'Integritas',
    'Konsisten berperilaku selaras dengan nilai, norma, dan etika organisasi, serta jujur dalam hubungan dengan atasan, rekan kerja, bawahan, dan pemangku kepentingan.',
    [
      [
        'Mampu bertindak sesuai nilai, norma, dan etika organisasi dalam kapasitas pribadi',
        'Bertindak jujur dan sesuai etika dalam pekerjaannya sendiri.',
        'Menolak pemberian yang berkaitan dengan tugas',
        'Mengakui kesalahan dan memperbaikinya',
      ],
      [
        'Mampu mengingatkan dan mengajak rekan kerja untuk bertindak sesuai nilai, norma, dan etika organisasi',
        'Mengingatkan rekan kerja agar bertindak sesuai aturan dan etika.',
        'Menegur rekan yang melanggar aturan dengan sopan',
        'Mengajak rekan menaati kode etik',
      ],
      [
        'Mampu memastikan dan menanamkan keyakinan bersama agar anggota tim bertindak sesuai etika',
        'Memastikan seluruh anggota timnya bekerja sesuai etika dalam lingkup formal.',
        'Menerapkan aturan secara konsisten dalam tim',
        'Memberi contoh keteladanan kepada bawahan',
      ],
      [
        'Mampu menciptakan situasi kerja yang membuat rekan kerja patuh pada nilai dan etika',
        'Membangun iklim kerja yang mendorong kepatuhan pada nilai dan etika.',
        'Menyusun mekanisme pengendalian pelanggaran etika',
        'Memberi penghargaan atas perilaku berintegritas',
      ],
      [
        'Mampu menjadi role model dalam penerapan standar keadilan dan etika di tingkat nasional',
        'Menjadi teladan keadilan dan etika bagi instansi dan masyarakat luas.',
        'Mengambil sikap tegas atas pelanggaran etika tingkat tinggi',
        'Mendorong kebijakan antikorupsi lintas instansi',
      ],
    ],
  ),
  entry(
    'M.2',
    'M',
    'Kerja Sama',
    'Kemampuan menjalin, membina, dan mempertahankan hubungan kerja yang efektif, memiliki komitmen saling membantu, dan memaksimalkan sumber daya untuk tujuan bersama.',
    [
      [
        'Berpartisipasi dalam kelompok kerja',
        'Ikut serta secara aktif dalam kegiatan kelompok kerja.',
        'Menyelesaikan bagian tugas kelompok tepat waktu',
        'Berbagi informasi yang berguna bagi kelompok',
      ],
      [
        'Menumbuhkan tim kerja yang partisipatif dan efektif',
        'Mendorong anggota tim untuk terlibat dan bekerja secara efektif.',
        'Menghargai pendapat anggota tim',
        'Membantu rekan yang mengalami kesulitan',
      ],
      [
        'Efektif membangun tim kerja untuk peningkatan kinerja organisasi',
        'Membentuk dan menggerakkan tim untuk mencapai kinerja organisasi.',
        'Membagi peran sesuai kemampuan anggota',
        'Menyelesaikan konflik dalam tim secara adil',
      ],
      [
        'Membangun komitmen tim dan sinergi',
        'Membangun komitmen dan sinergi antarunit kerja.',
        'Menyatukan tujuan beberapa tim dalam satu rencana',
        'Mengembangkan forum kerja sama antarunit',
      ],
      [
        'Menciptakan situasi kerja sama secara konsisten, baik di dalam maupun di luar instansi',
        'Menciptakan kerja sama yang berkelanjutan di dalam dan di luar instansi.',
        'Membangun kemitraan strategis dengan instansi lain',
        'Menjadikan kerja sama sebagai budaya organisasi',
      ],
    ],
  ),
  entry(
    'M.3',
    'M',
    'Komunikasi',
    'Kemampuan menerangkan pandangan dan gagasan secara jelas, sistematis, dan meyakinkan, baik lisan maupun tertulis, serta mendengarkan secara aktif.',
    [
      [
        'Menyampaikan informasi dengan jelas, lengkap, dan mudah dipahami',
        'Menyampaikan informasi secara jelas dan runtut kepada orang lain.',
        'Menjawab pertanyaan dengan tepat dan sopan',
        'Menulis pesan dinas yang mudah dipahami',
      ],
      [
        'Aktif menjalankan komunikasi secara formal dan informal',
        'Berkomunikasi aktif, mendengarkan, dan menyusun naskah dinas dengan baik.',
        'Mendengarkan lawan bicara tanpa memotong',
        'Menyusun surat dan laporan sesuai tata naskah dinas',
      ],
      [
        'Berkomunikasi secara asertif dan terampil menyampaikan informasi yang sensitif atau kompleks',
        'Menyampaikan informasi sensitif atau rumit secara tegas dan santun.',
        'Menyampaikan kabar kurang menyenangkan dengan empati',
        'Menjelaskan kebijakan yang rumit dengan bahasa sederhana',
      ],
      [
        'Mampu mengemukakan pemikiran multidimensi untuk mendorong kesepakatan',
        'Meyakinkan berbagai pihak dengan gagasan yang utuh untuk mencapai kesepakatan.',
        'Memimpin rapat hingga tercapai keputusan bersama',
        'Menyesuaikan pesan dengan latar belakang pendengar',
      ],
      [
        'Mengemukakan pemikiran untuk merancang sistem komunikasi yang terbuka dan strategis',
        'Merancang sistem komunikasi organisasi yang terbuka dan strategis.',
        'Menetapkan strategi komunikasi publik instansi',
        'Membuka saluran umpan balik dari masyarakat',
      ],
    ],
  ),
  entry(
    'M.4',
    'M',
    'Orientasi pada Hasil',
    'Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas, dapat diandalkan, bertanggung jawab, dan terus meningkatkan kualitas hasil kerja.',
    [
      [
        'Bertanggung jawab untuk memenuhi standar kerja',
        'Menyelesaikan tugas sesuai standar kerja yang ditetapkan.',
        'Menyelesaikan pekerjaan sesuai tenggat',
        'Memeriksa kembali hasil kerja sebelum diserahkan',
      ],
      [
        'Berupaya meningkatkan hasil kerja pribadi melebihi standar',
        'Berusaha melampaui standar kerja dan mencoba cara baru.',
        'Mencari cara kerja yang lebih cepat dan tepat',
        'Menetapkan target pribadi yang lebih tinggi',
      ],
      [
        'Menetapkan target kerja yang menantang bagi unit kerja',
        'Menetapkan target unit yang menantang dan memantau pencapaiannya.',
        'Menyusun indikator kinerja unit yang terukur',
        'Memantau capaian target secara berkala',
      ],
      [
        'Mendorong unit kerja mencapai target yang ditetapkan atau melebihi hasil kerja sebelumnya',
        'Menggerakkan unit kerja agar mencapai atau melampaui target.',
        'Mengatasi hambatan yang menghalangi capaian unit',
        'Mengalokasikan sumber daya untuk target prioritas',
      ],
      [
        'Meningkatkan mutu pencapaian kerja organisasi',
        'Meningkatkan mutu kinerja organisasi secara menyeluruh.',
        'Menetapkan standar mutu baru bagi organisasi',
        'Mengevaluasi kinerja organisasi untuk perbaikan berkelanjutan',
      ],
    ],
  ),
  entry(
    'M.5',
    'M',
    'Pelayanan Publik',
    'Kemampuan melaksanakan tugas pemerintahan, pembangunan, dan pelayanan publik secara profesional, transparan, dan mengikuti standar pelayanan yang objektif, netral, dan tidak memihak.',
    [
      [
        'Menjalankan tugas mengikuti standar pelayanan',
        'Melayani masyarakat sesuai standar pelayanan yang berlaku.',
        'Melayani dengan ramah dan sesuai prosedur',
        'Memberikan informasi layanan yang benar',
      ],
      [
        'Mampu mensupervisi dan menjelaskan proses pelayanan secara transparan',
        'Mengawasi pelayanan dan menjelaskan prosesnya secara terbuka.',
        'Menjelaskan persyaratan dan biaya layanan secara terbuka',
        'Memeriksa kepatuhan petugas pada standar',
      ],
      [
        'Mampu memanfaatkan kekuatan kelompok serta memperbaiki standar pelayanan',
        'Memperbaiki standar pelayanan di unit kerjanya.',
        'Menindaklanjuti pengaduan masyarakat',
        'Menyederhanakan alur layanan unit',
      ],
      [
        'Mampu memonitor, mengevaluasi, dan mengantisipasi dampak isu pelayanan jangka panjang',
        'Memantau dan mengantisipasi masalah pelayanan jangka panjang.',
        'Menganalisis hasil survei kepuasan masyarakat',
        'Menyiapkan langkah antisipasi atas isu layanan',
      ],
      [
        'Mampu memastikan kebijakan pelayanan yang netral dan tidak diskriminatif',
        'Menjamin kebijakan pelayanan yang netral, adil, dan tanpa diskriminasi.',
        'Menetapkan kebijakan layanan yang inklusif',
        'Menjamin akses layanan bagi kelompok rentan',
      ],
    ],
  ),
  entry(
    'M.6',
    'M',
    'Pengembangan Diri dan Orang Lain',
    'Kemampuan meningkatkan pengetahuan dan menyempurnakan keterampilan diri, serta menginspirasi orang lain untuk mengembangkan dan menyempurnakan kemampuannya.',
    [
      [
        'Pengembangan diri',
        'Berupaya mengembangkan pengetahuan dan keterampilan diri sendiri.',
        'Mengikuti pelatihan yang relevan dengan tugas',
        'Mempelajari aturan dan metode kerja terbaru',
      ],
      [
        'Meningkatkan kemampuan bawahan dengan memberikan contoh',
        'Mengajari bawahan melalui contoh dan penjelasan.',
        'Menunjukkan cara kerja yang benar kepada bawahan',
        'Berbagi pengetahuan hasil pelatihan',
      ],
      [
        'Memberikan umpan balik dan membimbing',
        'Memberi umpan balik dan bimbingan untuk pengembangan bawahan.',
        'Memberi umpan balik kinerja secara rutin',
        'Menyusun rencana pengembangan bersama bawahan',
      ],
      [
        'Menyusun program pengembangan jangka panjang',
        'Merancang program pengembangan jangka panjang bagi unit kerja.',
        'Memetakan kebutuhan pengembangan kompetensi unit',
        'Menyiapkan kader pengganti untuk jabatan kunci',
      ],
      [
        'Menciptakan budaya belajar berkelanjutan di organisasi',
        'Membangun budaya belajar berkelanjutan di seluruh organisasi.',
        'Mendorong kebijakan pembelajaran terintegrasi',
        'Menyediakan sumber daya untuk pembelajaran pegawai',
      ],
    ],
  ),
  entry(
    'M.7',
    'M',
    'Mengelola Perubahan',
    'Kemampuan menyesuaikan diri dengan situasi baru atau berubah, tidak bergantung pada cara lama, serta mendorong dan mengelola perubahan.',
    [
      [
        'Mengikuti perubahan dengan arahan',
        'Mengikuti perubahan sesuai arahan atasan.',
        'Menjalankan prosedur baru sesuai petunjuk',
        'Bersedia mempelajari aplikasi atau aturan baru',
      ],
      [
        'Proaktif beradaptasi mengikuti perubahan',
        'Menyesuaikan diri secara proaktif terhadap perubahan.',
        'Mencari tahu alasan dan manfaat perubahan',
        'Mengubah cara kerja tanpa menunggu perintah',
      ],
      [
        'Membantu orang lain mengikuti perubahan',
        'Membantu rekan dan bawahan menyesuaikan diri dengan perubahan.',
        'Menjelaskan manfaat perubahan kepada rekan',
        'Mendampingi rekan yang kesulitan beradaptasi',
      ],
      [
        'Memimpin perubahan pada unit kerja',
        'Memimpin dan mengelola perubahan di unit kerjanya.',
        'Menyusun rencana perubahan unit kerja',
        'Mengelola penolakan terhadap perubahan',
      ],
      [
        'Memimpin, menggerakkan, dan mengevaluasi perubahan secara menyeluruh',
        'Menggerakkan pemangku kepentingan untuk perubahan instansi atau nasional.',
        'Menetapkan arah perubahan organisasi',
        'Menggalang dukungan pemangku kepentingan',
      ],
    ],
  ),
  entry(
    'M.8',
    'M',
    'Pengambilan Keputusan',
    'Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan diri setelah mempertimbangkan prinsip kehati-hatian, alternatif, dan risikonya.',
    [
      [
        'Mengumpulkan informasi untuk bertindak sesuai kewenangan',
        'Mengumpulkan informasi dan mengambil keputusan dalam batas kewenangannya.',
        'Mengumpulkan data sebelum bertindak',
        'Meminta arahan untuk hal di luar kewenangan',
      ],
      [
        'Menganalisis masalah secara mendalam',
        'Menganalisis masalah secara mendalam sebelum memutuskan.',
        'Mencari akar penyebab masalah',
        'Memilah informasi yang relevan dan tidak relevan',
      ],
      [
        'Membandingkan berbagai alternatif dan menyeimbangkan risiko',
        'Membandingkan pilihan dan menimbang risikonya sebelum memutuskan.',
        'Menyusun beberapa alternatif solusi',
        'Menilai untung rugi setiap pilihan',
      ],
      [
        'Menyelesaikan masalah yang mengandung risiko tinggi',
        'Memutuskan masalah berisiko tinggi dan menyiapkan mitigasinya.',
        'Menyusun rencana mitigasi risiko',
        'Berani memutuskan dalam situasi tidak pasti',
      ],
      [
        'Menghasilkan solusi dan keputusan strategis jangka panjang',
        'Mengambil keputusan strategis jangka panjang yang berdampak nasional.',
        'Menetapkan kebijakan jangka panjang instansi',
        'Memperhitungkan dampak keputusan bagi masyarakat luas',
      ],
    ],
  ),
  entry(
    'SK.1',
    'SK',
    'Perekat Bangsa',
    'Kemampuan mempromosikan sikap toleransi, keterbukaan, dan peka terhadap perbedaan individu atau kelompok masyarakat; mampu menjadi perpanjangan tangan pemerintah dalam mempersatukan masyarakat.',
    [
      [
        'Peduli terhadap perbedaan latar belakang, agama, kepercayaan, suku, gender, dan sosial ekonomi',
        'Menerima dan menghargai keberagaman di lingkungan kerja.',
        'Bersikap sopan kepada semua orang tanpa membedakan',
        'Menghormati ibadah dan kebiasaan rekan yang berbeda',
      ],
      [
        'Aktif mengembangkan sikap saling menghargai dan persatuan',
        'Mengembangkan sikap saling menghormati dan menjaga persatuan.',
        'Melibatkan rekan dari latar belakang berbeda',
        'Mencegah candaan yang merendahkan kelompok lain',
      ],
      [
        'Mempromosikan dan mengembangkan sikap toleransi serta persatuan',
        'Mendorong toleransi dan persatuan di unit kerja dan layanannya.',
        'Menengahi perselisihan yang berlatar perbedaan',
        'Mengadakan kegiatan yang mempererat persaudaraan',
      ],
      [
        'Mendayagunakan perbedaan secara konstruktif dan kreatif',
        'Memanfaatkan perbedaan sebagai kekuatan untuk kinerja organisasi.',
        'Membentuk tim dengan latar belakang beragam',
        'Menerapkan kearifan lokal seperti pela gandong dalam kerja',
      ],
      [
        'Wakil pemerintah untuk membangun hubungan sosial psikologis',
        'Mewakili pemerintah dalam membangun persatuan di masyarakat.',
        'Memimpin dialog antarkelompok masyarakat',
        'Menetapkan kebijakan yang merawat kerukunan',
      ],
    ],
  ),
];
