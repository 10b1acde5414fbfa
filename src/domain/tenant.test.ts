import { describe, expect, it } from 'vitest';
import { defaultIssuer, issuerOf } from './tenant.js';

describe('certificate issuer of a tenant', () => {
  it('derives heading, place and signer from the tenant name', () => {
    expect(defaultIssuer('Pemerintah Kota Ambon')).toMatchObject({
      heading: 'PEMERINTAH KOTA AMBON',
      place: 'Ambon',
      signerTitle: 'Kepala BKPSDM Kota Ambon',
    });
    expect(defaultIssuer('Pemerintah Kabupaten Maluku  Tengah')).toMatchObject({
      heading: 'PEMERINTAH KABUPATEN MALUKU TENGAH',
      place: 'Maluku Tengah',
      signerTitle: 'Kepala BKPSDM Kabupaten Maluku Tengah',
    });
    expect(defaultIssuer('Kota Tual').place).toBe('Tual');
  });

  it('keeps what the tenant set and fills the rest', () => {
    const i = issuerOf('Pemerintah Kota Tual', { signerTitle: 'Kepala BKD Kota Tual', place: ' ' });
    expect(i).toMatchObject({
      signerTitle: 'Kepala BKD Kota Tual',
      place: 'Tual',
      heading: 'PEMERINTAH KOTA TUAL',
    });
  });
});
