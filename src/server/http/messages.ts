/** Messages the API speaks, Bahasa Indonesia first, English second. `{name}` is replaced. */
export type Lang = 'id' | 'en';

const MESSAGES = {
  'auth.required': { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  'auth.invalid': {
    id: 'Nama pengguna atau kata sandi salah. Setelah beberapa kali gagal, tunggu sebentar sebelum mencoba lagi.',
    en: 'Wrong username or password. After several failures, wait a while before trying again.',
  },
  'auth.inactive': { id: 'Akun ini tidak aktif. Hubungi admin BKPSDM.', en: 'This account is inactive.' },
  'auth.wrongCurrentPassword': { id: 'Kata sandi lama salah.', en: 'The current password is wrong.' },
  forbidden: { id: 'Anda tidak berwenang melakukan ini.', en: 'You are not allowed to do this.' },
  notFound: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  'route.notFound': { id: 'Alamat API tidak dikenal.', en: 'Unknown API address.' },
  validation: { id: 'Ada isian yang perlu diperbaiki.', en: 'Some fields need fixing.' },
  conflict: {
    id: 'Data bentrok dengan data yang sudah ada: {what}.',
    en: 'Conflicts with existing data: {what}.',
  },
  rateLimited: {
    id: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.',
    en: 'Too many requests. Wait a moment.',
  },
  internal: {
    id: 'Terjadi kesalahan pada server. Kode: {requestId}.',
    en: 'Server error. Reference: {requestId}.',
  },
  'db.unavailable': {
    id: 'Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi.',
    en: 'The database is unavailable. Try again shortly.',
  },
  'db.busy': {
    id: 'Server sedang sibuk, coba lagi sebentar.',
    en: 'The server is busy, try again in a moment.',
  },
  'import.interrupted': {
    id: 'Impor terhenti karena server Asah berhenti sebelum impor selesai; tidak ada data yang disimpan. Unggah berkasnya sekali lagi.',
    en: 'The import stopped because the Asah server stopped before it finished; nothing was saved. Upload the file again.',
  },
  'import.invalid': {
    id: 'Berkas berisi {count} kesalahan; tidak ada data yang disimpan.',
    en: 'The file has {count} errors; nothing was saved.',
  },
  'import.unreadable': { id: 'Berkas tidak dapat dibaca: {reason}', en: 'The file cannot be read: {reason}' },
  'import.fileMissing': {
    id: 'Pilih berkas CSV atau XLSX untuk diunggah.',
    en: 'Choose a CSV or XLSX file.',
  },
  'import.tooLarge': { id: 'Berkas terlalu besar (maksimal {mb} MB).', en: 'File too large (max {mb} MB).' },
  'import.tooComplex': {
    id: 'Berkas ditolak karena melampaui batas yang aman: {reason}',
    en: 'The file is refused because it exceeds a safe limit: {reason}',
  },
  'import.busyUser': {
    id: 'Anda masih menjalankan {count} impor; tunggu sampai selesai lalu coba lagi.',
    en: 'You are still running {count} import(s); wait until they finish and try again.',
  },
  'import.busy': {
    id: 'Server sedang menjalankan {count} impor sekaligus (batasnya); coba lagi sebentar lagi.',
    en: 'The server is running {count} imports at once (its limit); try again shortly.',
  },
  'import.notConfirmable': {
    id: 'Pratinjau ini tidak dapat disimpan: sudah disimpan, gagal, atau kedaluwarsa. Unggah berkasnya kembali.',
    en: 'This preview cannot be saved: it was saved already, failed or expired. Upload the file again.',
  },
  'unit.cycle': {
    id: 'Unit tidak boleh menjadi induk dari dirinya sendiri.',
    en: 'A unit cannot be its own ancestor.',
  },
  'employee.supervisorSelf': {
    id: 'Pegawai tidak boleh menjadi atasan dirinya sendiri.',
    en: 'An employee cannot supervise themself.',
  },
  'request.crossSite': {
    id: 'Permintaan ditolak: perubahan data hanya boleh dikirim dari halaman Asah sendiri.',
    en: 'Request refused: changes may only be sent from Asah’s own pages.',
  },
  'request.contentType': {
    id: 'Jenis isi permintaan ({type}) tidak diterima di alamat ini; yang diterima: {expected}.',
    en: 'This address does not accept the request’s content type ({type}); it accepts: {expected}.',
  },
  'request.noBody': {
    id: 'Alamat ini tidak menerima isi permintaan (dikirim: {type}).',
    en: 'This address takes no request body (sent: {type}).',
  },
  badUrl: {
    id: 'Alamat permintaan tidak sah (pengodean persen rusak atau bagian alamat terlalu panjang).',
    en: 'The request address is not valid (broken percent-encoding or a path part too long).',
  },
  'data.rejected': {
    id: 'Data tidak dapat disimpan: ada nilai yang tidak sah atau bertentangan dengan data lain.',
    en: 'The data cannot be saved: a value is not valid or contradicts other data.',
  },
  'data.busy': {
    id: 'Data ini sedang diubah oleh permintaan lain. Muat ulang lalu coba lagi.',
    en: 'This record is being changed by another request. Reload and try again.',
  },
  'user.lastAdmin': {
    id: 'Admin terakhir tidak boleh dihapus perannya.',
    en: 'The last admin cannot lose the role.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

export type MessageParams = Record<string, string | number>;

/** Fills the `{name}` placeholders of a message; an unknown name stays as written. */
export const fill = (text: string, params: MessageParams = {}): string =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));

/** A module's own bilingual messages as one lookup: `(lang, key, params) => text`. */
export function textsOf<K extends string>(texts: Record<K, Record<Lang, string>>) {
  return (lang: Lang, key: K, params: MessageParams = {}): string => fill(texts[key][lang], params);
}

export const t = textsOf(MESSAGES);

/** Picks the caller's language: ?lang=, then Accept-Language, then Bahasa Indonesia. */
export function pickLang(query: unknown, acceptLanguage: string | undefined): Lang {
  const q = (query as { lang?: unknown } | undefined)?.lang;
  if (q === 'en' || q === 'id') return q;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}
