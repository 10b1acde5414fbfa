/**
 * Local dates and times of a tenant. Every instansi has its own IANA time zone (Kota Ambon:
 * Asia/Jayapura, WIT); "today", "this year" and the times in messages are read in that zone, never in
 * the server's or UTC.
 */

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function partsIn(timeZone: string, at: Date) {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateFormats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute! };
}

/** Whether the runtime knows this IANA zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

/** The calendar date at `at` in the zone, as YYYY-MM-DD. */
export function localDate(timeZone: string, at: Date = new Date()): string {
  const p = partsIn(timeZone, at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today in the zone, as YYYY-MM-DD. */
export const todayIn = (timeZone: string, now: Date = new Date()) => localDate(timeZone, now);

/** The calendar year at `at` in the zone. */
export const yearIn = (timeZone: string, at: Date = new Date()) =>
  Number(localDate(timeZone, at).slice(0, 4));

/**
 * The short name Indonesians use for their three zones (UU/Keppres 41/1987: WIB, WITA, WIT); other zones
 * keep their IANA name.
 */
export function zoneLabel(timeZone: string): string {
  const byZone: Record<string, string> = {
    'Asia/Jakarta': 'WIB',
    'Asia/Pontianak': 'WIB',
    'Asia/Makassar': 'WITA',
    'Asia/Jayapura': 'WIT',
  };
  return byZone[timeZone] ?? timeZone;
}

/** "28/11/2026 09.15 WIT": an instant as people in the tenant read it, with the zone named. */
export function localDateTime(timeZone: string, at: Date, opts: { year?: boolean } = {}): string {
  const p = partsIn(timeZone, at);
  const date = opts.year === false ? `${p.day}/${p.month}` : `${p.day}/${p.month}/${p.year}`;
  return `${date} ${p.hour}.${p.minute} ${zoneLabel(timeZone)}`;
}

/** A stored instant (Date or timestamp text) as ISO 8601 for an API answer; null stays null. */
export const isoInstant = (v: Date | string | null): string | null => (v ? new Date(v).toISOString() : null);
