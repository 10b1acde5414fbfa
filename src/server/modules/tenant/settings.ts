/**
 * The typed settings of a tenant (tenants.settings, jsonb): every key Asah reads, with its rules.
 * A PATCH merges into the stored settings (JSON merge patch: objects merge, `null` removes a key so
 * its default applies again) and the merged whole must pass this schema.
 */
import { z } from 'zod';
import { JPM_FORMULAS } from '../../../domain/competency/gaps.js';
import { ReconcileRuleSetting } from '../competency/schemas.js';
import { NineBoxCutoffsSchema } from '../talent/schemas.js';

const Line = (max: number) => z.string().trim().min(2).max(max);

export const CertificateSettings = z.strictObject({
  /** First line, e.g. "PEMERINTAH KOTA AMBON" (default: the tenant name in capitals). */
  heading: Line(120).optional(),
  /** Second line, the issuing agency (default: BKPSDM in full). */
  agency: Line(160).optional(),
  /** Place of the signature line (default: the city or regency from the tenant name). */
  place: Line(80).optional(),
  /** Title of the signing official (default: "Kepala BKPSDM" + the region). */
  signerTitle: Line(120).optional(),
});

export const TenantSettings = z.strictObject({
  /** Certificate numbers' prefix (default BKPSDM-<tenant code>). */
  certificatePrefix: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.-]{2,30}$/, { message: 'Hanya huruf, angka, titik atau tanda hubung (2–30)' })
    .optional(),
  /** The city where the instansi sits; programmes there expect no travel (default: from the tenant name). */
  homeCity: Line(80).optional(),
  /** Days a TMT in a NIP may lie ahead of today, for appointments being prepared (default 31). */
  appointmentLeadDays: z.number().int().min(0).max(366).optional(),
  /** Code of the unit acting as BKPSDM (default BKPSDM). */
  bkpsdmUnitCode: z.string().trim().min(1).max(50).optional(),
  /** Budget ceiling per year in rupiah, e.g. {"2026": 1500000000}. */
  learningBudget: z
    .record(z.string().regex(/^\d{4}$/, { message: 'Tahun empat angka' }), z.number().int().min(0))
    .optional(),
  competency: z
    .strictObject({
      reconcileRule: ReconcileRuleSetting.strict().optional(),
      nineBox: NineBoxCutoffsSchema.strict().optional(),
      /** How JPM totals levels: per-competency cap (default) or a cap on the total (gaps.ts). */
      jpmFormula: z.enum(JPM_FORMULAS).optional(),
    })
    .optional(),
  certificate: CertificateSettings.optional(),
});
export type TenantSettingsT = z.infer<typeof TenantSettings>;

/** What a PATCH may send: any part of the settings, `null` to remove a key. */
export const TenantSettingsPatch = z.record(z.string(), z.unknown());

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7396 merge: objects merge key by key, `null` removes, anything else replaces. */
export function mergeSettings(stored: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Json = isObject(stored) ? { ...stored } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergeSettings(out[k], v);
  }
  return out;
}

/** Leaf paths ("competency.nineBox.performance") and their values; arrays count as leaves. */
function leaves(v: unknown, prefix: string, out: Map<string, unknown>) {
  if (isObject(v) && Object.keys(v).length > 0) {
    for (const [k, x] of Object.entries(v)) leaves(x, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix && !(isObject(v) && Object.keys(v).length === 0)) out.set(prefix, v);
  return out;
}

/** The fields that changed, each with its value before and after (undefined: not set). */
export function changedFields(before: unknown, after: unknown) {
  const b = leaves(before, '', new Map());
  const a = leaves(after, '', new Map());
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...b.keys(), ...a.keys()])) {
    if (JSON.stringify(b.get(key)) !== JSON.stringify(a.get(key)))
      changes[key] = { before: b.get(key) ?? null, after: a.get(key) ?? null };
  }
  return changes;
}
