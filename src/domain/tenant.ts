/**
 * What a tenant's documents say of it when its settings are silent, derived from its name:
 * "Pemerintah Kota Ambon" → heading "PEMERINTAH KOTA AMBON", place "Ambon",
 * signer "Kepala BKPSDM Kota Ambon".
 */
export interface CertificateIssuer {
  /** First line of the certificate, e.g. "PEMERINTAH KOTA AMBON". */
  heading: string;
  /** Second line: the issuing agency. */
  agency: string;
  /** Place of the signature line ("Ambon, 28/11/2026"). */
  place: string;
  /** Title of the signing official. */
  signerTitle: string;
}

export const DEFAULT_AGENCY = 'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA (BKPSDM)';

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

/** "Pemerintah Kota Ambon" → "Kota Ambon"; a name without the prefix stays as written. */
export const regionOf = (tenantName: string) => squeeze(tenantName).replace(/^pemerintah(an)?\s+/i, '');

/** "Kota Ambon" / "Kabupaten Maluku Tengah" / "Provinsi Maluku" → "Ambon" / "Maluku Tengah" / "Maluku". */
export const placeOf = (tenantName: string) =>
  regionOf(tenantName).replace(/^(kota|kabupaten|kab\.|provinsi|prov\.)\s+/i, '') || squeeze(tenantName);

export function defaultIssuer(tenantName: string): CertificateIssuer {
  const name = squeeze(tenantName);
  return {
    heading: name.toUpperCase(),
    agency: DEFAULT_AGENCY,
    place: placeOf(name),
    signerTitle: `Kepala BKPSDM ${regionOf(name)}`,
  };
}

/** The tenant's own values where given, the derived ones elsewhere. */
export function issuerOf(
  tenantName: string,
  given: Partial<CertificateIssuer> | undefined,
): CertificateIssuer {
  const d = defaultIssuer(tenantName);
  return {
    heading: given?.heading?.trim() || d.heading,
    agency: given?.agency?.trim() || d.agency,
    place: given?.place?.trim() || d.place,
    signerTitle: given?.signerTitle?.trim() || d.signerTitle,
  };
}

/** An IANA time zone the runtime knows (Asia/Jakarta, Asia/Makassar, Asia/Jayapura, …). */
export { isTimeZone as validZone } from './time.js';

/**
 * The city where the instansi sits: a programme held there asks no travel or lodging of its
 * participants. The setting `homeCity` where given, else the place in the tenant's name
 * ("Pemerintah Kota Ambon" → "Ambon", "Pemerintah Kabupaten Maluku Tengah" → "Maluku Tengah").
 */
export const homeCityOf = (tenantName: string, given?: string) => given?.trim() || placeOf(tenantName);

const cityKey = (city: string) =>
  squeeze(city)
    .toLowerCase()
    .replace(/^(kota|kabupaten|kab\.)\s+/, '');

/** "Kota Ambon", " ambon " and "AMBON" are the same city; "Ambon Timur" is not. */
export const sameCity = (a: string, b: string) => cityKey(a) !== '' && cityKey(a) === cityKey(b);
