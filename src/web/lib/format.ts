import { isTimeZone, localDate, zoneLabel } from '../../domain/time';

/**
 * Numbers and dates as people in Indonesia read them: 1.234 and 28/11/2026, times in the instansi's own
 * zone. The zone comes with the signed-in user (`/api/auth/me`); before that (sign-in, public pages) it is
 * WIT, Kota Ambon's.
 */
let zone = 'Asia/Jayapura';

/** The zone every date and time of the signed-in tenant is shown in. */
export const timeZone = () => zone;
/** Its short name: WIB, WITA or WIT. */
export const zoneName = () => zoneLabel(zone);
export function setTimeZone(next: string) {
  if (isTimeZone(next)) zone = next;
}

const numberFmt = new Intl.NumberFormat('id-ID');
export const formatNumber = (n: number | null | undefined) => (n == null ? '—' : numberFmt.format(n));

/** "2026-11-28" (a calendar date, no time zone) → "28/11/2026". */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  if (isoDate.length > 10 && isoDate.includes('T')) return formatDateTime(isoDate).slice(0, 10);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

const dateTimeFmts = new Map<string, Intl.DateTimeFormat>();
const dateTimeFmt = () => {
  let f = dateTimeFmts.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFmts.set(zone, f);
  }
  return f;
};

/** An instant → "28/11/2026 14:05" in the tenant's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(
    dateTimeFmt()
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** "28/11/2026" (also 28-11-2026, 28.11.2026, 1/2/2026) → "2026-11-28", or null when it is no date. */
export function parseDateInput(raw: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(raw);
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today in the tenant's zone as YYYY-MM-DD. */
export const todayIso = () => localDate(zone);

/** This year in the tenant's zone. */
export const thisYear = () => Number(todayIso().slice(0, 4));

/** This month in the tenant's zone, YYYY-MM. */
export const thisMonth = () => todayIso().slice(0, 7);

/** Today in the tenant's zone as dd/mm/yyyy (a sensible default for a TMT). */
export function todayInput(): string {
  return formatDateTime(new Date().toISOString()).slice(0, 10);
}
