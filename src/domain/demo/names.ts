/** Name material for synthetic Ambonese civil servants. All people generated from it are fictional. */

/** Moluccan family names common among Christian families. */
export const SURNAMES_CHRISTIAN = [
  'Latuheru', 'Pattinama', 'Wattimena', 'Tuhumury', 'Sahetapy', 'Pelupessy', 'Latumahina', 'Siahaya',
  'Manuputty', 'Lekatompessy', 'Tahapary', 'Sopacua', 'Leiwakabessy', 'Huwae', 'Nanlohy', 'Kailola',
  'Pattiasina', 'Ririmasse', 'Lewerissa', 'Matakupan', 'Souisa', 'Pattipeilohy', 'Tupamahu', 'Tomasoa',
  'Hehanussa', 'Leimena', 'Latupeirissa', 'Parera', 'Sahusilawane', 'Rehatta', 'Maspaitella', 'Nikijuluw',
  'Pattikawa', 'Mahulette', 'Tuanakotta', 'Matulessy', 'Ferdinandus', 'Lopulalan', 'Pesulima', 'Titaley',
  'Soselisa', 'Tetelepta', 'Hetharia', 'Sapulette', 'Pattiwael', 'Tanamal', 'Talakua', 'Loppies',
  'Wairata', 'Patty', 'Hukom', 'Anakotta', 'Kakisina', 'Sinay', 'Tamaela', 'Haumahu',
];

/** Moluccan family names common among Muslim families. */
export const SURNAMES_MUSLIM = [
  'Ohorella', 'Tualeka', 'Rumra', 'Marasabessy', 'Latuconsina', 'Tuasikal', 'Lestaluhu', 'Sangadji',
  'Tuanaya', 'Pelu', 'Wailissa', 'Tuharea', 'Lessy', 'Kaliky', 'Latuapo', 'Hatapayo', 'Umarella',
  'Tuahuns', 'Payapo', 'Mahu', 'Tehupelasury', 'Nurlette', 'Samal', 'Tawainella', 'Wakano', 'Lating',
  'Soumena', 'Tuasamu', 'Latulanit', 'Hatala', 'Slamat', 'Mony', 'Ely', 'Suneth', 'Laitupa',
  'Rumalutur', 'Kilbaren', 'Toisuta', 'Wance', 'Saleky',
];

export const GIVEN_CHRISTIAN_M = [
  'Johanis', 'Yohanes', 'Marthen', 'Petrus', 'Fredrik', 'Jacob', 'Abraham', 'Daniel', 'Samuel', 'Stevanus',
  'Ronald', 'Hendrik', 'Alexander', 'Ferry', 'Frans', 'Agustinus', 'Benny', 'Decky', 'Jeffry', 'Richard',
  'Robby', 'Melky', 'Yusak', 'Semuel', 'Elias', 'Markus', 'Paulus', 'Simon', 'Thomas', 'Willem', 'Julius',
  'Novan', 'Charles', 'Rudolf', 'Izaak', 'Nikolas', 'Jonathan', 'Glenn', 'Randy', 'Kevin',
];
export const GIVEN_CHRISTIAN_F = [
  'Maria', 'Magdalena', 'Yohana', 'Elisabeth', 'Agustina', 'Margaretha', 'Christina', 'Debora', 'Ester',
  'Ruth', 'Sarah', 'Lea', 'Novita', 'Meiske', 'Jeane', 'Nelly', 'Welmince', 'Olivia', 'Patricia', 'Veronika',
  'Fransina', 'Yosina', 'Selvi', 'Theresia', 'Grace', 'Juliana', 'Marlin', 'Stella', 'Priskila', 'Anneke',
  'Mersy', 'Feby', 'Vanny', 'Cindy', 'Natalia', 'Helena', 'Sonya', 'Ivonne', 'Lusiana', 'Marselina',
];
export const GIVEN_MUSLIM_M = [
  'Muhammad', 'Ahmad', 'Abdul', 'Hasan', 'Husein', 'Ali', 'Umar', 'Rizal', 'Fadli', 'Ismail', 'Rahman',
  'Yusuf', 'Ibrahim', 'Hamid', 'Arif', 'Saleh', 'Taufik', 'Irwan', 'Syarif', 'Zainal', 'Amir', 'Nurdin',
  'Ridwan', 'Faisal', 'Hamzah', 'Rusdi', 'Salim', 'Jafar', 'Idris', 'Anwar', 'Fahmi', 'Rifai', 'Sofyan',
  'Nasrun', 'Karim', 'Ilham', 'Rafli', 'Akbar', 'Fikri', 'Harun',
];
export const GIVEN_MUSLIM_F = [
  'Siti', 'Nur', 'Fatimah', 'Aisyah', 'Halimah', 'Khadijah', 'Nurhayati', 'Sitti', 'Rahma', 'Nurlaila',
  'Hasna', 'Zainab', 'Salma', 'Nuraini', 'Rosmina', 'Hadija', 'Fitriani', 'Mariam', 'Syarifah', 'Aminah',
  'Rahmawati', 'Nurjanah', 'Hamidah', 'Sumiati', 'Safitri', 'Asma', 'Wahida', 'Jamila', 'Faridah', 'Rukmini',
  'Nadia', 'Nabila', 'Sarifa', 'Ummi', 'Hafsah', 'Rosdiana', 'Yuliani', 'Marwah', 'Lailatul', 'Husna',
];
/** Second names used with either religion (or by families from elsewhere in Indonesia). */
export const MIDDLE_M = [
  'Agus', 'Budi', 'Hendra', 'Andi', 'Rudi', 'Eko', 'Rizky', 'Fajar', 'Dimas', 'Putra', 'Saputra', 'Pratama',
  'Wijaya', 'Setiawan', 'Kurniawan', 'Hidayat', 'Gunawan', 'Santoso', 'Firmansyah', 'Ramadhan',
];
export const MIDDLE_F = [
  'Dewi', 'Sri', 'Rina', 'Yuliana', 'Ratna', 'Lestari', 'Wulandari', 'Indah', 'Putri', 'Novianti', 'Sari',
  'Puspita', 'Anggraini', 'Permatasari', 'Handayani', 'Kusumawati', 'Purnamasari', 'Oktaviani', 'Rahayu', 'Maharani',
];
/** Migrant (Butonese) naming: La / Wa Ode prefixes. */
export const BUTON_M = ['La Ode', 'La'];
export const BUTON_F = ['Wa Ode', 'Wa'];
