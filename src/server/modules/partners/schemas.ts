import { z } from 'zod';
import { PageQuery } from '../../http/pagination.js';

export const PARTNER_KINDS = [
  'universitas',
  'politeknik',
  'swasta',
  'bumn_bumd',
  'pemerintah',
  'lsm',
  'lainnya',
] as const;
export const AGREEMENT_KINDS = ['mou', 'pks'] as const;
export const AGREEMENT_STATUSES = ['berlaku', 'segera_berakhir', 'berakhir'] as const;
export const CONTRIBUTION_KINDS = [
  'pengajar',
  'tempat',
  'kursi_gratis',
  'dana',
  'peralatan',
  'lainnya',
] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = z.iso.date();

export const PartnerListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(PARTNER_KINDS).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
export type PartnerListQueryT = z.infer<typeof PartnerListQuery>;

export const PartnerItem = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  website: z.string().nullable(),
  active: z.boolean(),
  /** Agreements still in force today. */
  activeAgreements: z.number().int(),
  /** Agreements ending within their reminder window. */
  expiringAgreements: z.number().int(),
  programs: z.number().int(),
  contributionTotal: z.number(),
});
export type PartnerItemT = z.infer<typeof PartnerItem>;
export const PartnerList = z.object({ items: z.array(PartnerItem), total: z.number().int() });

export const Agreement = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  number: z.string(),
  title: z.string(),
  parties: z.string().nullable(),
  scope: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  remindDaysBefore: z.number().int(),
  status: z.enum(AGREEMENT_STATUSES),
  /** Days from today (tenant time zone) to the end date; negative once ended. */
  daysLeft: z.number().int(),
  remindedAt: z.string().nullable(),
  document: z.object({ id: z.uuid(), name: z.string(), size: z.number().int() }).nullable(),
});
export type AgreementT = z.infer<typeof Agreement>;

export const Contribution = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  kind: z.enum(CONTRIBUTION_KINDS),
  description: z.string(),
  valueRupiah: z.number(),
  contributedOn: z.string(),
  agreementId: z.uuid().nullable(),
  agreementNumber: z.string().nullable(),
  programId: z.uuid().nullable(),
  programTitle: z.string().nullable(),
});
export type ContributionT = z.infer<typeof Contribution>;

export const ContributionTotals = z.object({
  total: z.number(),
  byYear: z.array(z.object({ year: z.number().int(), total: z.number() })),
  byKind: z.array(z.object({ kind: z.enum(CONTRIBUTION_KINDS), total: z.number() })),
});

export const PartnerMember = z.object({ userId: z.uuid(), username: z.string(), displayName: z.string() });

export const PartnerDetail = PartnerItem.extend({
  members: z.array(PartnerMember),
  agreements: z.array(Agreement),
  contributions: z.array(Contribution),
  totals: ContributionTotals,
  canManage: z.boolean(),
});
export type PartnerDetailT = z.infer<typeof PartnerDetail>;

export const PartnerInput = z.object({
  name: text(200),
  kind: z.enum(PARTNER_KINDS),
  address: optionalText(500),
  contactName: optionalText(150),
  contactEmail: z
    .email()
    .max(200)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  contactPhone: optionalText(30),
  website: optionalText(300),
});
export type PartnerInputT = z.infer<typeof PartnerInput>;
export const PartnerPatch = PartnerInput.partial().extend({ active: z.boolean().optional() });
export type PartnerPatchT = z.infer<typeof PartnerPatch>;

export const MemberInput = z.object({ username: text(100) });
export const MemberParams = z.object({ id: z.uuid(), userId: z.uuid() });

const endsAfterStart = {
  params: {
    id: 'Tanggal berakhir tidak boleh sebelum tanggal mulai.',
    en: 'The end date cannot be before the start date.',
  },
  path: ['endsOn'],
};
export const AgreementInput = z
  .object({
    kind: z.enum(AGREEMENT_KINDS),
    number: text(100),
    title: text(300),
    parties: optionalText(500),
    scope: z.string().trim().max(4000).default(''),
    startsOn: isoDate,
    endsOn: isoDate,
    remindDaysBefore: z.number().int().min(0).max(365).default(60),
  })
  .refine((a) => a.endsOn >= a.startsOn, endsAfterStart);
export type AgreementInputT = z.infer<typeof AgreementInput>;
export const AgreementPatch = z
  .object({
    kind: z.enum(AGREEMENT_KINDS).optional(),
    number: text(100).optional(),
    title: text(300).optional(),
    parties: optionalText(500),
    scope: z.string().trim().max(4000).optional(),
    startsOn: isoDate.optional(),
    endsOn: isoDate.optional(),
    remindDaysBefore: z.number().int().min(0).max(365).optional(),
  })
  .refine((a) => !a.startsOn || !a.endsOn || a.endsOn >= a.startsOn, endsAfterStart);
export type AgreementPatchT = z.infer<typeof AgreementPatch>;

export const AgreementListQuery = z.object({
  partnerId: z.uuid().optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
});
export const AgreementList = z.object({ items: z.array(Agreement) });

export const RemindResult = z.object({ agreements: z.number().int(), notifications: z.number().int() });

export const ContributionInput = z.object({
  kind: z.enum(CONTRIBUTION_KINDS),
  description: text(1000),
  valueRupiah: z.number().int().min(0).max(1_000_000_000_000),
  contributedOn: isoDate,
  agreementId: z.uuid().nullable().optional(),
  programId: z.uuid().nullable().optional(),
});
export type ContributionInputT = z.infer<typeof ContributionInput>;
export const ContributionList = z.object({ items: z.array(Contribution), totals: ContributionTotals });
