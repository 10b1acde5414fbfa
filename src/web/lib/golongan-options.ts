import { describeGolongan, PNS_GOLONGAN, PPPK_GOLONGAN } from '../../domain/golongan';

/** Golongan choices for selects, written as people read them ("III/a — Penata Muda"). */
export const GOLONGAN_OPTIONS = [
  ...PNS_GOLONGAN.map((g) => ({ value: g.golongan, label: describeGolongan(g.golongan) })),
  ...PPPK_GOLONGAN.map((g) => ({ value: g, label: describeGolongan(g) })),
];

export function golonganOptionsFor(status: string | null | undefined) {
  if (status === 'PPPK') return PPPK_GOLONGAN.map((g) => ({ value: g, label: describeGolongan(g) }));
  if (status === 'PNS' || status === 'CPNS')
    return PNS_GOLONGAN.map((g) => ({ value: g.golongan, label: describeGolongan(g.golongan) }));
  return GOLONGAN_OPTIONS;
}
