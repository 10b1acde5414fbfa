/**
 * Whether an employee may join a programme, with the reasons when not: the programme must be open
 * (published), and the employee active, of an eligible position type and golongan (an empty list
 * means everyone). Exported for enrolment.
 */
import { sql } from 'drizzle-orm';
import { describeGolongan } from '../../../domain/golongan.js';
import type { Tx } from '../../db/client.js';
import type { Lang } from '../../http/messages.js';

export type IneligibleCode = 'notPublished' | 'inactive' | 'positionType' | 'golongan';

export interface EligibilityReason {
  code: IneligibleCode;
  message: { id: string; en: string };
}

export interface EligibilityFacts {
  program: { status: string; eligiblePositionTypes: readonly string[]; eligibleGolongan: readonly string[] };
  employee: { active: boolean; positionType: string | null; golongan: string | null };
}

/** The reasons an employee cannot join (pure); empty when eligible. */
export function eligibilityReasons({ program, employee }: EligibilityFacts): EligibilityReason[] {
  const out: EligibilityReason[] = [];
  if (program.status !== 'published')
    out.push({
      code: 'notPublished',
      message: {
        id: 'Program ini tidak sedang dibuka untuk pendaftaran.',
        en: 'This programme is not open for enrolment.',
      },
    });
  if (!employee.active)
    out.push({
      code: 'inactive',
      message: { id: 'Pegawai tidak aktif.', en: 'The employee is not active.' },
    });
  if (
    program.eligiblePositionTypes.length > 0 &&
    !(employee.positionType && program.eligiblePositionTypes.includes(employee.positionType))
  )
    out.push({
      code: 'positionType',
      message: {
        id: 'Jenis jabatan pegawai tidak termasuk sasaran program ini.',
        en: "The employee's position type is not among this programme's target groups.",
      },
    });
  if (
    program.eligibleGolongan.length > 0 &&
    !(employee.golongan && program.eligibleGolongan.includes(employee.golongan))
  )
    out.push({
      code: 'golongan',
      message: {
        id: `Golongan pegawai (${employee.golongan ? describeGolongan(employee.golongan) : 'kosong'}) tidak termasuk sasaran program ini.`,
        en: `The employee's golongan (${employee.golongan ?? 'none'}) is not among this programme's target groups.`,
      },
    });
  return out;
}

/**
 * Is employee X eligible for programme Y? Reads both (no scope: the caller has checked who may
 * ask) and answers with reasons in both languages. Null when either does not exist in the tenant.
 */
export async function checkEligibility(
  db: Tx,
  tenantId: string,
  employeeId: string,
  programId: string,
): Promise<{ eligible: boolean; reasons: EligibilityReason[] } | null> {
  const res = await db.execute<{
    status: string;
    eligible_position_types: string[];
    eligible_golongan: string[];
    active: boolean;
    position_type: string | null;
    golongan: string | null;
  }>(sql`select p.status, p.eligible_position_types, p.eligible_golongan, e.active, pos.type as position_type, e.golongan
    from programs p cross join employees e left join positions pos on pos.id = e.position_id
    where p.tenant_id = ${tenantId} and p.id = ${programId} and e.tenant_id = ${tenantId} and e.id = ${employeeId}`);
  const r = res.rows[0];
  if (!r) return null;
  const reasons = eligibilityReasons({
    program: {
      status: r.status,
      eligiblePositionTypes: r.eligible_position_types,
      eligibleGolongan: r.eligible_golongan,
    },
    employee: { active: r.active, positionType: r.position_type, golongan: r.golongan },
  });
  return { eligible: reasons.length === 0, reasons };
}

export const reasonText = (lang: Lang, r: EligibilityReason) => ({ code: r.code, message: r.message[lang] });
