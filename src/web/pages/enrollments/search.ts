/** The /hadir address: ?sesi=<session id>&kode=<check-in code>, both optional (the code can be typed). */
export const checkinSearch = (s: Record<string, unknown>): { sesi?: string; kode?: string } => ({
  ...(typeof s.sesi === 'string' ? { sesi: s.sesi } : {}),
  ...(typeof s.kode === 'string' ? { kode: s.kode } : {}),
});
